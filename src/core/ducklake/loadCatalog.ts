/**
 * Opens a catalog database as DuckLake: finds ducklake_metadata (InvalidInput when there is
 * none: not a DuckLake catalog), its spec version (Unsupported when unknown), refuses encrypted
 * catalogs by name, checks the tables and columns the version must have, and reads the catalog
 * tables every view needs.
 */
import { LakeError } from '../errors.ts';
import type { CatalogDatabase } from './catalogDatabase.ts';
import type { DucklakeCatalog } from './catalog.ts';
import { readCatalogTable, resolveLayout, type CatalogLayout } from './catalogQueries.ts';
import type { ColumnRow, MetadataRow, PartitionColumnRow, SnapshotChangesRow, SnapshotRow } from './catalogRows.ts';
import { toSpecVersion } from './specVersions.ts';

export async function loadCatalog(db: CatalogDatabase): Promise<DucklakeCatalog> {
  const tables = await db.listTables();
  if (!tables.has('ducklake_metadata')) throw notDucklake(db.name, [...tables.keys()]);
  const rawMetadata = await db.query('SELECT "key", "value" FROM "ducklake_metadata"');
  const globalValue = (key: string) => rawMetadata.find((row) => row.key === key)?.value;
  const version = toSpecVersion(globalValue('version'), db.name);
  if (String(globalValue('encrypted') ?? 'false').toLowerCase() === 'true') {
    throw new LakeError('Unsupported', `${db.name}: an encrypted DuckLake catalog (ducklake_metadata encrypted = true); Lakelab does not read encrypted catalogs or their data files`);
  }
  const layout = resolveLayout(version, tables, db.name);
  const read = <Row>(name: Parameters<typeof readCatalogTable>[2], orderBy?: string) => readCatalogTable<Row>(db, layout, name, { orderBy });
  const metadata = await read<MetadataRow>('ducklake_metadata');
  const snapshots = await read<SnapshotRow>('ducklake_snapshot', '"snapshot_id"');
  const changes = await read<SnapshotChangesRow>('ducklake_snapshot_changes');
  const columns = await read<ColumnRow>('ducklake_column');
  const partitionColumns = await read<PartitionColumnRow>('ducklake_partition_column');
  return {
    name: db.name,
    dialect: db.dialect,
    version,
    layout,
    databaseTables: tables,
    metadata,
    dataPath: metadata.find((m) => m.key === 'data_path' && m.scope === null)?.value,
    snapshots,
    changes: new Map(changes.map((c) => [c.snapshot_id, c])),
    schemas: await read('ducklake_schema'),
    tables: await read('ducklake_table'),
    views: await read('ducklake_view'),
    columns,
    macros: await read('ducklake_macro'),
    macroImpls: await read('ducklake_macro_impl'),
    partitionInfo: await read('ducklake_partition_info'),
    partitionColumns: version === '0.1' ? toPartitionColumnIds(partitionColumns, columns) : partitionColumns,
    inlinedDataTables: await read('ducklake_inlined_data_tables'),
    columnMappings: await read('ducklake_column_mapping'),
    nameMappings: await read('ducklake_name_mapping'),
    schemaVersions: await read('ducklake_schema_versions'),
    tags: await read('ducklake_tag'),
    columnTags: await read('ducklake_column_tag'),
    tableStats: await read('ducklake_table_stats'),
    tableColumnStats: await read('ducklake_table_column_stats'),
  };
}

function notDucklake(name: string, tables: string[]): LakeError {
  const found = tables.length === 0 ? 'it has no tables' : `its tables: ${tables.slice(0, 8).join(', ')}${tables.length > 8 ? `, ... (${tables.length})` : ''}`;
  return new LakeError('InvalidInput', `${name}: not a DuckLake catalog (no ducklake_metadata table; ${found})`);
}

/**
 * In spec 0.1 ducklake_partition_column.column_id is the partition column's position among
 * the table's top-level columns; 0.2 made it the column id. The extension's migration maps
 * positions through the table's current columns in column_order, and so does this.
 */
function toPartitionColumnIds(rows: PartitionColumnRow[], columns: ColumnRow[]): PartitionColumnRow[] {
  return rows.map((row) => {
    const ids = columns
      .filter((c) => c.table_id === row.table_id && c.parent_column === null && c.end_snapshot === null)
      .sort((a, b) => a.column_order - b.column_order)
      .map((c) => c.column_id);
    return { ...row, column_id: ids[row.column_id] ?? row.column_id };
  });
}

export type { CatalogLayout };
