/**
 * Small commits parsed once per store and shared, for the stores that ask for it
 * (shareParsedCommits): in the simulator every writer reads every winning commit, and the same
 * bytes were decoded, parsed and validated again on each read (~7,000 times for 160 commits).
 * An entry is used only when the bytes read now equal the bytes it was parsed from, so a commit
 * rewritten under its key is parsed afresh; its actions are frozen, so one reader cannot change
 * what another sees. Other stores parse on each read: a table's history reads each commit once,
 * and keeping a copy and freezing the actions made reading 10,000 commits a third slower.
 */
import type { ObjectStore } from '../objectStore.ts';
import type { Action } from './actions.ts';
import { parseActions } from './parseActions.ts';

/** Larger commits are parsed on each read: they are rarely read twice, and would hold memory. */
export const maxSharedCommitBytes = 16 * 1024;
/** The bytes of the commits remembered per store, the first parsed forgotten first (a hit refreshes nothing: it costs one lookup and a comparison). */
export const sharedCommitBytesPerStore = 4 * 1024 * 1024;

interface Parsed {
  bytes: Uint8Array;
  actions: readonly Action[];
}

interface StoreCommits {
  byKey: Map<string, Parsed>;
  bytes: number;
}

const byStore = new WeakMap<ObjectStore, StoreCommits>();

/** From now on, the commits read from `store` are parsed once and shared (the simulator's stores). */
export function shareParsedCommits(store: ObjectStore): void {
  if (!byStore.has(store)) byStore.set(store, { byKey: new Map(), bytes: 0 });
}

/**
 * The actions of the commit `bytes` read from `key`, as parseActions gives them; from a store
 * that shares parsed commits, frozen and shared by every read of the same bytes (a copy of the
 * bytes is kept to compare).
 */
export function parseSharedCommit(store: ObjectStore, key: string, bytes: Uint8Array, fileName: string): readonly Action[] {
  const commits = byStore.get(store);
  if (!commits || bytes.length > maxSharedCommitBytes) return parseActions(bytes, fileName);
  const known = commits.byKey.get(key);
  if (known && sameBytes(known.bytes, bytes)) return known.actions;
  if (known) forget(commits, key, known);
  const parsed = { bytes: bytes.slice(), actions: deepFreeze(parseActions(bytes, fileName)) };
  commits.byKey.set(key, parsed);
  commits.bytes += parsed.bytes.length;
  for (const [oldest, entry] of commits.byKey) {
    if (commits.bytes <= sharedCommitBytesPerStore) break;
    forget(commits, oldest, entry);
  }
  return parsed.actions;
}

function forget(commits: StoreCommits, key: string, entry: Parsed): void {
  commits.byKey.delete(key);
  commits.bytes -= entry.bytes.length;
}

/** Compared four bytes at a time where both start on a 4-byte boundary (every read does): a hit compares the whole commit. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const words = a.length >> 2;
    const x = new Int32Array(a.buffer, a.byteOffset, words);
    const y = new Int32Array(b.buffer, b.byteOffset, words);
    for (; i < words; i++) if (x[i] !== y[i]) return false;
    i = words * 4;
  }
  for (; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
