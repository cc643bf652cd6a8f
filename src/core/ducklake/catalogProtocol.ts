/**
 * What a reader must know about a DuckLake table at a snapshot, for the Catalog view: the spec
 * version and catalog database, the data path as written and where files are read from, the
 * table's ids and partitioning, and ducklake_metadata's settings with their scope.
 */
import type { TableFact, TableProtocol } from '../table.ts';
import { metadataValue, type DucklakeCatalog } from './catalog.ts';
import type { CatalogTable } from './catalogAt.ts';
import type { Id } from './catalogRows.ts';
import { columnNamesById } from './toTableModel.ts';
import { ducklakeSpecVersions, isDevelopmentVersion } from './specVersions.ts';
import { isVisibleAt } from './visibility.ts';

const dialectNames = { duckdb: 'DuckDB', sqlite: 'SQLite' } as const;

export function toCatalogProtocol(catalog: DucklakeCatalog, table: CatalogTable, snapshotId: Id, readsFrom: string): TableProtocol {
  const snapshot = catalog.snapshots.find((s) => s.snapshot_id === snapshotId);
  const facts: TableFact[] = [
    { label: 'Spec version', value: `DuckLake ${catalog.version}${isDevelopmentVersion(catalog.version) ? ' (a development version)' : ''}` },
    { label: 'Catalog', value: `${catalog.name} (a ${dialectNames[catalog.dialect]} database)` },
    { label: 'Data path', value: catalog.dataPath ?? 'none written' },
    { label: 'Data files read from', value: readsFrom },
    { label: 'Table', value: `${table.qualifiedName} (table_id ${table.tableId}${table.uuid ? `, ${table.uuid}` : ''})` },
    { label: 'Schema version', value: String(snapshot?.schema_version ?? '?') },
    { label: 'Partitioned by', value: partitionText(catalog, table, snapshotId) },
  ];
  const inlining = metadataValue(catalog, 'data_inlining_row_limit', { scope: 'table', id: table.tableId });
  if (inlining !== undefined) facts.push({ label: 'Data inlining row limit', value: inlining });
  return {
    summary: `DuckLake ${catalog.version}, ${dialectNames[catalog.dialect]} catalog`,
    facts,
    features: [],
    properties: catalog.metadata.map((m) => ({ key: m.key, value: m.value, scope: scopeText(catalog, m.scope, m.scope_id, snapshotId) })),
    notes: [`This build reads DuckLake spec versions ${ducklakeSpecVersions.join(', ')}, DuckDB and SQLite catalogs, read-only.`],
  };
}

function partitionText(catalog: DucklakeCatalog, table: CatalogTable, snapshotId: Id): string {
  const info = catalog.partitionInfo.find((p) => p.table_id === table.tableId && isVisibleAt(p, snapshotId));
  if (!info) return 'none';
  const names = columnNamesById(table.columns);
  return catalog.partitionColumns
    .filter((c) => c.partition_id === info.partition_id)
    .sort((a, b) => a.partition_key_index - b.partition_key_index)
    .map((c) => {
      const name = names.get(c.column_id) ?? `column ${c.column_id}`;
      return c.transform && c.transform !== 'identity' ? `${c.transform}(${name})` : name;
    })
    .join(', ');
}

function scopeText(catalog: DucklakeCatalog, scope: string | null, id: Id | null, snapshotId: Id): string {
  if (scope === null || scope === 'global') return 'global';
  if (scope === 'table') {
    const row = catalog.tables.find((t) => t.table_id === id && isVisibleAt(t, snapshotId)) ?? catalog.tables.find((t) => t.table_id === id);
    return row ? `table ${row.table_name}` : `table ${id}`;
  }
  if (scope === 'schema') {
    const row = catalog.schemas.find((s) => s.schema_id === id);
    return row ? `schema ${row.schema_name}` : `schema ${id}`;
  }
  return `${scope} ${id ?? ''}`.trim();
}

/** "Snapshot 5 of catalog.ducklake (a DuckDB database), read in one GET; data files only when rows are asked for." */
export function describeCatalogRead(catalog: DucklakeCatalog, snapshotId: Id): string {
  return `Snapshot ${snapshotId} of ${catalog.name} (a ${dialectNames[catalog.dialect]} database, DuckLake ${catalog.version}), read from the catalog file in one request; data files are read only for rows.`;
}
