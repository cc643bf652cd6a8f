/**
 * Which DuckLake table an export follows, by id (a renamed table is the same table), over which
 * snapshots: from the one after the last exported (or the table's first) to the last asked for,
 * stopping before a drop, which is reported rather than exported as an empty table.
 */
import { LakeError } from '../../errors.ts';
import type { DucklakeCatalog } from '../catalog.ts';
import type { Id } from '../catalogRows.ts';
import { tableById, type CatalogTable } from '../catalogAt.ts';
import { isVisibleAt } from '../visibility.ts';
import { toDeltaSchema } from './deltaSchema.ts';

export interface ExportRange {
  tableId: Id;
  /** Snapshots where the table exists, in order, after the last exported one. */
  snapshots: Id[];
  /** Set when the table was dropped at or before the last snapshot asked for. */
  dropped?: { snapshotId: Id; lastSnapshot: Id };
}

/** The table named `name` at the snapshot, or, when it was dropped, the last table of that name. */
export function findExportTable(catalog: DucklakeCatalog, name: string, snapshotId: Id): Id {
  const dot = name.indexOf('.');
  const schema = dot < 0 ? 'main' : name.slice(0, dot);
  const table = dot < 0 ? name : name.slice(dot + 1);
  const schemaIds = new Set(catalog.schemas.filter((s) => s.schema_name === schema).map((s) => s.schema_id));
  const rows = catalog.tables.filter((t) => t.table_name === table && schemaIds.has(t.schema_id) && t.begin_snapshot <= snapshotId);
  const live = rows.find((t) => isVisibleAt(t, snapshotId));
  const last = live ?? [...rows].sort((a, b) => (b.end_snapshot ?? Infinity) - (a.end_snapshot ?? Infinity))[0];
  if (!last) {
    const names = [...new Set(catalog.tables.map((t) => `${catalog.schemas.find((s) => s.schema_id === t.schema_id)?.schema_name ?? '?'}.${t.table_name}`))].sort();
    throw new LakeError('NotFound', `${catalog.name}: no table ${schema}.${table} at or before snapshot ${snapshotId} (tables: ${names.join(', ') || 'none'})`);
  }
  return last.table_id;
}

export function toExportRange(catalog: DucklakeCatalog, tableId: Id, after: Id | undefined, upTo: Id): ExportRange {
  const rows = catalog.tables.filter((t) => t.table_id === tableId);
  const snapshots = catalog.snapshots
    .map((s) => s.snapshot_id)
    .filter((s) => s <= upTo && (after === undefined || s > after) && rows.some((t) => isVisibleAt(t, s)));
  const live = rows.some((t) => t.end_snapshot === null || t.end_snapshot > upTo);
  const end = Math.max(...rows.map((t) => t.end_snapshot ?? -1));
  if (live || end < 0) return { tableId, snapshots };
  const before = catalog.snapshots.filter((s) => s.snapshot_id < end).at(-1)?.snapshot_id ?? end;
  return { tableId, snapshots, dropped: { snapshotId: end, lastSnapshot: before } };
}

export function tableAt(catalog: DucklakeCatalog, tableId: Id, snapshotId: Id): CatalogTable {
  const table = tableById(catalog, tableId, snapshotId);
  if (!table) throw new LakeError('NotFound', `${catalog.name}: table ${tableId} does not exist at snapshot ${snapshotId}`);
  return table;
}

/** Every snapshot's columns have a Delta type (checked before any file is read): else Unsupported, naming them. */
export function checkExportable(catalog: DucklakeCatalog, tableId: Id, snapshots: readonly Id[]): void {
  const seen = new Set<string>();
  for (const snapshotId of snapshots) {
    const table = tableAt(catalog, tableId, snapshotId);
    const key = JSON.stringify(table.columns);
    if (seen.has(key)) continue;
    seen.add(key);
    toDeltaSchema(table.columns, undefined, table.qualifiedName);
  }
}
