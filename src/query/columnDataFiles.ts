/**
 * Arrow columns (in the write layout, writeColumns.ts) to Delta data files, as dataFiles.ts
 * writes rows: grouped by partition values in the order groups first appear, cut at the file
 * size limit, Parquet through the store, stats from the columns, `add` actions in the same order
 * and with the same file names drawn from the same random numbers.
 */
import { Field, Schema, Table, Type, makeVector, type Data, type Vector } from 'apache-arrow';
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
import { inlineEncoder, type EncodedFile, type StatsSpec } from './dataFileEncoder.ts';
import { consecutiveRows, interleave, isAllValid, isValidAt } from './arrowInterleave.ts';
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
  const statsSpec: StatsSpec = { columns: dataColumns.map((c) => ({ name: c.spec.name, type: c.spec.type })), indexedColumns: stats.indexedColumns, statsColumns: statsColumns && [...statsColumns] };
  // Every file's name is drawn before the first wait, so that writes running side by side draw in the order they began.
  const files: { values: Record<string, string | null>; picks: Picks | null; path: string }[] = [];
  for (const group of toGroups(rows, partitionColumns, mode)) {
    for (let start = 0; start < group.length; start += maxRowsPerFile) {
      const length = Math.min(maxRowsPerFile, group.length - start);
      const picks = group.rows === null && start === 0 && length === rows.length ? null : { which: null, rows: group.rows ? group.rows.subarray(start, start + length) : consecutiveRows(start, length), length };
      files.push({ values: group.values, picks, path: newDataFilePath(context.rng, toPartitionFolder(partitionColumns.map((c) => c.spec.name), group.values), files.length) });
    }
  }
  const encoder = context.dataFileEncoder ?? inlineEncoder;
  const encode = (file: (typeof files)[number]) => {
    const vectors: Record<string, Vector> = {};
    for (const c of dataColumns) {
      const data = rows.data.get(c.name) as Data;
      vectors[c.spec.name] = makeVector(file.picks ? interleave(c.arrowType, [data], file.picks) : data);
    }
    return encoder.encode(new Table(new Schema(fields), vectors), statsSpec);
  };
  // Up to the encoder's concurrency files encode ahead of the one being stored; stored in order.
  const ahead = Math.max(1, encoder.concurrency);
  const encoded: Promise<EncodedFile>[] = [];
  const adds: Add[] = [];
  const now = context.now();
  try {
    for (let i = 0; i < files.length; i++) {
      while (encoded.length < Math.min(files.length, i + ahead)) encoded.push(encode(files[encoded.length] as (typeof files)[number]));
      const file = files[i] as (typeof files)[number];
      const { bytes, stats: fileStats } = await (encoded[i] as Promise<EncodedFile>);
      await context.store.put(toDataFileKey(snapshot.tableRoot, file.path), bytes);
      adds.push({ path: file.path, partitionValues: file.values, size: bytes.length, modificationTime: now, dataChange: true, stats: fileStats });
    }
  } finally {
    // A file still encoding when another failed: its outcome is not wanted.
    for (const pending of encoded) pending.catch(() => undefined);
  }
  return adds;
}

type Picks = { which: null; rows: Int32Array; length: number };

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
    // A column whose bitmap is all set (or absent) has no nulls to count.
    if (parentValid !== null || data.typeId === Type.Null || !isAllValid(data)) for (let r = 0; r < data.length; r++) if (isNull(r)) count++;
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
