/**
 * DuckLake's check after a lost snapshot id (ducklake-spec.md, Concurrency): the loser reads
 * ducklake_snapshot_changes of the snapshots committed since its own snapshot and retries only
 * when none of them conflicts with its change at table level. The words of changes_made are
 * mapped to the four table-level changes the rules know (an inlined insert is an insert, a
 * dropped table conflicts like an altered one, a flush or merge of files like a compaction).
 * Two deletes from the same table are judged to conflict: the extension only does when they
 * delete from the same data file, which this check does not look at.
 */
import { closestDeltaKind, duckLakeClashes, duckLakeVerbs, type DuckLakeChange } from '../delta/conflicts/duckLakeRules.ts';
import type { ConflictKind } from '../delta/conflicts/conflict.ts';
import { parseChangesMade, type ChangeKind } from './changesMade.ts';

export interface CommittedSnapshot {
  snapshotId: number;
  changesMade: string | null;
  author: string | null;
}

export interface SnapshotConflict {
  /** The nearest Delta kind, so the figures count it beside Delta's conflicts. */
  kind: ConflictKind;
  /** The snapshot that conflicts. */
  snapshotId: number;
  author: string | null;
  /** The extension's message, then which table and which rule. */
  message: string;
}

const asTableChange: Partial<Record<ChangeKind, DuckLakeChange>> = {
  inserted_into_table: 'inserted_into_table', inlined_insert: 'inserted_into_table',
  deleted_from_table: 'deleted_from_table', inlined_delete: 'deleted_from_table',
  compacted_table: 'compacted_table', merge_adjacent: 'compacted_table', rewrite_delete: 'compacted_table', inline_flush: 'compacted_table', flushed_inlined: 'compacted_table',
  altered_table: 'altered_table', dropped_table: 'altered_table',
};

/** The first snapshot in `since` (ascending) whose change to table `tableId` conflicts with `mine`, or undefined: the commit may be retried. */
export function findSnapshotConflict(mine: DuckLakeChange, table: { id: number; name: string }, since: readonly CommittedSnapshot[]): SnapshotConflict | undefined {
  const clashing: DuckLakeChange[] = mine === 'deleted_from_table' ? [...duckLakeClashes[mine], 'deleted_from_table'] : duckLakeClashes[mine];
  for (const snapshot of since) {
    const theirs = parseChangesMade(snapshot.changesMade).flatMap((c) => (c.id === table.id && asTableChange[c.kind as ChangeKind] ? [asTableChange[c.kind as ChangeKind]!] : []));
    const other = clashing.find((c) => theirs.includes(c));
    if (!other) continue;
    return {
      kind: closestDeltaKind[other],
      snapshotId: snapshot.snapshotId,
      author: snapshot.author,
      message: `Transaction conflict - attempting to ${duckLakeVerbs[mine][0]} with index "${table.id}" - but another transaction has ${duckLakeVerbs[other][1]}: ${table.name}, snapshot ${snapshot.snapshotId}${snapshot.author ? ` by ${snapshot.author}` : ''}. DuckLake's table-level rule: ${ruleText(mine, other)}.`,
    };
  }
  return undefined;
}

function ruleText(mine: DuckLakeChange, other: DuckLakeChange): string {
  // "delete from table" -> "deletes from": the verb of each change, conjugated.
  const verb = (change: DuckLakeChange) => duckLakeVerbs[change][0].replace(' table', '').replace(/^(\w+)/, '$1s');
  return `a transaction that ${verb(mine)} a table fails, without a retry, when a concurrent one ${verb(other)} it`;
}
