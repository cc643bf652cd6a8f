/**
 * What the simulator needs from the query layer, injected by whoever runs it (the CLI, a
 * worker, tests): the real plans and executors that write data files. The sim never models
 * them: it runs them.
 */
import type { ObjectStore } from '../core/objectStore.ts';
import type { ParquetCodec } from '../core/parquetCodec.ts';
import type { Rng } from '../core/rng.ts';
import type { Action } from '../core/delta/actions.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import type { StructType } from '../core/delta/schemaTypes.ts';
import type { IsolationLevel, Transaction } from '../core/delta/transaction.ts';
import type { MergeSpec } from '../core/delta/operations/merge.ts';
import type { SimDucklake } from './simCatalog.ts';

export interface SimWriteContext {
  store: ObjectStore;
  rng: Rng;
  now: () => number;
  isolationLevel?: IsolationLevel;
}

type Rows = readonly Record<string, unknown>[];

export interface SimOperations {
  codec: ParquetCodec;
  createTable(request: { tableRoot: string; schema: StructType; partitionColumns?: string[]; configuration?: Record<string, string>; rows?: Rows }, context: SimWriteContext): Promise<Transaction>;
  append(snapshot: DeltaSnapshot, rows: Rows, context: SimWriteContext, extraActions?: Action[]): Promise<Transaction>;
  overwrite(snapshot: DeltaSnapshot, rows: Rows, where: string | undefined, context: SimWriteContext): Promise<Transaction>;
  delete(snapshot: DeltaSnapshot, where: string | undefined, context: SimWriteContext): Promise<Transaction>;
  update(snapshot: DeltaSnapshot, where: string | undefined, set: Record<string, string>, context: SimWriteContext): Promise<Transaction>;
  merge(snapshot: DeltaSnapshot, spec: MergeSpec, source: Rows, context: SimWriteContext): Promise<Transaction>;
  optimize(snapshot: DeltaSnapshot, context: SimWriteContext): Promise<Transaction>;
  /** The DuckLake catalog lease scenarios work on (a real catalog file); needed only by them. */
  ducklake?: SimDucklake;
}
