/**
 * DuckLake's conflict rules on a database catalog (ducklake-spec.md), applied to the same race
 * for comparison: conflicts are table-granular. An insert conflicts with a concurrent alter or
 * delete of the table; a delete with a concurrent alter, insert or compaction, and with another
 * delete of the same data file; an alter with any concurrent change. So a MERGE (delete plus
 * insert) conflicts with any concurrent insert into the table: stricter than Delta.
 */
import type { Commit } from '../actions.ts';
import type { Transaction } from '../transaction.ts';
import type { Conflict, ConflictKind } from './conflict.ts';
import { summarise } from './deltaRsRules.ts';

/** The table-level changes DuckLake's rules know (ducklake_snapshot_changes' words). */
export type DuckLakeChange = 'inserted_into_table' | 'deleted_from_table' | 'compacted_table' | 'altered_table';

function changesOf(actions: Commit['actions']): Set<DuckLakeChange> {
  const changes = new Set<DuckLakeChange>();
  for (const a of actions) {
    if ('add' in a && a.add.dataChange) changes.add('inserted_into_table');
    if ('remove' in a) changes.add(a.remove.dataChange ? 'deleted_from_table' : 'compacted_table');
    if ('metaData' in a || 'protocol' in a) changes.add('altered_table');
  }
  return changes;
}

/** What a transaction attempts, and what the other transaction has done, in the extension's words. */
export const duckLakeVerbs: Record<DuckLakeChange, [attempt: string, done: string]> = {
  inserted_into_table: ['insert into table', 'inserted into it'],
  deleted_from_table: ['delete from table', 'deleted from it'],
  compacted_table: ['compact table', 'compacted it'],
  altered_table: ['alter table', 'altered it'],
};

/** For each change, the concurrent changes of the same table it conflicts with. */
export const duckLakeClashes: Record<DuckLakeChange, DuckLakeChange[]> = {
  inserted_into_table: ['altered_table', 'deleted_from_table'],
  deleted_from_table: ['altered_table', 'inserted_into_table', 'compacted_table'],
  compacted_table: ['altered_table', 'deleted_from_table'],
  altered_table: ['altered_table', 'inserted_into_table', 'deleted_from_table', 'compacted_table'],
};

/** The nearest Delta conflict kind, so figures count DuckLake's conflicts beside Delta's. */
export const closestDeltaKind: Record<DuckLakeChange, ConflictKind> = {
  inserted_into_table: 'ConcurrentAppend', deleted_from_table: 'ConcurrentDeleteRead', compacted_table: 'ConcurrentDeleteRead', altered_table: 'MetadataChanged',
};

export function checkConflictDuckLake(tx: Transaction, winner: Commit): Conflict | undefined {
  const ours = changesOf(tx.actions);
  const theirs = changesOf(winner.actions);
  const summary = summarise(winner.actions);
  const ourRemoves = new Set(tx.actions.flatMap((a) => ('remove' in a ? [a.remove.path] : [])));
  for (const mine of ours) {
    const other = duckLakeClashes[mine].find((c) => theirs.has(c))
      ?? (mine === 'deleted_from_table' && summary.removes.some((r) => ourRemoves.has(r.path)) ? 'deleted_from_table' : undefined);
    if (!other) continue;
    return {
      kind: closestDeltaKind[other],
      winningVersion: winner.version,
      winningOperation: summary.operation,
      files: [],
      message: `Transaction conflict - attempting to ${duckLakeVerbs[mine][0]} with index "0" - but another transaction has ${duckLakeVerbs[other][1]}`,
      isolationLevel: tx.isolationLevel,
      explanation: `DuckLake judges conflicts per table: this transaction ${duckLakeVerbs[mine][0].replace(' table', 's the table')}, and the snapshot committed meanwhile ${duckLakeVerbs[other][1]}. DuckLake retries the metadata commit only when no such table-level conflict exists.`,
    };
  }
  return undefined;
}
