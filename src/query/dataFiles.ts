/**
 * Rows to Delta data files: grouped by partition values, written as Parquet through the
 * store, each with its stats, returned as `add` actions.
 */
import type { ObjectStore } from '../core/objectStore.ts';
import type { Rng } from '../core/rng.ts';
import type { Add } from '../core/delta/actions.ts';
import type { DataType, StructField, StructType } from '../core/delta/schemaTypes.ts';
import { LakeError } from '../core/errors.ts';
import { toTypeLabel } from '../core/delta/typeLabel.ts';
import { toDataFileKey } from '../core/delta/dataPaths.ts';
import { newDataFilePath, toPartitionFolder } from '../core/delta/dataPathNames.ts';
import { toPartitionString } from '../core/delta/partitionValues.ts';
import { fieldIdOf, physicalNameOf, type ColumnMappingMode } from '../core/delta/columnMapping.ts';
import { coerceValue, toArrowTable, type ColumnSpec } from './jsonToArrow.ts';
import { toParquetBytes } from './parquetWrite.ts';
import { parquetFileKey, type ParquetFileCache } from './parquetFileCache.ts';
import { toFileStats } from './fileStats.ts';
import { toPhysicalType, toPhysicalValue } from './physicalColumns.ts';

export interface WriteFilesOptions {
  store: ObjectStore;
  tableRoot: string;
  schema: StructType;
  partitionColumns: readonly string[];
  rng: Rng;
  /** Modification time for the add actions (ms). */
  now: number;
  /** Rows per file at most. */
  maxRowsPerFile?: number;
  indexedColumns?: number;
  /** delta.dataSkippingStatsColumns, as logical column names. */
  statsColumns?: readonly string[];
  /** With column mapping (name or id), files, stats and partition values use physical names (and field ids). */
  columnMapping?: ColumnMappingMode;
  /** Parquet bytes of files written before, by their rows (the simulator's): the same rows are written once. */
  parquetCache?: ParquetFileCache;
}

export async function writeDataFiles(rows: readonly Record<string, unknown>[], options: WriteFilesOptions): Promise<Add[]> {
  const mode = options.columnMapping ?? 'none';
  const partitionSet = new Set(options.partitionColumns);
  const physical = new Map(options.schema.fields.map((f) => [f.name, physicalNameOf(f, mode)]));
  const dataFields = options.schema.fields.filter((f) => !partitionSet.has(f.name));
  const nested = dataFields.find((f) => hasListOrMap(f.type));
  if (nested) {
    // Column mapping's physical names and the stats are not done inside arrays and maps yet.
    throw new LakeError('Unsupported', `column "${nested.name}" has type ${toTypeLabel(nested.type)}: Lakelab does not write arrays or maps yet`);
  }
  const dataColumns: ColumnSpec[] = dataFields.map((f) => ({ name: physical.get(f.name)!, type: toPhysicalType(f.type, mode), nullable: f.nullable, fieldId: mode === 'none' ? undefined : fieldIdOf(f) }));
  const typeOf = new Map(options.schema.fields.map((f) => [f.name, f.type]));
  const groups = new Map<string, { values: Record<string, string | null>; rows: Record<string, unknown>[] }>();
  for (const row of rows) {
    const values: Record<string, string | null> = {};
    for (const column of options.partitionColumns) {
      const type = typeOf.get(column) ?? 'string';
      values[physical.get(column) ?? column] = toPartitionString(coerceValue(row[column], type, column) as never, type);
    }
    const key = JSON.stringify(Object.values(values));
    const group = groups.get(key) ?? { values, rows: [] };
    group.rows.push(mode === 'none' ? row : toPhysicalRow(row, dataFields, mode));
    groups.set(key, group);
  }
  const partitionKeys = options.partitionColumns.map((c) => physical.get(c) ?? c);
  const statsColumns = options.statsColumns ? new Set(options.statsColumns.map((c) => physical.get(c) ?? c)) : undefined;
  const adds: Add[] = [];
  const maxRows = options.maxRowsPerFile ?? 1_000_000;
  for (const group of groups.values()) {
    for (let start = 0; start < group.rows.length; start += maxRows) {
      const chunk = group.rows.slice(start, start + maxRows);
      const bytes = await toParquet(chunk, dataColumns, options.parquetCache);
      const path = newDataFilePath(options.rng, toPartitionFolder(partitionKeys, group.values), adds.length);
      await options.store.put(toDataFileKey(options.tableRoot, path), bytes);
      adds.push({
        path,
        partitionValues: group.values,
        size: bytes.length,
        modificationTime: options.now,
        dataChange: true,
        stats: toFileStats(chunk, dataColumns, options.indexedColumns, statsColumns),
      });
    }
  }
  return adds;
}

async function toParquet(rows: readonly Record<string, unknown>[], columns: readonly ColumnSpec[], cache: ParquetFileCache | undefined): Promise<Uint8Array> {
  const key = cache && parquetFileKey(columns, rows);
  if (!cache || key === undefined) return toParquetBytes(toArrowTable(rows, columns));
  const known = cache.get(key);
  if (known) return known;
  const bytes = await toParquetBytes(toArrowTable(rows, columns));
  cache.set(key, bytes);
  return bytes;
}

function hasListOrMap(type: DataType): boolean {
  if (typeof type === 'string') return false;
  return type.type !== 'struct' || type.fields.some((f) => hasListOrMap(f.type));
}

function toPhysicalRow(row: Record<string, unknown>, fields: readonly StructField[], mode: ColumnMappingMode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) out[physicalNameOf(field, mode)] = toPhysicalValue(row[field.name], field.type, mode, field.name);
  return out;
}
