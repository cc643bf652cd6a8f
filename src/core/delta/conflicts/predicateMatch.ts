/** Would a read with this predicate have read this added file? Judged from partition values and stats; unsure means yes. */
import type { Add } from '../actions.ts';
import type { Predicate } from '../predicate.ts';
import type { DataType } from '../schemaTypes.ts';
import type { Transaction } from '../transaction.ts';
import { canSkipFile } from '../fileSkipping.ts';
import { parseStats } from '../stats.ts';

export function addMatchesPredicate(add: Add, predicate: Predicate, tx: Pick<Transaction, 'readSchema' | 'partitionColumns'>): boolean {
  const types = new Map<string, DataType>((tx.readSchema?.fields ?? []).map((f) => [f.name, f.type]));
  const partitions = new Map<string, string | null>();
  for (const column of tx.partitionColumns ?? []) partitions.set(column, add.partitionValues[column] ?? null);
  return !canSkipFile(predicate, {
    partitionValues: partitions,
    stats: parseStats(add),
    statsKeyOf: (c) => c,
    typeOf: (c) => types.get(c) ?? 'string',
  });
}
