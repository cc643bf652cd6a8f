/**
 * When each file was part of the table: the versions from the one that added it to the one
 * before the one that removed it. Deleting a file loses every version in its lifetime for time
 * travel, which is how the VACUUM preview names the versions it would cost.
 */
import type { Action, Add } from '../actions.ts';
import { planDeletionVectorRead } from '../deletionVector.ts';
import { decodePath } from './vacuumPreview.ts';

/** Versions [from, until) during which the path was read; until null: still read at the latest. */
export interface FileLifetime {
  from: number;
  until: number | null;
}

/**
 * `base`: the files of the earliest version that can be rebuilt (`baseVersion`); `commits`: every
 * commit after it, in order. Deletion-vector files count as read by the versions their data file
 * is read with them.
 */
export function toFileLifetimes(baseVersion: number, base: readonly Add[], commits: readonly { version: number; actions: readonly Action[] }[]): Map<string, FileLifetime[]> {
  const lifetimes = new Map<string, FileLifetime[]>();
  const open = new Map<string, number>();
  const start = (path: string, version: number) => {
    if (!open.has(path)) open.set(path, version);
  };
  const end = (path: string, version: number) => {
    const from = open.get(path);
    if (from === undefined) return;
    open.delete(path);
    if (from < version) push(path, { from, until: version });
  };
  const push = (path: string, lifetime: FileLifetime) => {
    const list = lifetimes.get(path) ?? [];
    list.push(lifetime);
    lifetimes.set(path, list);
  };
  for (const add of base) for (const path of pathsOf(add)) start(path, baseVersion);
  for (const commit of commits) {
    // A commit removes then re-adds a path when it rewrites a deletion vector: close first, then open.
    for (const action of commit.actions) if ('remove' in action) for (const path of pathsOf(action.remove)) end(path, commit.version);
    for (const action of commit.actions) if ('add' in action) for (const path of pathsOf(action.add)) start(path, commit.version);
  }
  for (const [path, from] of open) push(path, { from, until: null });
  return lifetimes;
}

function pathsOf(file: Pick<Add, 'path' | 'deletionVector'>): string[] {
  const paths = [decodePath(file.path)];
  if (file.deletionVector && file.deletionVector.storageType !== 'i') {
    const location = planDeletionVectorRead(file.deletionVector, '');
    if (location.kind === 'file') paths.push(location.key);
  }
  return paths;
}

/** The versions in [earliest, latest] that read any of the deleted paths. */
export function toLostVersions(deleted: Iterable<string>, lifetimes: ReadonlyMap<string, FileLifetime[]>, earliest: number, latest: number): number[] {
  const lost = new Set<number>();
  for (const path of deleted) {
    for (const { from, until } of lifetimes.get(path) ?? []) {
      for (let v = Math.max(from, earliest); v < (until ?? latest + 1) && v <= latest; v++) lost.add(v);
    }
  }
  return [...lost].sort((a, b) => a - b);
}
