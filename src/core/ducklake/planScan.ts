/**
 * What to read for a table at a snapshot, as plain data (the query layer executes it): the
 * columns at S, the data files visible at S with their delete file, name mapping and identity
 * partition values, and the inlined data tables with the field each of their columns holds.
 */
import { LakeError } from '../errors.ts';
import type { DucklakeCatalog } from './catalog.ts';
import type { Id } from './catalogRows.ts';
import { findTable, type CatalogTable } from './catalogAt.ts';
import { toColumnTree, type DucklakeField } from './columnTree.ts';
import { fileLocation, tableBase, describeLocation, type DataLocation } from './dataPaths.ts';
import { filesAt, type TableFiles } from './tableFiles.ts';
import { toNameMapping, type NameMappingNode } from './nameMapping.ts';

export interface ScanDeleteFile {
  deleteFileId: Id;
  location: DataLocation;
  size: number;
  deleteCount: number;
}

export interface ScanDataFile {
  dataFileId: Id;
  location: DataLocation;
  size: number;
  recordCount: number;
  /** Row id of the file's first row; null when the file carries _ducklake_internal_row_id. */
  rowIdStart: number | null;
  /** Set for partial files: their rows carry _ducklake_internal_snapshot_id. */
  partialMax: Id | null;
  deleteFile?: ScanDeleteFile;
  /** For files added from outside (ducklake_add_data_files): their column names to field ids. */
  nameMapping?: NameMappingNode[];
  /** Identity partition values by field id, for columns a file does not carry. */
  partitionValues: Map<Id, string | null>;
}

export interface InlinedColumn {
  /** Its name in the inlined data table. */
  name: string;
  /** The field it holds, as the table was when the inlined table was made (struct field names then). */
  field: DucklakeField;
}

export interface InlinedDataSource {
  tableName: string;
  schemaVersion: number;
  columns: InlinedColumn[];
}

export interface DucklakeScanPlan {
  catalogName: string;
  table: CatalogTable;
  snapshotId: Id;
  files: ScanDataFile[];
  inlined: InlinedDataSource[];
  /** ducklake_inlined_delete_<table_id>: deletes of data-file rows not yet written to a delete file. */
  inlinedDeleteTable?: string;
}

export function planTableScan(catalog: DucklakeCatalog, table: CatalogTable | string, snapshotId: Id, files: TableFiles): DucklakeScanPlan {
  const found = typeof table === 'string' ? findTable(catalog, table, snapshotId) : table;
  const base = tableBase(catalog, found.tableId, snapshotId);
  const scanFiles = filesAt(files, snapshotId).map(({ dataFile, deleteFile, partitionValues }): ScanDataFile => {
    const location = fileLocation(catalog, base, dataFile.path, dataFile.path_is_relative);
    if (dataFile.encryption_key !== null) throw new LakeError('Unsupported', `${catalog.name}: data file ${describeLocation(location)} is encrypted; Lakelab does not read encrypted DuckLake files`);
    if ((dataFile.file_format ?? 'parquet').toLowerCase() !== 'parquet') throw new LakeError('Unsupported', `${catalog.name}: data file ${describeLocation(location)} is ${dataFile.file_format}; Lakelab reads Parquet data files`);
    let scanDelete: ScanDeleteFile | undefined;
    if (deleteFile) {
      const deleteLocation = fileLocation(catalog, base, deleteFile.path, deleteFile.path_is_relative);
      if ((deleteFile.format ?? 'parquet').toLowerCase() !== 'parquet') throw new LakeError('Unsupported', `${catalog.name}: delete file ${describeLocation(deleteLocation)} is ${deleteFile.format}; Lakelab reads Parquet (positional) delete files`);
      if (deleteFile.encryption_key !== null) throw new LakeError('Unsupported', `${catalog.name}: delete file ${describeLocation(deleteLocation)} is encrypted; Lakelab does not read encrypted DuckLake files`);
      scanDelete = { deleteFileId: deleteFile.delete_file_id, location: deleteLocation, size: deleteFile.file_size_bytes, deleteCount: deleteFile.delete_count };
    }
    return {
      dataFileId: dataFile.data_file_id,
      location,
      size: dataFile.file_size_bytes,
      recordCount: dataFile.record_count,
      rowIdStart: dataFile.row_id_start,
      partialMax: dataFile.partial_max,
      deleteFile: scanDelete,
      nameMapping: dataFile.mapping_id === null ? undefined : toNameMapping(catalog, dataFile.mapping_id),
      partitionValues: identityPartitionValues(catalog, dataFile.partition_id, partitionValues),
    };
  });
  const inlinedDeleteTable = `ducklake_inlined_delete_${found.tableId}`;
  return {
    catalogName: catalog.name,
    table: found,
    snapshotId,
    files: scanFiles,
    inlined: catalog.inlinedDataTables.filter((t) => t.table_id === found.tableId).map((t) => toInlinedSource(catalog, found.tableId, t.table_name, t.schema_version)),
    inlinedDeleteTable: catalog.databaseTables.has(inlinedDeleteTable) ? inlinedDeleteTable : undefined,
  };
}

function identityPartitionValues(catalog: DucklakeCatalog, partitionId: Id | null, values: { partition_key_index: number; partition_value: string | null }[]): Map<Id, string | null> {
  const out = new Map<Id, string | null>();
  if (partitionId === null) return out;
  for (const column of catalog.partitionColumns) {
    if (column.partition_id !== partitionId || (column.transform ?? 'identity') !== 'identity') continue;
    const value = values.find((v) => v.partition_key_index === column.partition_key_index);
    if (value) out.set(column.column_id, value.partition_value);
  }
  return out;
}

/** The snapshot a schema version began at: for the table (spec 1.0), else for the catalog. */
export function schemaVersionBegin(catalog: DucklakeCatalog, tableId: Id, schemaVersion: number): Id | undefined {
  const own = catalog.schemaVersions.filter((v) => v.schema_version === schemaVersion && (v.table_id === tableId || v.table_id === null));
  if (own.length > 0) return Math.min(...own.map((v) => v.begin_snapshot));
  const snapshot = catalog.snapshots.find((s) => s.schema_version === schemaVersion);
  return snapshot?.snapshot_id;
}

const systemColumns = new Set(['row_id', 'begin_snapshot', 'end_snapshot']);

function toInlinedSource(catalog: DucklakeCatalog, tableId: Id, tableName: string, schemaVersion: number): InlinedDataSource {
  const have = catalog.databaseTables.get(tableName.toLowerCase());
  if (!have) throw new LakeError('Corrupt', `${catalog.name}: ducklake_inlined_data_tables names ${tableName}, which the catalog does not have`);
  const begin = schemaVersionBegin(catalog, tableId, schemaVersion);
  if (begin === undefined) throw new LakeError('Corrupt', `${catalog.name}: inlined data table ${tableName} is of schema version ${schemaVersion}, which no snapshot has`);
  const fields = toColumnTree(catalog.columns, tableId, begin, catalog.name);
  const names = have.filter((n) => !systemColumns.has(n));
  const byPosition = names.length === fields.length && names.every((n, i) => n === fields[i]?.name.toLowerCase());
  const columns = names.map((name, i): InlinedColumn => {
    const field = byPosition ? fields[i] : fields.find((f) => f.name.toLowerCase() === name) ?? (names.length === fields.length ? fields[i] : undefined);
    if (!field) throw new LakeError('Corrupt', `${catalog.name}: inlined data table ${tableName} has column ${name}, which table ${tableId} did not have at schema version ${schemaVersion}`);
    return { name, field };
  });
  return { tableName, schemaVersion, columns };
}
