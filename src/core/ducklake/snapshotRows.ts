/**
 * A snapshot's own catalog rows, DuckLake's equivalent of a Delta commit file: its
 * ducklake_snapshot and ducklake_snapshot_changes rows, then every versioned row it began or
 * ended (schemas, tables, views, columns, partitions, tags, macros, data and delete files of
 * any table), each as `{ <catalog table>: row }`, for the Log view.
 */
import type { CatalogDatabase } from './catalogDatabase.ts';
import type { DucklakeCatalog } from './catalog.ts';
import { readCatalogTable } from './catalogQueries.ts';
import type { Id, Versioned } from './catalogRows.ts';
import { checkSnapshot } from './catalogAt.ts';

export type CatalogRowEntry = Record<string, Record<string, unknown>>;

export async function loadSnapshotRows(db: CatalogDatabase, catalog: DucklakeCatalog, snapshotId: Id): Promise<CatalogRowEntry[]> {
  checkSnapshot(catalog, snapshotId);
  const out: CatalogRowEntry[] = [];
  const push = (table: string, row: object) => out.push({ [table]: toPlain(row) });
  const snapshot = catalog.snapshots.find((s) => s.snapshot_id === snapshotId);
  if (snapshot) push('ducklake_snapshot', snapshot);
  const changes = catalog.changes.get(snapshotId);
  if (changes) push('ducklake_snapshot_changes', changes);
  const touched = (row: Versioned) => row.begin_snapshot === snapshotId || row.end_snapshot === snapshotId;
  const loaded: [string, readonly Versioned[]][] = [
    ['ducklake_schema', catalog.schemas], ['ducklake_table', catalog.tables], ['ducklake_view', catalog.views],
    ['ducklake_column', catalog.columns], ['ducklake_macro', catalog.macros], ['ducklake_partition_info', catalog.partitionInfo],
    ['ducklake_tag', catalog.tags], ['ducklake_column_tag', catalog.columnTags],
  ];
  for (const [table, rows] of loaded) for (const row of rows) if (touched(row)) push(table, row);
  for (const row of catalog.schemaVersions) if (row.begin_snapshot === snapshotId) push('ducklake_schema_versions', row);
  const where = `"begin_snapshot" = ${Math.trunc(snapshotId)} OR "end_snapshot" = ${Math.trunc(snapshotId)}`;
  for (const table of ['ducklake_data_file', 'ducklake_delete_file'] as const) {
    for (const row of await readCatalogTable<Record<string, unknown>>(db, catalog.layout, table, { where })) push(table, row);
  }
  return out;
}

/** Without bigints (JSON cannot hold them) or absent columns of older versions. */
function toPlain(row: object): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) plain[key] = typeof value === 'bigint' ? value.toString() : value;
  return plain;
}
