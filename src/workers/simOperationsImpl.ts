/** The simulator's operations: Lakelab's real executors (Parquet files, stats, plans). */
import type { SimOperations } from '../sim/simOperations.ts';
import { parquetCodec } from '../query/parquetRows.ts';
import { runAppend, runCreateTable, runOverwrite } from '../query/writeExecutor.ts';
import { runDelete, runUpdate } from '../query/deleteUpdateExecutor.ts';
import { runMerge } from '../query/mergeExecutor.ts';
import { runOptimize } from '../query/optimizeExecutor.ts';
import { ParquetFileCache } from '../query/parquetFileCache.ts';

/**
 * The Parquet bytes of the small files the simulator's appends, overwrites and starting tables
 * wrote, by their rows: every run of a scenario (each seed, each rule set) writes the same rows.
 */
export const simParquetCache = new ParquetFileCache();

export const simOperations: SimOperations = {
  codec: parquetCodec,
  createTable: (request, context) => runCreateTable(request, { ...context, parquetCache: simParquetCache }),
  append: (snapshot, rows, context, extraActions) => runAppend(snapshot, rows, { ...context, parquetCache: simParquetCache }, extraActions),
  overwrite: (snapshot, rows, where, context) => runOverwrite(snapshot, rows, where, { ...context, parquetCache: simParquetCache }),
  delete: (snapshot, where, context) => runDelete(snapshot, where, context),
  update: (snapshot, where, set, context) => runUpdate(snapshot, where, set, context),
  merge: async (snapshot, spec, source, context) => (await runMerge(snapshot, spec, source, context)).transaction,
  optimize: (snapshot, context) => runOptimize(snapshot, context),
};
