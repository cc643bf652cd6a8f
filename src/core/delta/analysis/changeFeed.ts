/**
 * Which files make up the changes of each version (PROTOCOL.md "Change Data Files" and "Add CDC
 * File"): a version whose commit has `cdc` actions is read from those files alone, their rows
 * carrying `_change_type` (insert, delete, update_preimage, update_postimage); any other version
 * is read from its data-changing actions, rows of added files as inserts and of removed files as
 * deletes (which is what a reader does for insert-only commits of a table with the change data
 * feed on, and the rows the file-level diff implies where it was off). A file removed and
 * re-added in one commit with another deletion vector changed only the rows the new vector
 * removes: those are deletes. Every row gets `_commit_version` and `_commit_timestamp`.
 */
import type { Action, Add, Cdc, Remove } from '../actions.ts';

export type ChangeRead =
  | { kind: 'cdc'; file: Cdc }
  | { kind: 'insert'; file: Add }
  | { kind: 'delete'; file: Remove }
  /** The same file with a new deletion vector: its rows before, less its rows after, are deletes. */
  | { kind: 'deletionVector'; before: Remove; after: Add };

export interface VersionChanges {
  version: number;
  /** The commit's time as the change feed stamps it: its in-commit timestamp, else the commit file's modification time. */
  timestamp: number;
  source: 'cdc' | 'files';
  /** delta.enableChangeDataFeed at this version. */
  cdfEnabled: boolean;
  reads: ChangeRead[];
}

export interface ChangeFeedCommit {
  version: number;
  timestamp: number;
  actions: readonly Action[];
}

/** `cdfEnabledBefore`: the property at the version before the first commit given. */
export function planChangeFeed(commits: readonly ChangeFeedCommit[], cdfEnabledBefore: boolean): VersionChanges[] {
  let cdfEnabled = cdfEnabledBefore;
  return commits.map((commit) => {
    for (const action of commit.actions) {
      if ('metaData' in action) cdfEnabled = (action.metaData.configuration['delta.enableChangeDataFeed'] ?? '').toLowerCase() === 'true';
    }
    const cdc = commit.actions.flatMap((a) => ('cdc' in a ? [a.cdc] : []));
    if (cdc.length > 0) return { version: commit.version, timestamp: commit.timestamp, source: 'cdc' as const, cdfEnabled, reads: cdc.map((file) => ({ kind: 'cdc' as const, file })) };
    const adds = commit.actions.flatMap((a) => ('add' in a && a.add.dataChange ? [a.add] : []));
    const removes = commit.actions.flatMap((a) => ('remove' in a && a.remove.dataChange ? [a.remove] : []));
    const readded = new Map(adds.map((a) => [a.path, a]));
    const reads: ChangeRead[] = [];
    const paired = new Set<string>();
    for (const remove of removes) {
      const after = readded.get(remove.path);
      if (after) {
        paired.add(remove.path);
        reads.push({ kind: 'deletionVector', before: remove, after });
      } else {
        reads.push({ kind: 'delete', file: remove });
      }
    }
    for (const add of adds) if (!paired.has(add.path)) reads.push({ kind: 'insert', file: add });
    return { version: commit.version, timestamp: commit.timestamp, source: 'files' as const, cdfEnabled, reads };
  });
}
