/**
 * One writer at a time on a catalog file in object storage, made safe by a blob lease
 * (ducklake-lease.md). Every commit: acquire an infinite lease on the catalog blob and stamp
 * `acquired_at` in its metadata; download; commit locally; upload under the lease id (carrying
 * the stamp); release. A run that finds the lease held fails fast, saying who holds it since
 * when, unless the stamp is older than the staleness window: then the holder is presumed dead,
 * and the lease is broken and taken.
 *
 * Why nothing acknowledged is lost, whatever step a run dies at:
 * - The lease fences writes: once a stale lease is broken, the presumed-dead holder's upload is
 *   refused by the store ('lost'), so it cannot overwrite the catalog its successor wrote.
 * - A run acknowledges only after its upload succeeded; a crash before that leaves the catalog
 *   as it was, and its lease heals after the window: the run stamps the blob before it
 *   acquires (a metadata write, refused while another run holds the lease) and again under the
 *   lease, and its upload carries the stamp, so a lease is never held without a time from at
 *   most a moment before it was taken.
 * - A stamp that is missing or not a time (a lease taken by another tool) is never judged
 *   stale: break such a lease by hand (`lakelab ducklake-lease break`), once its holder is gone.
 * Staleness compares the holder's stamp with this run's clock: clock skew between writers
 * shifts the window by the skew.
 */
import type { Clock } from '../clock.ts';
import { isLakeError, LakeError } from '../errors.ts';
import type { LeaseState, LeaseStore, ObjectStore } from '../objectStore.ts';
import {
  defaultStaleAfterMs, describeStamp, isStampStale, stampAgeMs, toLeaseStamp, toStampMetadata, type LeaseStamp,
} from './leaseStamp.ts';

export interface CatalogLeaseOptions {
  clock: Pick<Clock, 'now'>;
  /** Who is asking (stamped as `acquired_by`), e.g. "lakelab cli (alice@laptop)". */
  holder: string;
  /** Break a lease whose stamp is older than this; default 12 hours. */
  staleAfterMs?: number;
}

export interface HeldCatalogLease {
  key: string;
  leaseId: string;
  /** The metadata stamped on acquire; the upload carries it. */
  stamp: Record<string, string>;
}

export type AcquireCatalogLeaseOutcome =
  /** `broke`: the stale holder's stamp, when this run broke its lease to get in. */
  | { status: 'acquired'; lease: HeldCatalogLease; broke?: LeaseStamp }
  | { status: 'held'; holder: LeaseStamp; message: string }
  | { status: 'breaking'; secondsLeft: number; message: string };

export type CatalogLeaseRun<T> =
  | { status: 'committed'; value: T; uploaded: boolean; released: boolean; broke?: LeaseStamp }
  | { status: 'held'; holder: LeaseStamp; message: string }
  | { status: 'breaking'; secondsLeft: number; message: string }
  /** The upload was refused: the lease was broken meanwhile. Nothing of this run was written. */
  | { status: 'lost'; value: T; message: string };

/** The local commit: given the downloaded catalog, the new catalog bytes (none: nothing to upload). */
export type CatalogWork<T> = (catalog: Uint8Array, lease: HeldCatalogLease) => Promise<{ catalog?: Uint8Array; value: T }>;

export async function acquireCatalogLease(store: ObjectStore, key: string, options: CatalogLeaseOptions): Promise<AcquireCatalogLeaseOutcome> {
  const leases = requireLeases(store, key);
  const staleAfterMs = options.staleAfterMs ?? defaultStaleAfterMs;
  const stamp = toStampMetadata(options.clock.now(), options.holder);
  // Stamped first, outside any lease (refused while one is held): a run that dies between its
  // acquire and its stamp under the lease still leaves a time from just before, so it heals.
  const preStamped = await leases.setMetadata(key, stamp);
  let outcome = preStamped.status === 'ok' ? await leases.acquire(key, 'infinite') : { status: 'held' as const };
  let broke: LeaseStamp | undefined;
  if (outcome.status === 'held' || outcome.status === 'lost') {
    const stamp = toLeaseStamp(await leases.getMetadata(key));
    if (!isStampStale(stamp, options.clock.now(), staleAfterMs)) return held(key, stamp, options, staleAfterMs);
    await leases.break(key, 0);
    broke = stamp;
    outcome = await leases.acquire(key, 'infinite');
    // Another run broke the same stale lease first and took it: it is that run's now.
    if (outcome.status === 'held' || outcome.status === 'lost') return held(key, toLeaseStamp(await leases.getMetadata(key)), options, staleAfterMs);
  }
  if (outcome.status === 'breaking') {
    return { status: 'breaking', secondsLeft: outcome.secondsLeft, message: `${key}: its lease is being broken; try again${outcome.secondsLeft > 0 ? ` in ${outcome.secondsLeft} s` : ' shortly'}` };
  }
  const stamped = await leases.setMetadata(key, stamp, outcome.leaseId);
  // Broken between our acquire and our stamp (by a run that read an older holder's stamp).
  if (stamped.status === 'lost') return held(key, toLeaseStamp(await leases.getMetadata(key)), options, staleAfterMs);
  const lease = { key, leaseId: outcome.leaseId, stamp };
  return broke ? { status: 'acquired', lease, broke } : { status: 'acquired', lease };
}

/** The whole protocol around one local commit: acquire, download, work, upload under the lease, release. */
export async function runUnderCatalogLease<T>(store: ObjectStore, key: string, options: CatalogLeaseOptions, work: CatalogWork<T>): Promise<CatalogLeaseRun<T>> {
  const acquired = await acquireCatalogLease(store, key, options);
  if (acquired.status !== 'acquired') return acquired;
  const { lease, broke } = acquired;
  let result: { catalog?: Uint8Array; value: T };
  try {
    result = await work(await store.get(key), lease);
  } catch (error) {
    await releaseQuietly(store, lease);
    throw error;
  }
  if (result.catalog) {
    try {
      await store.put(key, result.catalog, { leaseId: lease.leaseId, metadata: lease.stamp });
    } catch (error) {
      if (!isLakeError(error, 'AccessDenied')) throw error;
      return { status: 'lost', value: result.value, message: `${key}: the upload was refused, the lease was broken meanwhile (this run was presumed dead); nothing of it was written. ${error.message}` };
    }
  }
  const released = (await requireLeases(store, key).release(key, lease.leaseId)).status === 'ok';
  const committed = { status: 'committed' as const, value: result.value, uploaded: result.catalog !== undefined, released };
  return broke ? { ...committed, broke } : committed;
}

export interface CatalogLeaseStatus {
  key: string;
  state: LeaseState;
  stamp: LeaseStamp;
  ageMs?: number;
  /** Held, stamped, and older than the window: the next writer will break it. */
  stale: boolean;
  message: string;
}

export async function loadCatalogLeaseStatus(store: ObjectStore, key: string, options: Omit<CatalogLeaseOptions, 'holder'>): Promise<CatalogLeaseStatus> {
  const leases = requireLeases(store, key);
  const [info, metadata] = await Promise.all([leases.info(key), leases.getMetadata(key)]);
  const stamp = toLeaseStamp(metadata);
  const now = options.clock.now();
  const heldNow = info.state === 'leased' || info.state === 'breaking';
  const stale = heldNow && isStampStale(stamp, now, options.staleAfterMs ?? defaultStaleAfterMs);
  const ageMs = stampAgeMs(stamp, now);
  const message = heldNow
    ? `${key}: leased ${describeStamp(stamp, now)}${stale ? '; older than the staleness window: the next writer will break it' : ''}`
    : `${key}: ${info.state}${stamp.acquiredAt ? ` (last taken ${describeStamp(stamp, now)})` : ''}`;
  return { key, state: info.state, stamp, ...(ageMs === undefined ? {} : { ageMs }), stale, message };
}

/** The manual break: whatever the stamp says. Returns the stamp of the holder it broke. */
export async function breakCatalogLease(store: ObjectStore, key: string): Promise<LeaseStamp> {
  const leases = requireLeases(store, key);
  const stamp = toLeaseStamp(await leases.getMetadata(key));
  await leases.break(key, 0);
  return stamp;
}

function held(key: string, stamp: LeaseStamp, options: CatalogLeaseOptions, staleAfterMs: number): AcquireCatalogLeaseOutcome {
  const now = options.clock.now();
  const age = stampAgeMs(stamp, now);
  const heals = age === undefined
    ? 'it will not be broken automatically; if its holder is gone, break it with `lakelab ducklake-lease break`'
    : `it counts as stale ${formatWhen(staleAfterMs - age)}`;
  return { status: 'held', holder: stamp, message: `${key} is leased ${describeStamp(stamp, now)}: another run is writing it; ${heals}` };
}

function formatWhen(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes < 120 ? `in ${minutes} min` : `in about ${Math.round(minutes / 60)} h`;
}

async function releaseQuietly(store: ObjectStore, lease: HeldCatalogLease): Promise<void> {
  try {
    await requireLeases(store, lease.key).release(lease.key, lease.leaseId);
  } catch {
    // The lease heals after the staleness window; the work's own error is the one to report.
  }
}

function requireLeases(store: ObjectStore, key: string): LeaseStore {
  if (!store.leases) throw new LakeError('Unsupported', `${key}: ${store.description} has no blob leases; the single-writer lease protocol needs Azure Blob storage or OneLake (a local catalog file is written in place)`);
  return store.leases;
}
