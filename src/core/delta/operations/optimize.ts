/**
 * OPTIMIZE (compaction): small files rewritten into fewer, with dataChange=false on both the
 * removes and the adds: the data is the same, only its layout changes. delta-rs lets such
 * removes pass its delete-read check, so compaction does not fail readers (Spark's rules do).
 */
import type { Action, Add } from '../actions.ts';
import type { DeltaSnapshot } from '../snapshot.ts';
import type { IsolationLevel, Transaction } from '../transaction.ts';
import { toReadContext } from './readTransaction.ts';

export function planOptimize(snapshot: DeltaSnapshot, compacted: readonly Add[], written: readonly Add[], options: { now: number; isolationLevel?: IsolationLevel; targetSize?: number }): Transaction {
  const actions: Action[] = [
    ...compacted.map((file) => ({
      remove: { path: file.path, deletionTimestamp: options.now, dataChange: false, extendedFileMetadata: true, partitionValues: file.partitionValues, size: file.size, deletionVector: file.deletionVector ?? null },
    })),
    ...written.map((add) => ({ add: { ...add, dataChange: false } })),
  ];
  return {
    ...toReadContext(snapshot, 'OPTIMIZE', options.isolationLevel),
    operationParameters: { targetSize: String(options.targetSize ?? 104857600), predicate: '[]' },
    operationMetrics: { numFilesRemoved: compacted.length, numFilesAdded: written.length },
    readFiles: compacted.map((f) => f.path),
    readWholeTable: false,
    actions,
    isBlindAppend: false,
  };
}
