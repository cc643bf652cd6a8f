/**
 * CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) to rows of strings keyed by the
 * header; empty unquoted fields are null. Values are typed later, by the table's schema.
 */
import { LakeError } from '../core/errors.ts';

export function parseCsv(text: string, name = 'CSV'): Record<string, string | null>[] {
  const records = toRecords(text.replace(/^\uFEFF/, ''), name);
  const header = records.shift();
  if (!header) return [];
  const columns = header.map((h) => h.value ?? '');
  const repeated = columns.find((c, i) => columns.indexOf(c) !== i);
  if (repeated !== undefined) throw new LakeError('InvalidInput', `${name}: the header names column "${repeated}" twice; one of them would be lost`);
  return records
    .filter((r) => !(r.length === 1 && r[0]?.value === null))
    .map((record, i) => {
      if (record.length !== columns.length) throw new LakeError('InvalidInput', `${name} line ${i + 2}: ${record.length} fields, but the header has ${columns.length}`);
      return Object.fromEntries(columns.map((c, j) => [c, record[j]?.value ?? null]));
    });
}

function toRecords(text: string, name: string): { value: string | null }[][] {
  const records: { value: string | null }[][] = [];
  let record: { value: string | null }[] = [];
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
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') { quoted = true; wasQuoted = true; i++; continue; }
    if (c === ',') { endField(); i++; continue; }
    if (c === '\n' || c === '\r') {
      endField();
      records.push(record);
      record = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    i++;
  }
  if (quoted) throw new LakeError('InvalidInput', `${name}: a quoted field is not closed`);
  if (field !== '' || wasQuoted || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}
