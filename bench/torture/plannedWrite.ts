/** One torture operation planned by Lakelab's own write path over a snapshot (the page's and the CLI's executors). */
import type { DeltaSnapshot } from '../../src/core/delta/snapshot.ts';
import type { Transaction } from '../../src/core/delta/transaction.ts';
import type { StructType } from '../../src/core/delta/schemaTypes.ts';
import { runAppend, runCreateTable, runOverwrite } from '../../src/query/writeExecutor.ts';
import { runDelete, runUpdate } from '../../src/query/deleteUpdateExecutor.ts';
import { runMerge } from '../../src/query/mergeExecutor.ts';
import { runOptimize } from '../../src/query/optimizeExecutor.ts';
import type { WriteContext } from '../../src/query/writeContext.ts';
import { rangePredicate, startingRows, type Operation } from './operations.ts';

export const tortureSchema: StructType = { type: 'struct', fields: [
  { name: 'id', type: 'long', nullable: false, metadata: {} },
  { name: 'p', type: 'string', nullable: true, metadata: {} },
  { name: 'v', type: 'long', nullable: true, metadata: {} },
] };

export function planCreate(context: WriteContext): Promise<Transaction> {
  return runCreateTable({ tableRoot: '', schema: tortureSchema, partitionColumns: ['p'], rows: startingRows() }, context);
}

export async function planOperation(operation: Operation, snapshot: DeltaSnapshot, context: WriteContext): Promise<Transaction> {
  switch (operation.kind) {
    case 'append':
      return runAppend(snapshot, operation.rows, context);
    case 'overwrite':
      return runOverwrite(snapshot, operation.rows, operation.partition === undefined ? undefined : `p = '${operation.partition}'`, context);
    case 'delete':
      return runDelete(snapshot, rangePredicate(operation.from, operation.to), context);
    case 'update':
      return runUpdate(snapshot, rangePredicate(operation.from, operation.to), { v: String(operation.v) }, context);
    case 'merge':
      return (await runMerge(snapshot, {
        predicate: 't.id = s.id', sourceAlias: 's', targetAlias: 't',
        clauses: [{ kind: 'whenMatchedUpdateAll' }, { kind: 'whenNotMatchedInsertAll' }],
      }, operation.rows, context)).transaction;
    case 'optimize':
      return runOptimize(snapshot, context);
  }
}
