/** What every write needs from its caller: where, randomness for file names, time. */
import type { ObjectStore } from '../core/objectStore.ts';
import type { Rng } from '../core/rng.ts';
import type { IsolationLevel } from '../core/delta/transaction.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import { LakeError } from '../core/errors.ts';
import { checkWriteSupport } from '../core/delta/writeSupport.ts';
import { writeDataFiles } from './dataFiles.ts';
import { toColumnMappingMode } from '../core/delta/columnMapping.ts';
import type { Add } from '../core/delta/actions.ts';
import type { SqlEngine } from './duckdbEngine.ts';
import type { DataFileEncoder } from './dataFileEncoder.ts';
import type { ParquetFileCache } from './parquetFileCache.ts';

export interface WriteContext {
  store: ObjectStore;
  rng: Rng;
  now: () => number;
  isolationLevel?: IsolationLevel;
  /**
   * duckdb-wasm, for the joins of MERGE. Without it MERGE joins in TypeScript (the simulator's
   * writers, dozens at once, each without a database of its own); the results are the same.
   */
  joinEngine?: SqlEngine;
  /** Where data files are encoded (Parquet and stats): in this thread when absent; the CLI's pool of threads (decision 0028). */
  dataFileEncoder?: DataFileEncoder;
  /** Parquet bytes of data files written before, by their rows: the simulator's, which writes the same rows in every run. */
  parquetCache?: ParquetFileCache;
}

export function requireWritable(snapshot: DeltaSnapshot, removesData: boolean): void {
  const problem = checkWriteSupport(snapshot.protocol, snapshot.metadata, snapshot.schema, { removesData });
  if (problem) throw problem;
}

export function writeRowsFor(snapshot: DeltaSnapshot, rows: readonly Record<string, unknown>[], context: WriteContext): Promise<Add[]> {
  if (rows.length === 0) return Promise.resolve([]);
  return writeDataFiles(rows, {
    store: context.store,
    tableRoot: snapshot.tableRoot,
    schema: snapshot.schema,
    partitionColumns: snapshot.metadata.partitionColumns,
    columnMapping: toColumnMappingMode(snapshot.metadata),
    ...toStatsOptions(snapshot.metadata.configuration),
    rng: context.rng,
    now: context.now(),
    parquetCache: context.parquetCache,
  });
}

/** delta.dataSkippingNumIndexedCols (default 32, -1 for all) and delta.dataSkippingStatsColumns (a comma list, which wins). */
export function toStatsOptions(configuration: Readonly<Record<string, string>>): { indexedColumns?: number; statsColumns?: string[] } {
  const listed = configuration['delta.dataSkippingStatsColumns'];
  if (listed !== undefined && listed.trim() !== '') return { statsColumns: listed.split(',').map((c) => c.trim().replace(/^`|`$/g, '')) };
  const count = Number(configuration['delta.dataSkippingNumIndexedCols']);
  return Number.isInteger(count) && count >= -1 ? { indexedColumns: count } : {};
}

export function requireColumns(snapshot: DeltaSnapshot, columns: Iterable<string>): void {
  const known = new Set(snapshot.schema.fields.map((f) => f.name));
  for (const column of columns) {
    if (!known.has(column)) throw new LakeError('InvalidInput', `no column "${column}" in the table; it has: ${[...known].join(', ')}`);
  }
}

/**
 * Rows to append or overwrite with must not carry columns the table lacks: writing them would
 * drop those values silently. (delta-rs refuses too, unless asked to merge the schema; Lakelab
 * does not evolve schemas on write.)
 */
export function requireKnownColumns(snapshot: DeltaSnapshot, rows: readonly Record<string, unknown>[]): void {
  const known = new Set(snapshot.schema.fields.map((f) => f.name));
  const unknown = new Set<string>();
  for (const row of rows) for (const column of Object.keys(row)) if (!known.has(column)) unknown.add(column);
  if (unknown.size > 0) {
    throw new LakeError('InvalidInput', `the rows have column(s) the table does not: ${[...unknown].join(', ')}; the table has: ${[...known].join(', ')} (Lakelab does not add columns on write)`);
  }
}
