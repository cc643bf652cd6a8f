/**
 * The storage interface core needs. Adapters (src/storage/*) implement it for memory, the
 * Node file system, a browser folder, static HTTP and Azure/OneLake; every adapter passes the
 * shared contract suite in src/storage/objectStoreContract.ts.
 *
 * Keys are '/'-separated, relative to the store's root, never start with '/', and never
 * contain '.' or '..' segments. A store MUST reject such keys with an InvalidInput LakeError.
 */
import type { AbortSignal } from './abort.ts';

export interface ObjectMeta {
  key: string;
  size: number;
  /** Last modification, milliseconds since the Unix epoch. */
  lastModified: number;
  /** Opaque version tag; present where the platform has one. */
  etag?: string;
}

export interface ListOptions {
  /**
   * With '/', list one level: objects directly under `prefix` and the common prefixes
   * (sub-folders, each ending in '/') below it. Without, list every object under `prefix`.
   */
  delimiter?: '/';
  /**
   * A hint (S3's StartAfter): the store MAY leave out every key that sorts at or before this
   * one. Callers MUST still skip such keys themselves: a store that cannot start a listing
   * midway lists from the beginning. The memory store honours it (and the stores that wrap or
   * serve it pass it on), so reading only the newest part of a long log stays cheap there.
   */
  startAfter?: string;
  signal?: AbortSignal;
}

export interface ListPage {
  objects: ObjectMeta[];
  /** Sub-folder prefixes, each ending in '/'; only with `delimiter`. */
  prefixes: string[];
}

export interface ByteRange {
  offset: number;
  length: number;
}

export interface GetOptions {
  /** Read only these bytes. A range past the end MUST be clipped to the object's size. */
  range?: ByteRange;
  signal?: AbortSignal;
}

export interface PutOptions {
  /** Write under this lease; a store with leases MUST refuse a write to a leased key without it. */
  leaseId?: string;
  contentType?: string;
  /**
   * On stores with metadata (those with `leases`), `put` MUST replace the object's metadata with
   * this (none when absent), in the same atomic write, as Azure's Put Blob does.
   */
  metadata?: Record<string, string>;
  signal?: AbortSignal;
}

export type PutIfAbsentOutcome =
  | { status: 'created'; meta: ObjectMeta }
  | { status: 'exists' };

/**
 * The contract, in MUST language:
 * - `list` MUST yield pages whose objects, taken together, are in ascending key order (byte
 *   order of the UTF-8 key), each object once. An empty or missing prefix yields no objects.
 * - `head` and `get` MUST throw a LakeError 'NotFound' for a missing key.
 * - `get` with a range MUST return exactly the bytes [offset, min(offset + length, size)).
 * - `put` MUST replace the whole object atomically: a reader sees the old or the new bytes.
 * - `putIfAbsent` MUST be atomic: of any number of concurrent calls on one key (from any
 *   process that shares the store), exactly one returns 'created' and the others 'exists',
 *   and an existing object is never overwritten.
 * - `delete` of a missing key MUST succeed silently.
 * - Platform errors MUST be translated to LakeErrors (NotFound, AccessDenied, Network, ...).
 */
export interface ObjectStore {
  /** A human-readable description of where this store points, without secrets. */
  readonly description: string;
  readonly readOnly: boolean;
  list(prefix: string, options?: ListOptions): AsyncIterable<ListPage>;
  head(key: string, options?: { signal?: AbortSignal }): Promise<ObjectMeta>;
  get(key: string, options?: GetOptions): Promise<Uint8Array>;
  put(key: string, data: Uint8Array, options?: PutOptions): Promise<ObjectMeta>;
  putIfAbsent(key: string, data: Uint8Array, options?: PutOptions): Promise<PutIfAbsentOutcome>;
  delete(key: string, options?: { leaseId?: string; signal?: AbortSignal }): Promise<void>;
  /** Present on stores with Azure-style blob leases and metadata. */
  readonly leases?: LeaseStore;
}

export type LeaseDuration = number | 'infinite';

export type LeaseState = 'available' | 'leased' | 'expired' | 'breaking' | 'broken';

export interface LeaseInfo {
  state: LeaseState;
  /** Seconds, or 'infinite', while leased. */
  duration?: LeaseDuration;
}

/** Expected outcomes of lease calls are values; only broken I/O throws. */
export type LeaseOutcome =
  | { status: 'ok'; leaseId: string }
  /** Someone else holds the lease (Azure 409 LeaseAlreadyPresent). */
  | { status: 'held' }
  /** The lease is breaking and cannot be acquired yet (409 LeaseIsBreakingAndCannotBeAcquired). */
  | { status: 'breaking'; secondsLeft: number }
  /** The id given does not hold the lease: it expired, broke or was never ours (409/412). */
  | { status: 'lost'; reason: string };

export type LeaseWriteOutcome = { status: 'ok'; meta: ObjectMeta } | { status: 'lost'; reason: string };

/**
 * Azure Blob lease semantics (see ../../shared/notes/azure-onelake.md):
 * - `acquire` on an available, expired or broken lease MUST succeed; on a leased one MUST
 *   return 'held' (unless `proposedLeaseId` equals the current id: then it renews).
 * - Fixed durations are 15-60 seconds; a fixed lease expires when its time elapses.
 * - `break` without a period breaks an infinite lease at once and lets a fixed lease run out;
 *   with a period the lease is 'breaking' until then. Returns the seconds until it can be
 *   acquired again. Breaking needs no lease id. Breaking a key with no lease (available,
 *   broken, or released meanwhile by a run that broke it first) MUST do nothing and return 0.
 * - A broken lease cannot be renewed; it can be released.
 * - While a key is leased, `put`, `delete` and `setMetadata` without the current id MUST be
 *   refused ('lost' for the metadata call, a LakeError 'AccessDenied' for put/delete).
 */
export interface LeaseStore {
  acquire(key: string, duration: LeaseDuration, proposedLeaseId?: string): Promise<LeaseOutcome>;
  renew(key: string, leaseId: string): Promise<LeaseOutcome>;
  change(key: string, leaseId: string, proposedLeaseId: string): Promise<LeaseOutcome>;
  release(key: string, leaseId: string): Promise<LeaseOutcome>;
  break(key: string, breakPeriodSeconds?: number): Promise<{ secondsUntilBroken: number }>;
  info(key: string): Promise<LeaseInfo>;
  getMetadata(key: string): Promise<Record<string, string>>;
  setMetadata(key: string, metadata: Record<string, string>, leaseId?: string): Promise<LeaseWriteOutcome>;
}

/** Collect every object under `prefix` (all pages). */
export async function listAll(store: ObjectStore, prefix: string, options?: ListOptions): Promise<ObjectMeta[]> {
  const objects: ObjectMeta[] = [];
  for await (const page of store.list(prefix, options)) objects.push(...page.objects);
  return objects;
}

/** An empty, '.' or '..' segment: at the start, between two slashes, or at the end. */
const forbiddenSegment = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** Check a key against the contract; returns a problem or undefined. */
export function checkKey(key: string): string | undefined {
  if (key.length === 0) return 'the key is empty';
  if (key.startsWith('/')) return `key "${key}" must not start with "/"`;
  if (key.includes('\\')) return `key "${key}" must not contain "\\"`;
  if (key.includes('\0')) return `key must not contain a NUL byte`;
  // One trailing '/' names a folder; any other empty segment is refused.
  if (forbiddenSegment.test(key.endsWith('/') ? key.slice(0, -1) : key)) return `key "${key}" has an empty, "." or ".." segment`;
  return undefined;
}

/** Join a folder prefix and a relative path into a key. */
export function joinKey(prefix: string, relative: string): string {
  if (prefix === '') return relative;
  return prefix.endsWith('/') ? prefix + relative : `${prefix}/${relative}`;
}
