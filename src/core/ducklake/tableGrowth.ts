/**
 * Rows, files and bytes of every table at every snapshot where they change, from the file
 * tables' begin/end snapshots (one light query each), swept forward once. A delete file counts
 * while both it and its data file are visible; inlined rows count as rows without files. Rows
 * are null where a partial file or a delete file is only partly visible: a partial file before
 * its partial_max, a delete file written after the snapshot it begins at (a flush or an update
 * rewrites earlier deletes into one file whose rows carry their own snapshot ids, which only
 * reading it tells). When a file was written follows from the ids: a snapshot's next_file_id is
 * the first id after the files it wrote.
 */
import type { CatalogDatabase } from './catalogDatabase.ts';
import type { DucklakeCatalog } from './catalog.ts';
import { readCatalogTable } from './catalogQueries.ts';
import type { Id } from './catalogRows.ts';
import { quoteIdentifier } from '../sqlNames.ts';

export interface GrowthPoint {
  snapshotId: Id;
  files: number;
  bytes: number;
  rows: number | null;
}

export interface GrowthSpan { tableId: Id; begin: Id; end: Id | null; files: number; bytes: number; rows: number; unsureUntil: Id | null }

export interface GrowthInputs {
  spans: GrowthSpan[];
}

type DataSpanRow = { data_file_id: Id; table_id: Id; begin_snapshot: Id; end_snapshot: Id | null; record_count: number; file_size_bytes: number; partial_max: Id | null; partial_file_info: string | null };
type DeleteSpanRow = { delete_file_id: Id; data_file_id: Id; table_id: Id; begin_snapshot: Id; end_snapshot: Id | null; delete_count: number; partial_max: Id | null };

/** The snapshot that wrote file `id`: the first whose next_file_id is past it. */
function writtenAt(catalog: DucklakeCatalog, id: Id): Id | null {
  const snapshots = catalog.snapshots;
  let lo = 0;
  let hi = snapshots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((snapshots[mid]?.next_file_id ?? 0) > id) hi = mid;
    else lo = mid + 1;
  }
  return snapshots[lo]?.snapshot_id ?? null;
}

export async function loadGrowthInputs(db: CatalogDatabase, catalog: DucklakeCatalog): Promise<GrowthInputs> {
  const dataFiles = await readCatalogTable<DataSpanRow>(db, catalog.layout, 'ducklake_data_file', {
    columns: ['data_file_id', 'table_id', 'begin_snapshot', 'end_snapshot', 'record_count', 'file_size_bytes', 'partial_max', 'partial_file_info'],
  });
  const deleteFiles = await readCatalogTable<DeleteSpanRow>(db, catalog.layout, 'ducklake_delete_file', {
    columns: ['delete_file_id', 'data_file_id', 'table_id', 'begin_snapshot', 'end_snapshot', 'delete_count', 'partial_max'],
  });
  const spans: GrowthSpan[] = [];
  const byId = new Map<Id, DataSpanRow>();
  for (const f of dataFiles) {
    byId.set(f.data_file_id, f);
    const partialMax = f.partial_max ?? (f.partial_file_info ? Number(/partial_max:(\d+)/.exec(f.partial_file_info)?.[1] ?? NaN) : null);
    spans.push({ tableId: f.table_id, begin: f.begin_snapshot, end: f.end_snapshot, files: 1, bytes: f.file_size_bytes, rows: f.record_count, unsureUntil: Number.isNaN(partialMax) ? null : partialMax });
  }
  for (const d of deleteFiles) {
    const file = byId.get(d.data_file_id);
    const begin = Math.max(d.begin_snapshot, file?.begin_snapshot ?? d.begin_snapshot);
    const end = minEnd(d.end_snapshot, file ? file.end_snapshot : null);
    if (end !== null && end <= begin) continue;
    const unsureUntil = Math.max(d.partial_max ?? -1, writtenAt(catalog, d.delete_file_id) ?? -1);
    spans.push({ tableId: d.table_id, begin, end, files: 0, bytes: 0, rows: -d.delete_count, unsureUntil: unsureUntil > begin ? unsureUntil : null });
  }
  for (const inlined of catalog.inlinedDataTables) {
    const rows = await db.query(`SELECT "begin_snapshot", "end_snapshot" FROM ${quoteIdentifier(inlined.table_name)}`);
    for (const row of rows) spans.push({ tableId: inlined.table_id, begin: Number(row.begin_snapshot), end: row.end_snapshot === null ? null : Number(row.end_snapshot), files: 0, bytes: 0, rows: 1, unsureUntil: null });
  }
  for (const table of new Set(catalog.tables.map((t) => t.table_id))) {
    const name = `ducklake_inlined_delete_${table}`;
    if (!catalog.databaseTables.has(name)) continue;
    for (const row of await db.query(`SELECT "file_id", "begin_snapshot" FROM ${quoteIdentifier(name)}`)) {
      const file = byId.get(Number(row.file_id));
      spans.push({ tableId: table, begin: Number(row.begin_snapshot), end: file?.end_snapshot ?? null, files: 0, bytes: 0, rows: -1, unsureUntil: null });
    }
  }
  return { spans };
}

function minEnd(a: Id | null, b: Id | null): Id | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** Each table's totals at every snapshot where they change, ascending. */
export function toTableGrowth(inputs: GrowthInputs): Map<Id, GrowthPoint[]> {
  const events = new Map<Id, Map<Id, { files: number; bytes: number; rows: number; unsure: number }>>();
  const add = (tableId: Id, at: Id, files: number, bytes: number, rows: number, unsure: number) => {
    let table = events.get(tableId);
    if (!table) events.set(tableId, (table = new Map()));
    const event = table.get(at) ?? { files: 0, bytes: 0, rows: 0, unsure: 0 };
    event.files += files;
    event.bytes += bytes;
    event.rows += rows;
    event.unsure += unsure;
    table.set(at, event);
  };
  for (const span of inputs.spans) {
    add(span.tableId, span.begin, span.files, span.bytes, span.rows, 0);
    if (span.end !== null) add(span.tableId, span.end, -span.files, -span.bytes, -span.rows, 0);
    if (span.unsureUntil !== null && span.unsureUntil > span.begin) {
      add(span.tableId, span.begin, 0, 0, 0, 1);
      add(span.tableId, span.end === null ? span.unsureUntil : Math.min(span.end, span.unsureUntil), 0, 0, 0, -1);
    }
  }
  const growth = new Map<Id, GrowthPoint[]>();
  for (const [tableId, table] of events) {
    const totals = { files: 0, bytes: 0, rows: 0, unsure: 0 };
    const points: GrowthPoint[] = [];
    for (const at of [...table.keys()].sort((a, b) => a - b)) {
      const event = table.get(at)!;
      totals.files += event.files;
      totals.bytes += event.bytes;
      totals.rows += event.rows;
      totals.unsure += event.unsure;
      points.push({ snapshotId: at, files: totals.files, bytes: totals.bytes, rows: totals.unsure > 0 ? null : totals.rows });
    }
    growth.set(tableId, points);
  }
  return growth;
}

/** A table's totals at `snapshotId`: the last point at or before it. */
export function growthAt(points: readonly GrowthPoint[] | undefined, snapshotId: Id): GrowthPoint | undefined {
  let found: GrowthPoint | undefined;
  for (const point of points ?? []) {
    if (point.snapshotId > snapshotId) break;
    found = point;
  }
  return found;
}
