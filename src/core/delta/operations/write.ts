/**
 * `write_deltalake(mode="append" | "overwrite")`, blind: appends read nothing, so concurrent
 * appends all succeed. As in delta-rs, a transaction without a read predicate still counts
 * every file of its read snapshot as read (so an append racing a DELETE of an existing file
 * fails with ConcurrentDeleteRead). Overwrite with a predicate is replaceWhere.
 */
import { LakeError } from '../../errors.ts';
import type { Action, Add } from '../actions.ts';
import type { DeltaSnapshot } from '../snapshot.ts';
import type { IsolationLevel, Transaction } from '../transaction.ts';
import { canSkipFile } from '../fileSkipping.ts';
import { columnsOf, type Predicate } from '../predicate.ts';
import { parseStats } from '../stats.ts';
import { toReadContext } from './readTransaction.ts';

interface WritePlanOptions {
  isolationLevel?: IsolationLevel;
  /** Extra actions: txn for idempotent writes, for example. */
  extraActions?: Action[];
}

function baseTransaction(snapshot: DeltaSnapshot, options: WritePlanOptions) {
  return { ...toReadContext(snapshot, 'WRITE', options.isolationLevel), readWholeTable: false };
}

export function planAppend(snapshot: DeltaSnapshot, adds: Add[], options: WritePlanOptions = {}): Transaction {
  return {
    ...baseTransaction(snapshot, options),
    operationParameters: toWriteParameters('Append', snapshot),
    operationMetrics: { num_added_files: adds.length, num_added_rows: sumRecords(adds), num_partitions: 0, num_removed_files: 0 },
    readFiles: snapshot.files.map((f) => f.path),
    actions: [...adds.map((add) => ({ add })), ...(options.extraActions ?? [])],
    isBlindAppend: true,
  };
}

export function planOverwrite(snapshot: DeltaSnapshot, adds: Add[], options: WritePlanOptions & { predicate?: Predicate; predicateText?: string; now: number }): Transaction {
  const partitionColumns = new Set(snapshot.metadata.partitionColumns);
  if (options.predicate) {
    const outside = [...columnsOf(options.predicate)].filter((c) => !partitionColumns.has(c));
    if (outside.length > 0) throw new LakeError('InvalidInput', `an overwrite predicate may only use partition columns; ${outside.map((c) => `"${c}"`).join(', ')} ${outside.length > 1 ? 'are' : 'is'} not`);
  }
  const types = new Map(snapshot.schema.fields.map((f) => [f.name, f.type]));
  const replaced = options.predicate
    ? snapshot.files.filter((file) => !canSkipFile(options.predicate!, {
        partitionValues: new Map([...partitionColumns].map((c) => [c, file.partitionValues[c] ?? null])),
        stats: parseStats(file),
        statsKeyOf: (c) => c,
        typeOf: (c) => types.get(c) ?? 'string',
      }))
    : snapshot.files;
  const removes: Action[] = replaced.map((file) => ({
    remove: { path: file.path, deletionTimestamp: options.now, dataChange: true, extendedFileMetadata: true, partitionValues: file.partitionValues, size: file.size, deletionVector: file.deletionVector ?? null },
  }));
  const parameters = toWriteParameters('Overwrite', snapshot);
  if (options.predicateText) parameters.predicate = options.predicateText;
  return {
    ...baseTransaction(snapshot, options),
    operationParameters: parameters,
    operationMetrics: { num_added_files: adds.length, num_added_rows: sumRecords(adds), num_partitions: 0, num_removed_files: removes.length },
    readFiles: options.predicate ? replaced.map((f) => f.path) : snapshot.files.map((f) => f.path),
    readPredicate: options.predicate,
    readPredicateText: options.predicateText,
    actions: [...removes, ...adds.map((add) => ({ add })), ...(options.extraActions ?? [])],
    isBlindAppend: false,
  };
}

/** WRITE's operationParameters as delta-rs records them: mode, and partitionBy only for a partitioned table. */
function toWriteParameters(mode: 'Append' | 'Overwrite', snapshot: DeltaSnapshot): Record<string, unknown> {
  const partitionBy = snapshot.metadata.partitionColumns;
  return partitionBy.length > 0 ? { mode, partitionBy: JSON.stringify(partitionBy) } : { mode };
}

export function sumRecords(adds: readonly Add[]): number {
  return adds.reduce((n, add) => n + (parseStats(add)?.numRecords ?? 0), 0);
}
