/**
 * INSERT as the ducklake extension commits it. At most data_inlining_row_limit rows (the
 * table's, schema's or catalog's ducklake_metadata setting; else the extension's default, 10)
 * of inlinable types go into the catalog's inlined data table for the table's schema version
 * (created on first use, listed in ducklake_inlined_data_tables): `inlined_insert:<id>`, and the
 * extension takes a file id for them. More rows become one Parquet data file
 * `ducklake-<uuid v7>.parquet` under the table's path, with field ids, row ids from the table's
 * next_row_id, its ducklake_data_file and ducklake_file_column_stats rows:
 * `inserted_into_table:<id>`. Either way the table's stats grow (record_count counts rows
 * inserted; deletes do not lower it, as in the extension).
 */
import { LakeError } from '../../errors.ts';
import type { DataType } from '../../delta/schemaTypes.ts';
import { metadataValue } from '../catalog.ts';
import type { CatalogTable } from '../catalogAt.ts';
import type { Id } from '../catalogRows.ts';
import { toSqlType, type DucklakeField } from '../columnTree.ts';
import { tableBase } from '../dataPaths.ts';
import { addChange, columnStatsOf, tableStatsOf, type CommitDraft } from './commitDraft.ts';
import { mergeTableColumnStats, toColumnStats, type ColumnStats } from './columnStats.ts';
import type { CatalogValue } from './catalogStatements.ts';
import { isInlinable, toWriteType } from './writeTypes.ts';
import { toUuidV7 } from './uuidV7.ts';

/** ducklake_default_data_inlining_row_limit, the extension's setting when the catalog names none. */
export const defaultInliningRowLimit = 10;

export type WriteRow = Record<string, unknown>;

export interface WriteColumn {
  name: string;
  fieldId: Id;
  type: DataType;
  nullable: boolean;
}

export interface DataFileToWrite {
  dataFileId: Id;
  tableId: Id;
  /** Its key under the data path. */
  key: string;
  /** Its path as the catalog keeps it: relative to the table's path. */
  path: string;
  columns: WriteColumn[];
  /** Coerced values (writeTypes.ts), by column name. */
  rows: readonly WriteRow[];
  rowIdStart: number;
  /**
   * The row ids an update's rows keep (their _ducklake_internal_row_id column), as the extension
   * writes them; the file still takes row ids from next_row_id for its row_id_start.
   */
  keptRowIds?: readonly number[];
}

export interface WrittenFile {
  size: number;
  footerSize: number;
  /** Compressed bytes of each column chunk, by field id, where known. */
  columnSizes?: ReadonlyMap<Id, number>;
}

export function toWriteColumns(table: CatalogTable): WriteColumn[] {
  return table.columns.map((field) => ({ name: field.name, fieldId: field.id, type: toWriteType(field, table.qualifiedName), nullable: field.nullable }));
}

export function inliningRowLimit(draft: CommitDraft, table: CatalogTable): number {
  const schema = draft.catalog.schemas.find((s) => s.schema_name === table.schema && s.end_snapshot === null);
  const text = metadataValue(draft.catalog, 'data_inlining_row_limit', { scope: 'table', id: table.tableId })
    ?? (schema ? metadataValue(draft.catalog, 'data_inlining_row_limit', { scope: 'schema', id: schema.schema_id }) : undefined);
  const limit = text === undefined ? NaN : Number(text);
  return Number.isInteger(limit) && limit >= 0 ? limit : defaultInliningRowLimit;
}

export function shouldInline(draft: CommitDraft, table: CatalogTable, rowCount: number): boolean {
  return rowCount > 0 && rowCount <= inliningRowLimit(draft, table) && table.columns.every(isInlinable);
}

/**
 * Inlines `rows` into the table's inlined data table. An update's rows keep their row ids
 * (`keptRowIds`), and then, as in the extension, next_row_id does not move.
 */
export function planInlinedInsert(draft: CommitDraft, table: CatalogTable, rows: readonly WriteRow[], keptRowIds?: readonly number[]): void {
  const columns = toWriteColumns(table);
  const version = tableSchemaVersion(draft, table.tableId);
  const name = `ducklake_inlined_data_${table.tableId}_${version}`;
  const known = draft.catalog.inlinedDataTables.some((t) => t.table_id === table.tableId && t.schema_version === version) || draft.statements.some((s) => s.kind === 'createInlinedTable' && s.table === name);
  if (!known) {
    draft.statements.push({ kind: 'createInlinedTable', table: name, columns: table.columns.map((f) => ({ name: f.name, duckdbType: toSqlType(f.type) })) });
    draft.statements.push({ kind: 'insert', table: 'ducklake_inlined_data_tables', rows: [{ table_id: table.tableId, table_name: name, schema_version: version }] });
  }
  const stats = tableStatsOf(draft, table.tableId);
  const start = stats.next_row_id ?? 0;
  draft.statements.push({
    kind: 'insert',
    table: name,
    rows: rows.map((row, i) => {
      const out: Record<string, CatalogValue> = { row_id: keptRowIds ? (keptRowIds[i] as number) : start + i, begin_snapshot: draft.snapshotId, end_snapshot: null };
      for (const column of columns) out[column.name] = toInlinedValue(row[column.name], column);
      return out;
    }),
  });
  draft.nextFileId += 1;
  recordRows(draft, table, columns, rows, 0, keptRowIds ? 0 : rows.length);
  addChange(draft, `inlined_insert:${table.tableId}`);
}

/** The data file the rows go to; record it with recordDataFile once it is written. */
export function planDataFile(draft: CommitDraft, table: CatalogTable, rows: readonly WriteRow[], keptRowIds?: readonly number[]): DataFileToWrite {
  const base = tableBase(draft.catalog, table.tableId, draft.readSnapshot.snapshot_id);
  if (base.kind !== 'relative') throw new LakeError('Unsupported', `${draft.catalog.name}: ${table.qualifiedName} keeps its files at ${base.path}, outside the data path; Lakelab writes under the data path`);
  const path = `ducklake-${toUuidV7(draft.now, draft.rng)}.parquet`;
  return {
    dataFileId: draft.nextFileId++,
    tableId: table.tableId,
    key: `${base.key}${path}`,
    path,
    columns: toWriteColumns(table),
    rows,
    rowIdStart: tableStatsOf(draft, table.tableId).next_row_id ?? 0,
    ...(keptRowIds ? { keptRowIds } : {}),
  };
}

export function recordDataFile(draft: CommitDraft, table: CatalogTable, file: DataFileToWrite, written: WrittenFile): void {
  draft.statements.push({
    kind: 'insert',
    table: 'ducklake_data_file',
    rows: [{
      data_file_id: file.dataFileId, table_id: file.tableId, begin_snapshot: draft.snapshotId, end_snapshot: null, file_order: null,
      path: file.path, path_is_relative: true, file_format: 'parquet', record_count: file.rows.length, file_size_bytes: written.size,
      footer_size: written.footerSize, row_id_start: file.rowIdStart, partition_id: null, encryption_key: null, mapping_id: null, partial_max: null,
    }],
  });
  const stats = recordRows(draft, table, file.columns, file.rows, written.size, file.rows.length);
  draft.statements.push({
    kind: 'insert',
    table: 'ducklake_file_column_stats',
    rows: file.columns.map((column, i) => ({
      data_file_id: file.dataFileId, table_id: file.tableId, column_id: column.fieldId,
      column_size_bytes: written.columnSizes?.get(column.fieldId) ?? null,
      value_count: stats[i]!.valueCount, null_count: stats[i]!.nullCount, min_value: stats[i]!.min, max_value: stats[i]!.max,
      contains_nan: stats[i]!.containsNan, extra_stats: null,
    })),
  });
  addChange(draft, `inserted_into_table:${file.tableId}`);
}

/** `newRowIds`: how far next_row_id moves. */
function recordRows(draft: CommitDraft, table: CatalogTable, columns: readonly WriteColumn[], rows: readonly WriteRow[], bytes: number, newRowIds: number): ColumnStats[] {
  const stats = tableStatsOf(draft, table.tableId);
  draft.tableStats.set(table.tableId, {
    table_id: table.tableId,
    record_count: (stats.record_count ?? 0) + rows.length,
    next_row_id: (stats.next_row_id ?? 0) + newRowIds,
    file_size_bytes: (stats.file_size_bytes ?? 0) + bytes,
  });
  const tableColumns = columnStatsOf(draft, table.tableId);
  return columns.map((column) => {
    const columnStats = toColumnStats(rows.map((row) => row[column.name] ?? null), column.type);
    tableColumns.set(column.fieldId, mergeTableColumnStats(tableColumns.get(column.fieldId), columnStats, column.type, { table_id: table.tableId, column_id: column.fieldId }));
    return columnStats;
  });
}

/** The table's schema version: its last in ducklake_schema_versions (per table since 1.0), else the catalog's. */
export function tableSchemaVersion(draft: CommitDraft, tableId: Id): number {
  const own = draft.catalog.schemaVersions.filter((v) => v.table_id === tableId).map((v) => v.schema_version);
  return own.length > 0 ? Math.max(...own) : draft.readSnapshot.schema_version;
}

function toInlinedValue(value: unknown, column: WriteColumn): CatalogValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && (column.type === 'float' || column.type === 'double')) {
    // Text, which both databases cast back exactly (SQLite keeps inlined floats as text, for NaN).
    return Number.isNaN(value) ? 'nan' : value === Infinity ? 'inf' : value === -Infinity ? '-inf' : String(value);
  }
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string' || typeof value === 'boolean') return value;
  throw new LakeError('InvalidInput', `column ${column.name}: ${String(value)} cannot be inlined`);
}

export type { DucklakeField };
