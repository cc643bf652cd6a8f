/** The page's writes, inside the table worker: plan a write request, then commit it with OCC. */
import type { ObjectStore } from '../core/objectStore.ts';
import type { ParquetCodec } from '../core/parquetCodec.ts';
import type { Rng } from '../core/rng.ts';
import { LakeError } from '../core/errors.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { adviseOnRace } from '../core/delta/conflicts/adviseOnRace.ts';
import { commitTransaction } from '../core/delta/commitTransaction.ts';
import type { Transaction } from '../core/delta/transaction.ts';
import { runAppend, runOverwrite } from '../query/writeExecutor.ts';
import { runDelete, runUpdate } from '../query/deleteUpdateExecutor.ts';
import { runMerge } from '../query/mergeExecutor.ts';
import { toSourcesRows } from '../query/sourceRows.ts';
import type { WriteContext } from '../query/writeContext.ts';
import type { SqlEngine } from '../query/duckdbEngine.ts';
import type { WriteRequest, WriteResult } from './protocol.ts';
import { cryptoRng } from '../query/cryptoRng.ts';

export const pageEngineInfo = 'Lakelab/0.1.0 (page)';

export interface PlannedWrite {
  transaction: Transaction;
  request: WriteRequest;
}

/** How a merge gets duckdb-wasm for its join (lazily: only merges need it); without it, MERGE joins in TypeScript. */
export type OpenJoinEngine = () => Promise<SqlEngine>;

export async function planWrite(store: ObjectStore, tableRoot: string, codec: ParquetCodec, request: WriteRequest, rng: Rng = cryptoRng(), openJoinEngine?: OpenJoinEngine): Promise<{ planned: PlannedWrite; result: WriteResult }> {
  const snapshot = await loadSnapshot(store, tableRoot, { codec, version: request.readVersion === 'HEAD' ? undefined : request.readVersion });
  const context: WriteContext = { store, rng, now: () => Date.now(), isolationLevel: request.isolationLevel };
  const sources = async () => {
    if (!request.sources || request.sources.length === 0) throw new LakeError('InvalidInput', `${request.operation} needs source rows: drop CSV or Parquet files`);
    return (await toSourcesRows(request.sources.map((s) => ({ name: s.name, bytes: new Uint8Array(s.bytes) })), { withFilename: request.withFilename })).rows;
  };
  let transaction: Transaction;
  let samples: Extract<WriteResult, { status: 'planned' }>['samples'];
  let joinedIn: string | undefined;
  switch (request.operation) {
    case 'append':
      transaction = await runAppend(snapshot, await sources(), context);
      break;
    case 'overwrite':
      transaction = await runOverwrite(snapshot, await sources(), request.predicate || undefined, context);
      break;
    case 'delete':
      transaction = await runDelete(snapshot, request.predicate || undefined, context);
      break;
    case 'update':
      transaction = await runUpdate(snapshot, request.predicate || undefined, request.set ?? {}, context);
      break;
    case 'merge': {
      if (!request.merge) throw new LakeError('InvalidInput', 'a merge needs its predicate and clauses');
      const joinEngine = await openJoinEngine?.();
      try {
        const result = await runMerge(snapshot, request.merge, await sources(), { ...context, joinEngine });
        transaction = result.transaction;
        samples = result.samples;
        joinedIn = result.joinedIn;
      } finally {
        await joinEngine?.close();
      }
      break;
    }
  }
  return {
    planned: { transaction, request },
    result: {
      status: 'planned',
      readVersion: snapshot.version,
      metrics: transaction.operationMetrics ?? {},
      readFiles: transaction.readFiles.length,
      readWholeTable: transaction.readWholeTable,
      readPredicate: transaction.readPredicateText,
      samples,
      joinedIn,
    },
  };
}

export async function commitPlannedWrite(store: ObjectStore, planned: PlannedWrite): Promise<WriteResult> {
  const tx = planned.transaction;
  const outcome = await commitTransaction(store, tx, { clock: { now: () => Date.now() }, engineInfo: pageEngineInfo });
  switch (outcome.status) {
    case 'committed':
      return { status: 'committed', version: outcome.version, readVersion: tx.readVersion, attempts: outcome.attempts, metrics: tx.operationMetrics ?? {} };
    case 'conflict':
      return { status: 'conflict', readVersion: tx.readVersion, message: outcome.message, conflict: outcome.conflict, advice: (await adviseOnRace(store, tx, 'delta-rs')).text };
    case 'exhausted':
      return { status: 'exhausted', readVersion: tx.readVersion, message: outcome.message };
  }
}
