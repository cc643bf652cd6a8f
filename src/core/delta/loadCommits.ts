/** Reading JSON commits through the store, several at a time. */
import { LakeError } from '../errors.ts';
import type { ObjectStore } from '../objectStore.ts';
import type { AbortSignal } from '../abort.ts';
import { throwIfAborted } from '../abort.ts';
import type { Commit } from './actions.ts';
import { parseActions } from './parseActions.ts';
import { commitFileName, commitKey } from './logPaths.ts';

export const commitReadConcurrency = 16;

export async function loadCommit(store: ObjectStore, tableRoot: string, version: number, signal?: AbortSignal): Promise<Commit> {
  const bytes = await store.get(commitKey(tableRoot, version), { signal });
  const actions = parseActions(bytes, commitFileName(version));
  // A commit holds at least its actions' lines; an empty file is a write that never finished, not an empty commit.
  if (actions.length === 0) {
    throw new LakeError('Corrupt', `delta log ${commitFileName(version)} is empty (${bytes.length} bytes${bytes.length > 0 ? ' of blank lines' : ''}): a commit holds at least one action`);
  }
  return { version, actions };
}

/** Load commits in order, `concurrency` requests in flight, reporting each one done. */
export async function loadCommits(
  store: ObjectStore,
  tableRoot: string,
  versions: readonly number[],
  options: { signal?: AbortSignal; onLoaded?: (done: number) => void } = {},
): Promise<Commit[]> {
  const commits = new Array<Commit>(versions.length);
  let next = 0;
  let done = 0;
  async function worker(): Promise<void> {
    while (next < versions.length) {
      const index = next++;
      throwIfAborted(options.signal, 'reading the log');
      commits[index] = await loadCommit(store, tableRoot, versions[index] ?? 0, options.signal);
      options.onLoaded?.(++done);
    }
  }
  await Promise.all(Array.from({ length: Math.min(commitReadConcurrency, versions.length) }, worker));
  return commits;
}
