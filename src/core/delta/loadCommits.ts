/**
 * Reading JSON commits through the store, several at a time. A commit whose size the listing
 * gave must come back at that size: a commit cut off at a line break still parses, and would
 * silently lose its last actions. A large one is read as ranged reads and parsed as the pieces
 * arrive, so it never sits in memory whole, nor as one string, and reports its progress.
 */
import type { ObjectStore } from '../objectStore.ts';
import type { AbortSignal } from '../abort.ts';
import { throwIfAborted } from '../abort.ts';
import { LakeError } from '../errors.ts';
import { defaultRangedReads, type RangedReads } from '../readObject.ts';
import type { Action, Commit } from './actions.ts';
import { ActionLines, parseActions } from './parseActions.ts';
import { commitFileName, commitKey } from './logPaths.ts';
import { parseSharedCommit } from './parsedCommits.ts';

export const commitReadConcurrency = 16;

export interface CommitReadOptions {
  signal?: AbortSignal;
  /** The commit's size from a listing: checked, and large commits are streamed. */
  size?: number;
  /** When a commit is large enough to stream, and in what pieces (defaultRangedReads). */
  ranged?: RangedReads;
  /** Bytes read of a streamed commit. */
  onBytes?: (done: number, total: number) => void;
}

export async function loadCommit(store: ObjectStore, tableRoot: string, version: number, signalOrOptions?: AbortSignal | CommitReadOptions): Promise<Commit> {
  const options: CommitReadOptions = signalOrOptions && 'aborted' in signalOrOptions ? { signal: signalOrOptions } : (signalOrOptions ?? {});
  const key = commitKey(tableRoot, version);
  const name = commitFileName(version);
  const ranged = options.ranged ?? defaultRangedReads;
  if (options.size !== undefined && options.size >= ranged.minSize && ranged.rangeSize > 0) {
    return { version, actions: nonEmpty(await streamActions(store, key, name, options.size, ranged.rangeSize, options), name, options.size) };
  }
  const bytes = await store.get(key, { signal: options.signal });
  if (options.size !== undefined && bytes.length !== options.size) throw sizeMismatch(name, options.size, bytes.length);
  return { version, actions: nonEmpty(parseSharedCommit(store, key, bytes, name), name, bytes.length) };
}

/** A commit holds at least its actions' lines; an empty file is a write that never finished, not an empty commit. */
function nonEmpty<T extends readonly Action[]>(actions: T, name: string, size: number): T {
  if (actions.length > 0) return actions;
  throw new LakeError('Corrupt', `delta log ${name} is empty (${size} bytes${size > 0 ? ' of blank lines' : ''}): a commit holds at least one action`);
}

async function streamActions(store: ObjectStore, key: string, name: string, size: number, rangeSize: number, options: CommitReadOptions): Promise<Action[]> {
  const actions: Action[] = [];
  const lines = new ActionLines(name);
  for (let offset = 0; offset < size; offset += rangeSize) {
    throwIfAborted(options.signal, `reading ${name}`);
    const length = Math.min(rangeSize, size - offset);
    const piece = await store.get(key, { range: { offset, length }, signal: options.signal });
    if (piece.length !== length) throw sizeMismatch(name, size, offset + piece.length);
    lines.push(piece, actions);
    options.onBytes?.(offset + length, size);
  }
  // One byte past the listed end: a commit longer than listed was rewritten, or the listing is wrong.
  const beyond = await store.get(key, { range: { offset: size, length: 1 }, signal: options.signal });
  if (beyond.length > 0) throw new LakeError('Corrupt', `delta log ${name}: the listing says ${size} bytes, but the file is longer (a commit file is never rewritten)`);
  lines.end(actions);
  return actions;
}

function sizeMismatch(name: string, listed: number, got: number): LakeError {
  return new LakeError('Corrupt', `delta log ${name}: the listing says ${listed} bytes, but ${got} came back (a read cut short, or a commit file rewritten: commits never change); read the table again`);
}

/** Load commits in order, `concurrency` requests in flight, reporting each one done. */
export async function loadCommits(
  store: ObjectStore,
  tableRoot: string,
  versions: readonly number[],
  options: { signal?: AbortSignal; onLoaded?: (done: number) => void; sizes?: ReadonlyMap<number, number>; ranged?: RangedReads; onBytes?: (done: number, total: number) => void } = {},
): Promise<Commit[]> {
  const commits = new Array<Commit>(versions.length);
  let next = 0;
  let done = 0;
  async function worker(): Promise<void> {
    while (next < versions.length) {
      const index = next++;
      throwIfAborted(options.signal, 'reading the log');
      const version = versions[index] ?? 0;
      commits[index] = await loadCommit(store, tableRoot, version, { signal: options.signal, size: options.sizes?.get(version), ranged: options.ranged, onBytes: options.onBytes });
      options.onLoaded?.(++done);
    }
  }
  await Promise.all(Array.from({ length: Math.min(commitReadConcurrency, versions.length) }, worker));
  return commits;
}
