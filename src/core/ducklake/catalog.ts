/**
 * A DuckLake catalog as a value: its version and the catalog tables every view needs (snapshots,
 * schemas, tables, views, columns, partitions, mappings, stats), read once. The per-file tables
 * (data files, delete files, column stats, partition values), which can hold millions of rows,
 * are read per table on demand (tableFiles.ts).
 */
import type { CatalogDialect } from './catalogDatabase.ts';
import type { CatalogLayout } from './catalogQueries.ts';
import type {
  ColumnMappingRow, ColumnRow, ColumnTagRow, Id, InlinedDataTableRow, MacroImplRow, MacroRow, MetadataRow, NameMappingRow,
  PartitionColumnRow, PartitionInfoRow, SchemaRow, SchemaVersionRow, SnapshotChangesRow, SnapshotRow, TableColumnStatsRow,
  TableRow, TableStatsRow, TagRow, ViewRow,
} from './catalogRows.ts';
import type { DucklakeSpecVersion } from './specVersions.ts';

export interface DucklakeCatalog {
  /** The catalog file's name, for messages. */
  readonly name: string;
  readonly dialect: CatalogDialect;
  readonly version: DucklakeSpecVersion;
  readonly layout: CatalogLayout;
  /** Every table in the catalog database (inlined data tables included) with its columns, lower-case. */
  readonly databaseTables: ReadonlyMap<string, readonly string[]>;
  readonly metadata: readonly MetadataRow[];
  /** ducklake_metadata's global data_path, as written (ends in '/'). */
  readonly dataPath?: string;
  /** Ascending by snapshot_id. */
  readonly snapshots: readonly SnapshotRow[];
  readonly changes: ReadonlyMap<Id, SnapshotChangesRow>;
  readonly schemas: readonly SchemaRow[];
  readonly tables: readonly TableRow[];
  readonly views: readonly ViewRow[];
  readonly columns: readonly ColumnRow[];
  readonly macros: readonly MacroRow[];
  readonly macroImpls: readonly MacroImplRow[];
  readonly partitionInfo: readonly PartitionInfoRow[];
  readonly partitionColumns: readonly PartitionColumnRow[];
  readonly inlinedDataTables: readonly InlinedDataTableRow[];
  readonly columnMappings: readonly ColumnMappingRow[];
  readonly nameMappings: readonly NameMappingRow[];
  readonly schemaVersions: readonly SchemaVersionRow[];
  readonly tags: readonly TagRow[];
  readonly columnTags: readonly ColumnTagRow[];
  readonly tableStats: readonly TableStatsRow[];
  readonly tableColumnStats: readonly TableColumnStatsRow[];
}

/** A metadata value: the table's or schema's own setting first, then the global one. */
export function metadataValue(catalog: Pick<DucklakeCatalog, 'metadata'>, key: string, scope?: { scope: 'table' | 'schema'; id: Id }): string | undefined {
  if (scope) {
    const own = catalog.metadata.find((m) => m.key === key && m.scope === scope.scope && m.scope_id === scope.id);
    if (own) return own.value;
  }
  return catalog.metadata.find((m) => m.key === key && (m.scope === null || m.scope === 'global'))?.value;
}

export function latestSnapshotId(catalog: Pick<DucklakeCatalog, 'snapshots' | 'name'>): Id {
  const last = catalog.snapshots.at(-1);
  return last ? last.snapshot_id : 0;
}
