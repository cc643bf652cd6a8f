/**
 * CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) to rows of strings keyed by the
 * header; empty unquoted fields are null. Values are typed later, by the table's schema.
 */
import { LakeError } from '../core/errors.ts';

export function parseCsv(text: string, name = 'CSV'): Record<string, string | null>[] {
  const records = toRecords(text.replace(/^\uFEFF/, ''), name);
  const header = records.shift();
  if (!header) return [];
  const columns = header.fields.map((h) => h.value ?? '');
  const repeated = columns.find((c, i) => columns.indexOf(c) !== i);
  if (repeated !== undefined) throw new LakeError('InvalidInput', `${name}: the header names column "${repeated}" twice; one of them would be lost`);
  return records
    .filter(({ fields }) => !(fields.length === 1 && fields[0]?.value === null))
    .map(({ fields, line }) => {
      if (fields.length !== columns.length) throw new LakeError('InvalidInput', `${name} line ${line}: ${fields.length} fields, but the header has ${columns.length}`);
      return Object.fromEntries(columns.map((c, j) => [c, fields[j]?.value ?? null]));
    });
}

/** The records of a CSV text, each with the line it starts on (a quoted field may span lines). */
function toRecords(text: string, name: string): { fields: { value: string | null }[]; line: number }[] {
  const records: { fields: { value: string | null }[]; line: number }[] = [];
  let record: { value: string | null }[] = [];
  let line = 1;
  let recordLine = 1;
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let i = 0;
  const endField = () => {
    record.push({ value: field === '' && !wasQuoted ? null : field });
    field = '';
    wasQuoted = false;
  };
  while (i < text.length) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') { quoted = true; wasQuoted = true; i++; continue; }
    if (c === ',') { endField(); i++; continue; }
    if (c === '\n' || c === '\r') {
      endField();
      records.push({ fields: record, line: recordLine });
      record = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      recordLine = ++line;
      continue;
    }
    field += c;
    i++;
  }
  if (quoted) throw new LakeError('InvalidInput', `${name}: a quoted field is not closed`);
  if (field !== '' || wasQuoted || record.length > 0) {
    endField();
    records.push({ fields: record, line: recordLine });
  }
  return records;
}
