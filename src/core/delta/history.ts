/** A table's history, like DESCRIBE HISTORY: one entry per available commit, newest first. */
import type { ObjectStore } from '../objectStore.ts';
import type { AbortSignal } from '../abort.ts';
import { commitInfoOf, type Action, type CommitInfo } from './actions.ts';
import { checkCommitsContiguous, loadLogListing } from './logSegment.ts';
import { loadCommits } from './loadCommits.ts';
import { commitTimestampOf } from './commitTimestamp.ts';

export { loadCommit } from './loadCommits.ts';

export interface HistoryEntry {
  version: number;
  /** In-commit timestamp when present, else the commit file's modification time. */
  timestamp: number;
  fileModificationTime: number;
  commitInfo?: CommitInfo;
  /** Every action of the commit, with `withActions`. */
  actions?: readonly Action[];
}

export async function loadHistory(
  store: ObjectStore,
  tableRoot: string,
  options: { limit?: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void; withActions?: boolean } = {},
): Promise<HistoryEntry[]> {
  const listing = await loadLogListing(store, tableRoot, options.signal);
  const gap = checkCommitsContiguous(listing);
  if (gap) throw gap;
  const versions = [...listing.commits.keys()].sort((a, b) => b - a).slice(0, options.limit ?? Number.POSITIVE_INFINITY);
  const commits = await loadCommits(store, tableRoot, versions, {
    signal: options.signal,
    sizes: new Map(versions.map((v) => [v, listing.commits.get(v)?.size ?? 0])),
    onLoaded: (done) => options.onProgress?.(done, versions.length),
  });
  return commits.map((commit) => {
    const commitInfo = commitInfoOf(commit.actions);
    const fileModificationTime = listing.commits.get(commit.version)?.lastModified ?? 0;
    const entry: HistoryEntry = { version: commit.version, timestamp: commitTimestampOf(commitInfo, fileModificationTime), fileModificationTime, commitInfo };
    if (options.withActions) entry.actions = commit.actions;
    return entry;
  });
}
