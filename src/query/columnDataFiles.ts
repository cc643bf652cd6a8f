/**
 * Arrow columns (in the write layout, writeColumns.ts) to Delta data files, as dataFiles.ts
 * writes rows: grouped by partition values in the order groups first appear, cut at the file
 * size limit, Parquet through the store, stats from the columns, `add` actions in the same order
 * and with the same file names drawn from the same random numbers.
 */
import { Field, Schema, Table, makeVector, type Data, type Vector } from 'apache-arrow';
import type { Add } from '../core/delta/actions.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import type { DataType } from '../core/delta/schemaTypes.ts';
import { LakeError } from '../core/errors.ts';
import { toTypeLabel } from '../core/delta/typeLabel.ts';
import { toDataFileKey } from '../core/delta/dataPaths.ts';
import { newDataFilePath, toPartitionFolder } from '../core/delta/dataPathNames.ts';
import { toPartitionString } from '../core/delta/partitionValues.ts';
import { toColumnMappingMode } from '../core/delta/columnMapping.ts';
import { coerceValue } from './jsonToArrow.ts';
import { toParquetBytes } from './parquetWrite.ts';
import { toColumnStats } from './columnStats.ts';
import { consecutiveRows, interleave, isValidAt } from './arrowInterleave.ts';
import { toJsonValues } from './jsonValues.ts';
import { toStatsOptions, type WriteContext } from './writeContext.ts';
import type { WriteColumn } from './writeColumns.ts';

export interface ColumnRows {
  length: number;
  /** By logical name, every column of the table in its write layout. */
  data: ReadonlyMap<string, Data>;
  /** The partition values (logical names, JSON form) when every row has the same ones. */
  partition?: Record<string, unknown>;
}

const maxRowsPerFile = 1_000_000;

export async function writeColumnFiles(snapshot: DeltaSnapshot, columns: readonly WriteColumn[], rows: ColumnRows, context: WriteContext): Promise<Add[]> {
  if (rows.length === 0) return [];
  const mode = toColumnMappingMode(snapshot.metadata);
  const dataColumns = columns.filter((c) => !c.isPartition);
  const nested = dataColumns.find((c) => hasListOrMap(c.type));
  if (nested) throw new LakeError('Unsupported', `column "${nested.name}" has type ${toTypeLabel(nested.type)}: Lakelab does not write arrays or maps yet`);
  for (const column of dataColumns) checkNullable(rows.data.get(column.name) as Data, column.spec.name, column.spec.nullable, column.spec.type, null);
  const partitionColumns = snapshot.metadata.partitionColumns.map((name) => columns.find((c) => c.name === name) as WriteColumn);
  const stats = toStatsOptions(snapshot.metadata.configuration);
  const statsColumns = stats.statsColumns ? new Set(stats.statsColumns.map((c) => columns.find((w) => w.name === c)?.spec.name ?? c)) : undefined;
  const fields = dataColumns.map((c) => new Field(c.spec.name, c.arrowType, c.spec.nullable, c.spec.fieldId === undefined ? undefined : new Map([['PARQUET:field_id', String(c.spec.fieldId)]])));
  const adds: Add[] = [];
  const now = context.now();
  for (const group of toGroups(rows, partitionColumns, mode)) {
    for (let start = 0; start < group.length; start += maxRowsPerFile) {
      const length = Math.min(maxRowsPerFile, group.length - start);
      const picks = group.rows === null && start === 0 && length === rows.length ? null : { which: null, rows: group.rows ? group.rows.subarray(start, start + length) : consecutiveRows(start, length), length };
      const chunk = dataColumns.map((c) => {
        const data = rows.data.get(c.name) as Data;
        return picks ? interleave(c.arrowType, [data], picks) : data;
      });
      const vectors: Record<string, Vector> = {};
      dataColumns.forEach((c, i) => { vectors[c.spec.name] = makeVector(chunk[i] as Data); });
      const bytes = await toParquetBytes(new Table(new Schema(fields), vectors));
      const path = newDataFilePath(context.rng, toPartitionFolder(partitionColumns.map((c) => c.spec.name), group.values), adds.length);
      await context.store.put(toDataFileKey(snapshot.tableRoot, path), bytes);
      adds.push({
        path,
        partitionValues: group.values,
        size: bytes.length,
        modificationTime: now,
        dataChange: true,
        stats: toColumnStats(dataColumns.map((c, i) => ({ name: c.spec.name, type: c.spec.type, data: chunk[i] as Data })), length, stats.indexedColumns, statsColumns),
      });
    }
  }
  return adds;
}

interface Group {
  values: Record<string, string | null>;
  /** Row positions, ascending; null: all rows. */
  rows: Int32Array | null;
  length: number;
}

function toGroups(rows: ColumnRows, partitionColumns: readonly WriteColumn[], mode: ReturnType<typeof toColumnMappingMode>): Group[] {
  const valuesOf = (valueAt: (column: WriteColumn) => unknown) => {
    const values: Record<string, string | null> = {};
    for (const column of partitionColumns) values[column.spec.name] = toPartitionString(coerceValue(valueAt(column), column.type, column.name) as never, column.type);
    return values;
  };
  if (partitionColumns.length === 0 || rows.partition) return [{ values: valuesOf((c) => rows.partition?.[c.name] ?? null), rows: null, length: rows.length }];
  const json = partitionColumns.map((c) => toJsonValues(makeVector(rows.data.get(c.name) as Data), c.type, { path: c.name }, mode));
  const groups = new Map<string, { values: Record<string, string | null>; rows: number[] }>();
  for (let r = 0; r < rows.length; r++) {
    const values = valuesOf((c) => json[partitionColumns.indexOf(c)]?.[r] ?? null);
    const key = JSON.stringify(Object.values(values));
    const group = groups.get(key) ?? { values, rows: [] };
    group.rows.push(r);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ values: g.values, rows: Int32Array.from(g.rows), length: g.rows.length }));
}

/** As the row writer refuses them: a null in a non-nullable column, or in a non-nullable field of a struct that is there. */
function checkNullable(data: Data, name: string, nullable: boolean, type: DataType, parentValid: ((row: number) => boolean) | null): void {
  const isNull = (row: number) => (parentValid === null || parentValid(row)) && !isValidAt(data, row);
  if (!nullable) {
    let count = 0;
    for (let r = 0; r < data.length; r++) if (isNull(r)) count++;
    if (count > 0) {
      throw new LakeError('InvalidInput', parentValid === null ? `column "${name}" is not nullable, but ${count} row(s) have no value` : `column "${name}" is not nullable, but some row(s) have no value`);
    }
  }
  if (typeof type === 'object' && type.type === 'struct') {
    const valid = (row: number) => (parentValid === null || parentValid(row)) && isValidAt(data, row);
    type.fields.forEach((f, i) => checkNullable(data.children[i] as Data, `${name}.${f.name}`, f.nullable, f.type, valid));
  }
}

function hasListOrMap(type: DataType): boolean {
  if (typeof type === 'string') return false;
  return type.type !== 'struct' || type.fields.some((f) => hasListOrMap(f.type));
}
