/** The simulator's operations: Lakelab's real executors (Parquet files, stats, plans). */
import type { SimOperations } from '../sim/simOperations.ts';
import { parquetCodec } from '../query/parquetRows.ts';
import { runAppend, runCreateTable, runOverwrite } from '../query/writeExecutor.ts';
import { runDelete, runUpdate } from '../query/deleteUpdateExecutor.ts';
import { runMerge } from '../query/mergeExecutor.ts';
import { runOptimize } from '../query/optimizeExecutor.ts';

export const simOperations: SimOperations = {
  codec: parquetCodec,
  createTable: (request, context) => runCreateTable(request, context),
  append: (snapshot, rows, context, extraActions) => runAppend(snapshot, rows, context, extraActions),
  overwrite: (snapshot, rows, where, context) => runOverwrite(snapshot, rows, where, context),
  delete: (snapshot, where, context) => runDelete(snapshot, where, context),
  update: (snapshot, where, set, context) => runUpdate(snapshot, where, set, context),
  merge: async (snapshot, spec, source, context) => (await runMerge(snapshot, spec, source, context)).transaction,
  optimize: (snapshot, context) => runOptimize(snapshot, context),
};
