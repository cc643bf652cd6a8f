/**
 * ducklake_snapshot_changes.changes_made parsed into words. The ducklake extension writes a
 * comma-separated list of `<kind>:<target>`: a quoted name for what a snapshot creates
 * (`created_table:"main"."people"`, names double-quoted with "" for a quote) and an id for
 * what it changes (`inserted_into_table:1`). Older catalogs (spec 0.3) wrote `flushed_inlined`
 * where 1.0 writes `inline_flush`. A kind Lakelab does not know is kept, not dropped.
 */
export const changeKinds = [
  'created_schema', 'created_table', 'created_view', 'created_scalar_macro', 'created_table_macro',
  'dropped_schema', 'dropped_table', 'dropped_view', 'dropped_scalar_macro', 'dropped_table_macro',
  'altered_table', 'altered_view', 'inserted_into_table', 'deleted_from_table', 'compacted_table',
  'inlined_insert', 'inlined_delete', 'inline_flush', 'flushed_inlined', 'merge_adjacent', 'rewrite_delete',
] as const;

export type ChangeKind = (typeof changeKinds)[number];

export type SnapshotChange =
  /** A schema, or an object named by schema and name. */
  | { kind: ChangeKind; schema: string; name?: string; id?: undefined }
  /** An object by its id (tables, views, macros, schemas dropped). */
  | { kind: ChangeKind; id: number; schema?: undefined; name?: undefined }
  | { kind: 'unknown'; text: string; schema?: undefined; name?: undefined; id?: undefined };

const words: Record<ChangeKind, string> = {
  created_schema: 'created schema',
  created_table: 'created table',
  created_view: 'created view',
  created_scalar_macro: 'created macro',
  created_table_macro: 'created table macro',
  dropped_schema: 'dropped schema',
  dropped_table: 'dropped table',
  dropped_view: 'dropped view',
  dropped_scalar_macro: 'dropped macro',
  dropped_table_macro: 'dropped table macro',
  altered_table: 'altered table',
  altered_view: 'altered view',
  inserted_into_table: 'inserted into table',
  deleted_from_table: 'deleted from table',
  compacted_table: 'compacted table',
  inlined_insert: 'inserted inlined rows into table',
  inlined_delete: 'deleted inlined rows from table',
  inline_flush: 'flushed inlined rows of table',
  flushed_inlined: 'flushed inlined rows of table',
  merge_adjacent: 'merged adjacent files of table',
  rewrite_delete: 'rewrote files with deletes of table',
};

export function changeWords(kind: ChangeKind): string {
  return words[kind];
}

export function isChangeKind(value: string): value is ChangeKind {
  return (changeKinds as readonly string[]).includes(value);
}

export function parseChangesMade(text: string | null): SnapshotChange[] {
  if (!text) return [];
  const entries = text.includes('"') ? splitEntries(text) : text.split(',');
  const changes: SnapshotChange[] = [];
  for (const entry of entries) {
    const trimmed = entry.trim();
    if (trimmed.length > 0) changes.push(parseEntry(trimmed));
  }
  return changes;
}

/** Splits at commas outside double-quoted names. */
function splitEntries(text: string): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      entries.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  entries.push(current);
  return entries;
}

function parseEntry(entry: string): SnapshotChange {
  const colon = entry.indexOf(':');
  const kind = colon < 0 ? entry : entry.slice(0, colon);
  const target = colon < 0 ? '' : entry.slice(colon + 1);
  if (!isChangeKind(kind)) return { kind: 'unknown', text: entry };
  if (isDigits(target)) return { kind, id: Number(target) };
  const names = parseQualifiedName(target);
  if (!names || names.length === 0 || names.length > 2) return { kind: 'unknown', text: entry };
  return names.length === 1 ? { kind, schema: names[0] as string } : { kind, schema: names[0] as string, name: names[1] };
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** `"main"."my ""t"""` -> ['main', 'my "t"']; bare names are taken as they are. */
export function parseQualifiedName(text: string): string[] | undefined {
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      let name = '';
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') { name += '"'; i += 2; continue; }
        if (text[i] === '"') break;
        name += text[i++];
      }
      if (text[i] !== '"') return undefined;
      i++;
      parts.push(name);
    } else {
      const end = text.indexOf('.', i);
      parts.push(text.slice(i, end < 0 ? text.length : end));
      i = end < 0 ? text.length : end;
    }
    if (i < text.length) {
      if (text[i] !== '.') return undefined;
      i++;
    }
  }
  return parts;
}
