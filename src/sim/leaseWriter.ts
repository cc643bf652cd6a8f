/**
 * A single-writer DuckLake run on object storage, guarded by a blob lease (ducklake-lease.md):
 * acquire an infinite lease on the catalog, stamp `acquired_at` in its metadata, download, work,
 * upload under the lease, release. On a lease conflict, read the stamp and break the lease when
 * it is older than the staleness window (12 hours by default). Also: fixed 15-60 s leases kept alive by heartbeats,
 * and a writer that ignores the lease (to show the lost update it prevents).
 */
import { formatIsoMs } from '../core/delta/civilTime.ts';
import { isStampStale, stampAgeMs, toLeaseStamp } from '../core/lease/leaseStamp.ts';
import type { ObjectStore } from '../core/objectStore.ts';
import type { Clock } from '../core/clock.ts';
import type { TraceEvent } from './trace.ts';
import { catalogKey, type CatalogChange } from './simCatalog.ts';

export interface LeasePlan {
  mode: 'infinite-stamped' | 'fixed-heartbeat' | 'ignore';
  /** Start after this many virtual milliseconds. */
  startAfter?: number;
  /** Work between download and upload (ms). */
  work: number;
  /** Crash after downloading: no upload, no release. */
  crash?: boolean;
  /** Break a lease whose stamp is older than this (ms; default 12 hours). */
  staleAfter?: number;
  /** Fixed lease length in seconds (15-60) for 'fixed-heartbeat'. */
  leaseSeconds?: number;
  /** What the run commits to the catalog's table: rows inserted (default: one row naming the run). */
  insert?: Record<string, unknown>[];
  /** ... and rows deleted, by predicate. */
  delete?: string;
}

/** The run's own snapshot, committed to the downloaded catalog (bytes in, bytes out). */
export type CommitToCatalog = (catalog: Uint8Array, writer: string, change: CatalogChange) => Promise<Uint8Array>;

export { catalogKey };

export const twelveHours = 12 * 60 * 60 * 1000;

export interface LeaseRunResult {
  outcome: 'committed' | 'lease held' | 'lease lost' | 'crashed' | 'refused';
}

/**
 * `acknowledge` is called when the store has accepted the upload of this run's update (named
 * after the writer): the lost-update invariant later looks for each acknowledged update in the
 * final catalog.
 */
export async function runLeaseWriter(name: string, plan: LeasePlan, store: ObjectStore, scheduler: Clock, record: (e: Omit<TraceEvent, 't' | 'writer'>) => void, acknowledge: (update: string) => void, commit: CommitToCatalog): Promise<string> {
  const change: CatalogChange = { ...(plan.insert ? { insert: plan.insert } : {}), ...(plan.delete ? { delete: plan.delete } : {}) };
  const leases = store.leases;
  if (!leases) throw new Error('the simulated store has no leases');
  await scheduler.sleep(plan.startAfter ?? 0);
  const stamp = () => formatIsoMs(scheduler.now());

  if (plan.mode === 'ignore') {
    const catalog = await store.get(catalogKey);
    record({ kind: 'read', message: 'downloaded the catalog, ignoring the lease' });
    await scheduler.sleep(plan.work);
    const updated = await commit(catalog, name, change);
    try {
      await store.put(catalogKey, updated);
    } catch (error) {
      record({ kind: 'lease-refused', message: (error as Error).message });
      return 'refused';
    }
    acknowledge(name);
    record({ kind: 'committed', message: 'uploaded without a lease' });
    return 'committed';
  }

  const duration = plan.mode === 'fixed-heartbeat' ? plan.leaseSeconds ?? 15 : 'infinite' as const;
  let lease = await leases.acquire(catalogKey, duration);
  if (lease.status !== 'ok') {
    const metadata = await leases.getMetadata(catalogKey);
    const held = toLeaseStamp(metadata);
    if (plan.mode === 'infinite-stamped' && isStampStale(held, scheduler.now(), plan.staleAfter ?? twelveHours)) {
      const age = stampAgeMs(held, scheduler.now()) ?? 0;
      record({ kind: 'lease-broken', message: `the lease was taken at ${held.acquiredAt}, ${Math.round(age / 60_000)} min ago: older than the staleness window, so its holder is presumed dead` });
      await leases.break(catalogKey, 0);
      lease = await leases.acquire(catalogKey, duration);
    }
    if (lease.status !== 'ok') {
      record({ kind: 'lease-refused', message: `the catalog is leased (${metadata.acquired_at ? `since ${metadata.acquired_at}` : 'no stamp'}): this run stops without reading a stale copy` });
      return 'lease held';
    }
  }
  const leaseId = lease.leaseId;
  record(duration === 'infinite' ? { kind: 'lease-acquired', message: 'infinite lease' } : { kind: 'lease-acquired', message: `${duration} s lease`, leaseSeconds: duration });
  await leases.setMetadata(catalogKey, { acquired_at: stamp() }, leaseId);
  const catalog = await store.get(catalogKey);
  record({ kind: 'read', message: 'downloaded the catalog under the lease' });
  if (plan.mode === 'fixed-heartbeat') {
    const beat = ((plan.leaseSeconds ?? 15) * 1000) / 2;
    for (let done = 0; done < plan.work; done += beat) {
      await scheduler.sleep(Math.min(beat, plan.work - done));
      if (plan.crash) break;
      const renewed = await leases.renew(catalogKey, leaseId);
      if (renewed.status !== 'ok') {
        record({ kind: 'lease-lost', message: renewed.status === 'lost' ? renewed.reason : renewed.status });
        return 'lease lost';
      }
      record({ kind: 'lease-renewed', message: `heartbeat: ${duration} s more`, leaseSeconds: duration as number });
    }
  } else {
    await scheduler.sleep(plan.work);
  }
  if (plan.crash) {
    record({ kind: 'crash', message: 'the run died holding the lease' });
    return 'crashed';
  }
  const updated = await commit(catalog, name, change);
  try {
    await store.put(catalogKey, updated, { leaseId });
  } catch (error) {
    record({ kind: 'lease-lost', message: `upload refused: ${(error as Error).message}` });
    return 'lease lost';
  }
  acknowledge(name);
  await leases.release(catalogKey, leaseId);
  record({ kind: 'lease-released', message: 'uploaded under the lease and released it' });
  return 'committed';
}
