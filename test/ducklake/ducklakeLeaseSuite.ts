/**
 * Real DuckLake commits (a SQLite catalog at Files/metadata.db, its data under Files/data/, as
 * the seed pipeline keeps it) under the blob lease, on a store with leases (memory, Azurite):
 * two writers racing (one refused at once, naming the holder and since when), a stale lease
 * broken and a fresh one not, a run that dies at each step of the protocol followed by a
 * recovery that loses no acknowledged snapshot, and an upload without the lease refused.
 */
import { describe, expect, it } from 'vitest';
import { LakeError } from '../../src/core/errors.ts';
import type { LeaseStore, ObjectStore } from '../../src/core/objectStore.ts';
import { seededRng } from '../../src/core/rng.ts';
import { acquireCatalogLease, type CatalogLeaseRun } from '../../src/core/lease/catalogLease.ts';
import { FaultyStore, type Fault, type StoreCall } from '../../src/storage/faultyStore.ts';
import { openNodeSqlEngine } from '../../src/query/duckdbNode.ts';
import { OpenDucklake } from '../../src/query/ducklake/ducklakeCatalog.ts';
import { commitUnderLease } from '../../src/query/ducklake/write/commitUnderLease.ts';
import type { DucklakeCommitResult, DucklakeOperation } from '../../src/query/ducklake/write/ducklakeOperation.ts';
import { emptyCatalog } from '../support/ducklakeWriteCases.ts';

export const catalogKey = 'Files/metadata.db';
const dataPrefix = 'Files/data/';
const hour = 3_600_000;

const insert = (label: string, count = 3): DucklakeOperation => ({ kind: 'insert', table: 'main.t', rows: Array.from({ length: count }, (_, i) => ({ id: i, label })) });

export function commitAs(store: ObjectStore, holder: string, operations: DucklakeOperation[], options: { offsetMs?: number; staleAfterMs?: number; beforeWork?: () => Promise<void> } = {}): Promise<CatalogLeaseRun<DucklakeCommitResult[]>> {
  const now = () => Date.now() + (options.offsetMs ?? 0);
  return commitUnderLease(store, catalogKey, operations, {
    lease: { clock: { now }, holder, ...(options.staleAfterMs === undefined ? {} : { staleAfterMs: options.staleAfterMs }) },
    data: async () => {
      await options.beforeWork?.();
      return { store, prefix: dataPrefix };
    },
    openEngine: openNodeSqlEngine,
    now,
    rng: seededRng(holder.length * 7919 + (options.offsetMs ?? 0)),
  });
}

/** The catalog in the store: its snapshots' changes and the labels of main.t's rows at the latest. */
async function loadCatalogState(store: ObjectStore): Promise<{ snapshots: number[]; labels: string[] }> {
  const lake = await OpenDucklake.open(catalogKey, await store.get(catalogKey), openNodeSqlEngine);
  try {
    const { rows } = await lake.rows('main.t', lake.latestSnapshot, { store, prefix: dataPrefix });
    return { snapshots: lake.catalog.snapshots.map((s) => s.snapshot_id), labels: [...new Set(rows.map((r) => String(r.label)))].sort() };
  } finally {
    await lake.close();
  }
}

async function setUp(store: ObjectStore): Promise<void> {
  await store.put(catalogKey, emptyCatalog('sqlite'));
  const created = await commitAs(store, 'setup', [{ kind: 'createTable', table: 'main.t', columns: [{ name: 'id', type: 'int64' }, { name: 'label', type: 'varchar' }] }]);
  expect(created.status).toBe('committed');
}

/** A run whose process dies at its `step`-th call to the store or its leases (before the call, or just after it landed). */
class DyingRun extends FaultyStore {
  private calls = 0;
  constructor(inner: ObjectStore, private readonly step: number, private readonly after: boolean) {
    super(inner, (call: StoreCall) => this.decide(call));
  }

  private decide(_call: StoreCall): Fault {
    return this.calls++ === this.step ? { kind: 'crash', after: this.after } : { kind: 'none' };
  }

  get callCount(): number {
    return this.calls;
  }

  override get leases(): LeaseStore | undefined {
    const inner = this.inner.leases;
    if (!inner) return undefined;
    return new Proxy(inner, {
      get: (target, property) => {
        const value = Reflect.get(target, property) as unknown;
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (this.crashed) throw new LakeError('Aborted', 'the process is dead');
          if (this.decide('head').kind === 'crash') {
            if (this.after) await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch(() => undefined);
            throw new LakeError('Aborted', `injected crash ${this.after ? 'after' : 'before'} leases.${String(property)}`);
          }
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      },
    });
  }
}

export function describeDucklakeLease(name: string, open: () => Promise<ObjectStore>): void {
  describe(`DuckLake commits under the catalog lease on ${name}`, () => {
    it('two writers race: the second is refused at once with the holder\'s stamp, then commits after the first released', { timeout: 120_000 }, async () => {
      const store = await open();
      await setUp(store);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => { release = resolve; });
      let refused: CatalogLeaseRun<DucklakeCommitResult[]> | undefined;
      let refusedInMs = 0;
      const first = commitAs(store, 'writer a', [insert('a')], {
        beforeWork: async () => {
          const started = Date.now();
          refused = await commitAs(store, 'writer b', [insert('b')]);
          refusedInMs = Date.now() - started;
          release();
          await gate;
        },
      });
      expect((await first).status).toBe('committed');
      expect(refused).toMatchObject({ status: 'held', holder: { acquiredBy: 'writer a' } });
      expect(refused?.status === 'held' && refused.message).toMatch(/Files\/metadata\.db is leased by writer a since \d{4}-\d\d-\d\dT[\d:.]+Z \(\d+ s ago\): another run is writing it; it counts as stale in about 12 h$/);
      expect(refusedInMs).toBeLessThan(5_000);
      expect((await commitAs(store, 'writer b', [insert('b')])).status).toBe('committed');
      expect(await loadCatalogState(store)).toEqual({ snapshots: [0, 1, 2, 3], labels: ['a', 'b'] });
    });

    it('a crashed holder\'s lease: fresh, it is not broken; stale (12 h, or --stale-after), it is broken and the commit lands', { timeout: 120_000 }, async () => {
      const store = await open();
      await setUp(store);
      const crashed = await acquireCatalogLease(store, catalogKey, { clock: { now: () => Date.now() }, holder: 'crashed run' });
      expect(crashed.status).toBe('acquired');
      expect(await commitAs(store, 'fresh', [insert('fresh')], { offsetMs: 11 * hour })).toMatchObject({ status: 'held', holder: { acquiredBy: 'crashed run' } });
      expect(await commitAs(store, 'impatient', [insert('impatient')], { offsetMs: 2 * hour, staleAfterMs: hour })).toMatchObject({ status: 'committed', broke: { acquiredBy: 'crashed run' } });
      expect(await commitAs(store, 'later', [insert('later')], { offsetMs: 13 * hour })).toMatchObject({ status: 'committed', released: true });
      expect(await loadCatalogState(store)).toEqual({ snapshots: [0, 1, 2, 3], labels: ['impatient', 'later'] });
    });

    it('an upload without the lease, or with a broken one, is refused and the catalog stays as it was', { timeout: 120_000 }, async () => {
      const store = await open();
      await setUp(store);
      const held = await acquireCatalogLease(store, catalogKey, { clock: { now: () => Date.now() }, holder: 'holder' });
      if (held.status !== 'acquired') throw new Error(held.status);
      const before = await store.get(catalogKey);
      await expect(store.put(catalogKey, emptyCatalog('sqlite'))).rejects.toMatchObject({ code: 'AccessDenied' });
      expect(await commitAs(store, 'breaker', [insert('breaker')], { offsetMs: 13 * hour })).toMatchObject({ status: 'committed' });
      await expect(store.put(catalogKey, before, { leaseId: held.lease.leaseId })).rejects.toMatchObject({ code: 'AccessDenied' });
      expect((await loadCatalogState(store)).labels).toEqual(['breaker']);
    });

    it('a run that dies at any step: the recovery after the window loses no acknowledged snapshot', { timeout: 600_000 }, async () => {
      const store = await open();
      await setUp(store);
      expect((await commitAs(store, 'acknowledged', [insert('acknowledged', 12)])).status).toBe('committed');
      // How many store and lease calls a whole run makes (stamp, acquire, stamp, download, data file, upload, release): the steps it can die at.
      const probe = new DyingRun(store, Number.MAX_SAFE_INTEGER, false);
      expect((await commitAs(probe, 'probe', [insert('probe', 12)])).status).toBe('committed');
      const steps = probe.callCount;
      expect(steps).toBeGreaterThanOrEqual(7);
      const acknowledged = ['acknowledged', 'probe'];
      let offset = 0;
      for (let step = 0; step < steps; step++) {
        for (const after of [false, true]) {
          const label = `dies ${after ? 'after' : 'before'} call ${step}`;
          const dying = new DyingRun(store, step, after);
          const outcome = await commitAs(dying, label, [insert(label, 12)], { offsetMs: offset }).catch((error: unknown) => error);
          if (!(outcome instanceof Error)) {
            // It finished before its step came (or its death hit the release): acknowledged.
            expect((outcome as CatalogLeaseRun<DucklakeCommitResult[]>).status, label).toBe('committed');
            acknowledged.push(label);
          }
          offset += 13 * hour;
          const recovery = `recovery of ${label}`;
          expect((await commitAs(store, recovery, [insert(recovery)], { offsetMs: offset })).status, recovery).toBe('committed');
          acknowledged.push(recovery);
          const state = await loadCatalogState(store);
          for (const kept of acknowledged) expect(state.labels, `${label}: ${kept}`).toContain(kept);
          expect(state.snapshots).toEqual(state.snapshots.map((_, i) => i));
        }
      }
    });
  });
}
