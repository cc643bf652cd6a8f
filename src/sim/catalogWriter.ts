/**
 * A writer on a DuckLake catalog database (ducklake-spec.md, Concurrency), as SQLite or
 * PostgreSQL serve it to many clients: each write step is one transaction that reads the latest
 * snapshot S, works, commits a real snapshot through Lakelab's DuckLake writer, and inserts it as
 * snapshot S+1. The database is modelled in the store: snapshot S+1 is the object
 * catalog/snapshots/<S+1>.db (the whole catalog after it), written with putIfAbsent, so two
 * writers racing for S+1 collide exactly as the primary key of ducklake_snapshot makes them
 * collide. The loser waits DuckLake's backoff, reads the latest snapshot, reads the changes
 * committed since its own snapshot, and fails when one of them conflicts with its change at
 * table level; otherwise it commits again on the latest snapshot. (The extension retries the
 * metadata commit only; here the snapshot is planned again, so a retried insert above the
 * inlining limit writes its data files again.)
 */
import { LakeError } from '../core/errors.ts';
import { listAll, type ObjectStore } from '../core/objectStore.ts';
import type { Clock } from '../core/clock.ts';
import type { DuckLakeChange } from '../core/delta/conflicts/duckLakeRules.ts';
import { findSnapshotConflict } from '../core/ducklake/snapshotConflicts.ts';
import type { TraceEvent } from './trace.ts';
import type { CatalogChange, CatalogContext, CatalogSpec, SimDucklake } from './simCatalog.ts';

export type Row = Record<string, unknown>;

/** One step of a catalog writer: a transaction inserting rows or deleting by predicate (working `work` ms between its read and its commit), or a pause. */
export type CatalogStep = { insert: Row[]; work?: number } | { delete: string; work?: number } | { think: number };

export interface CatalogPlan {
  steps: CatalogStep[];
  /** ducklake_max_retry_count (default 10). */
  maxRetries?: number;
}

/**
 * The extension's retry settings and their defaults (DuckLake's configuration page, as
 * ducklake-spec.md records them): ducklake_max_retry_count 10, ducklake_retry_wait_ms 100,
 * ducklake_retry_backoff 1.5. The n-th retry waits 100 * 1.5^(n-1) ms.
 */
export const ducklakeRetry = { maxRetryCount: 10, retryWaitMs: 100, retryBackoff: 1.5 };
export const retryWait = (retry: number) => ducklakeRetry.retryWaitMs * ducklakeRetry.retryBackoff ** (retry - 1);

export const snapshotPrefix = 'catalog/snapshots/';
export const snapshotKey = (id: number) => `${snapshotPrefix}${String(id).padStart(20, '0')}.db`;

/** The latest snapshot in the store: the highest claimed id, and the catalog after it. */
export async function latestSnapshot(store: ObjectStore): Promise<{ id: number; bytes: Uint8Array }> {
  const keys = (await listAll(store, snapshotPrefix)).map((o) => o.key).filter((k) => k.endsWith('.db')).sort();
  const last = keys.at(-1);
  if (!last) throw new LakeError('NotFound', `no snapshot of the catalog database under ${snapshotPrefix}: the scenario's catalog was not set up`);
  return { id: Number(last.slice(snapshotPrefix.length, -'.db'.length)), bytes: await store.get(last) };
}

export interface CatalogWriterEnvironment {
  store: ObjectStore;
  scheduler: Clock;
  ducklake: SimDucklake;
  spec: CatalogSpec;
  context: CatalogContext;
  record: (event: Omit<TraceEvent, 't' | 'writer'>) => void;
  /** Told each snapshot this writer committed (the no-lost-update invariant looks for its author in the final catalog). */
  acknowledge: (snapshotId: number) => void;
}

export async function runCatalogWriter(name: string, plan: CatalogPlan, env: CatalogWriterEnvironment): Promise<string> {
  const { store, scheduler, ducklake, spec, record } = env;
  const maxRetries = plan.maxRetries ?? ducklakeRetry.maxRetryCount;
  let outcome = 'committed';
  try {
    for (const step of plan.steps) {
      if ('think' in step) {
        record({ kind: 'think', message: `${step.think} ms` });
        await scheduler.sleep(step.think);
        continue;
      }
      const change: CatalogChange = 'insert' in step ? { insert: step.insert } : { delete: step.delete };
      const mine: DuckLakeChange = 'insert' in step ? 'inserted_into_table' : 'deleted_from_table';
      const operation = 'insert' in step ? 'INSERT' : 'DELETE';
      let latest = await latestSnapshot(store);
      const begin = latest.id;
      record({ kind: 'read', version: begin, message: `snapshot ${begin} of the catalog database` });
      await scheduler.sleep(step.work ?? 0);
      for (let retries = 0; ; ) {
        const updated = await ducklake.commit(latest.bytes, spec, name, change, env.context);
        if (updated === latest.bytes) {
          record({ kind: 'skipped', message: `the ${operation} changes nothing at snapshot ${latest.id}: no snapshot` });
          outcome = 'skipped';
          break;
        }
        const target = latest.id + 1;
        record({ kind: 'attempt', version: target });
        if ((await store.putIfAbsent(snapshotKey(target), updated)).status === 'created') {
          env.acknowledge(target);
          record({ kind: 'committed', version: target, operation });
          outcome = 'committed';
          break;
        }
        record({ kind: 'versionTaken', version: target, message: `snapshot id ${target} is taken (ducklake_snapshot's primary key)` });
        if (retries >= maxRetries) {
          record({ kind: 'exhausted', message: `snapshot id taken ${retries + 1} times: gave up after ducklake_max_retry_count ${maxRetries} retries` });
          return 'exhausted';
        }
        retries++;
        await scheduler.sleep(retryWait(retries));
        latest = await latestSnapshot(store);
        const seen = await ducklake.snapshotsOf(latest.bytes, spec.table);
        const conflict = findSnapshotConflict(mine, { id: seen.tableId, name: spec.table }, seen.snapshots.filter((s) => s.snapshotId > begin));
        record({ kind: 'checked', winningVersion: conflict?.snapshotId ?? latest.id, conflictKind: conflict?.kind });
        if (conflict) {
          record({ kind: 'conflict', winningVersion: conflict.snapshotId, conflictKind: conflict.kind, message: conflict.message, operation, version: begin });
          return conflict.kind;
        }
      }
    }
  } catch (error) {
    record({ kind: 'error', message: error instanceof LakeError ? `${error.code}: ${error.message}` : String(error) });
    return 'error';
  }
  return outcome;
}
