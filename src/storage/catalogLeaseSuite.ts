/**
 * The single-writer lease protocol (src/core/lease/catalogLease.ts) against a store with blob
 * leases: run on the memory store and on Azurite, the same cases. Later runs are given clocks
 * ahead of the real one, so "12 hours later" needs no waiting.
 */
import { describe, expect, it } from 'vitest';
import { isLakeError, LakeError } from '../core/errors.ts';
import type { ObjectStore } from '../core/objectStore.ts';
import {
  acquireCatalogLease, breakCatalogLease, loadCatalogLeaseStatus, runUnderCatalogLease, type CatalogLeaseOptions,
} from '../core/lease/catalogLease.ts';

const key = 'Files/metadata.db';
const hour = 60 * 60 * 1000;
const text = (s: string) => new TextEncoder().encode(s);
const read = (b: Uint8Array) => new TextDecoder().decode(b);
const runAt = (offsetMs: number, holder: string, staleAfterMs?: number): CatalogLeaseOptions => ({
  clock: { now: () => Date.now() + offsetMs }, holder, ...(staleAfterMs === undefined ? {} : { staleAfterMs }),
});

/** A commit that appends a line to the catalog (standing in for a DuckLake snapshot). */
const append = (line: string) => async (catalog: Uint8Array) => ({ catalog: text(`${read(catalog)}${line}\n`), value: line });

class Died extends Error {}

/** The store as a process sees it that dies after `calls` store or lease calls: nothing after runs. */
function dyingAfter(store: ObjectStore, calls: number): ObjectStore {
  let left = calls;
  const tick = () => {
    if (left-- <= 0) throw new Died('the process died');
  };
  const wrap = <T extends object>(target: T): T => new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (property === 'leases' && value) return wrap(value as object);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        tick();
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
  return wrap(store);
}

export function describeCatalogLeaseProtocol(name: string, open: () => Promise<ObjectStore>): void {
  describe(`the catalog lease protocol on ${name}`, () => {
    it('one commit: acquires, stamps acquired_at, uploads under the lease carrying the stamp, releases', async () => {
      const store = await open();
      await store.put(key, text('v0\n'));
      const run = await runUnderCatalogLease(store, key, runAt(0, 'writer a'), async (catalog, lease) => {
        const metadata = await store.leases!.getMetadata(key);
        expect(metadata.acquired_by).toBe('writer a');
        expect(Math.abs(Date.parse(metadata.acquired_at ?? '') - Date.now())).toBeLessThan(60_000);
        expect((await store.leases!.info(key)).state).toBe('leased');
        await expect(store.put(key, text('intruder'))).rejects.toMatchObject({ code: 'AccessDenied' });
        expect(lease.stamp.acquired_at).toBe(metadata.acquired_at);
        return append('a')(catalog);
      });
      expect(run).toMatchObject({ status: 'committed', value: 'a', uploaded: true, released: true });
      expect(read(await store.get(key))).toBe('v0\na\n');
      expect((await store.leases!.info(key)).state).toBe('available');
    });

    it('two writers race for the lease: one commits, the other is refused at once with the holder\'s stamp', async () => {
      const store = await open();
      await store.put(key, text(''));
      const first = await acquireCatalogLease(store, key, runAt(0, 'run 1'));
      expect(first.status).toBe('acquired');
      const second = await runUnderCatalogLease(store, key, runAt(0, 'run 2'), async () => {
        throw new Error('a refused run must not see the catalog');
      });
      expect(second.status).toBe('held');
      if (second.status !== 'held') return;
      expect(second.holder.acquiredBy).toBe('run 1');
      expect(second.message).toMatch(/Files\/metadata\.db is leased by run 1 since 20\d\d-.*Z \(\d+ s ago\): another run is writing it; it counts as stale in about 12 h/);
      expect(read(await store.get(key))).toBe('');
    });

    it('a stale lease (stamp older than the window) is broken and taken; a fresh one is not', async () => {
      const store = await open();
      await store.put(key, text('v0\n'));
      const crashed = await acquireCatalogLease(store, key, runAt(0, 'crashed run'));
      expect(crashed.status).toBe('acquired');
      expect((await runUnderCatalogLease(store, key, runAt(11 * hour, 'early'), append('early'))).status).toBe('held');
      const late = await runUnderCatalogLease(store, key, runAt(13 * hour, 'late'), append('late'));
      expect(late).toMatchObject({ status: 'committed', broke: { acquiredBy: 'crashed run' } });
      expect(read(await store.get(key))).toBe('v0\nlate\n');
      // The presumed-dead holder is fenced: its upload is refused.
      const lease = crashed.status === 'acquired' ? crashed.lease : undefined;
      await expect(store.put(key, text('zombie'), { leaseId: lease?.leaseId })).rejects.toMatchObject({ code: 'AccessDenied' });
      expect(read(await store.get(key))).toBe('v0\nlate\n');
    });

    it('the staleness window is configurable', async () => {
      const store = await open();
      await store.put(key, text(''));
      await acquireCatalogLease(store, key, runAt(0, 'stuck'));
      expect((await acquireCatalogLease(store, key, runAt(2 * hour, 'a', 3 * hour))).status).toBe('held');
      expect((await acquireCatalogLease(store, key, runAt(2 * hour, 'b', 1 * hour))).status).toBe('acquired');
    });

    it('a holder presumed dead but still working loses: its upload is refused, the successor\'s commit stands', async () => {
      const store = await open();
      await store.put(key, text('v0\n'));
      const slow = await runUnderCatalogLease(store, key, runAt(0, 'slow'), async (catalog) => {
        const successor = await runUnderCatalogLease(store, key, runAt(13 * hour, 'successor'), append('successor'));
        expect(successor.status).toBe('committed');
        return append('slow')(catalog);
      });
      expect(slow.status).toBe('lost');
      expect(read(await store.get(key))).toBe('v0\nsuccessor\n');
    });

    it('a held lease without a stamp is never broken automatically; the manual break lets the next run in', async () => {
      const store = await open();
      await store.put(key, text(''));
      await store.leases!.acquire(key, 'infinite');
      const refused = await acquireCatalogLease(store, key, runAt(100 * hour, 'a'));
      expect(refused.status).toBe('held');
      if (refused.status === 'held') expect(refused.message).toMatch(/no acquired_at stamp.*lakelab ducklake-lease break/);
      const status = await loadCatalogLeaseStatus(store, key, runAt(0, 'x'));
      expect(status).toMatchObject({ state: 'leased', stale: false });
      await breakCatalogLease(store, key);
      expect((await runUnderCatalogLease(store, key, runAt(0, 'b'), append('b'))).status).toBe('committed');
    });

    it('the status says who holds the catalog since when, and whether the next writer will break it', async () => {
      const store = await open();
      await store.put(key, text(''));
      expect((await loadCatalogLeaseStatus(store, key, runAt(0, 'x'))).state).toBe('available');
      await acquireCatalogLease(store, key, runAt(0, 'holder'));
      const fresh = await loadCatalogLeaseStatus(store, key, runAt(0, 'x'));
      expect(fresh).toMatchObject({ state: 'leased', stale: false, stamp: { acquiredBy: 'holder' } });
      expect(fresh.message).toMatch(/leased by holder since/);
      const later = await loadCatalogLeaseStatus(store, key, runAt(13 * hour, 'x'));
      expect(later.stale).toBe(true);
      expect(later.message).toMatch(/the next writer will break it/);
    });

    it('a run that dies at any step loses nothing acknowledged, and the catalog heals after the window', async () => {
      const store = await open();
      await store.put(key, text(''));
      const acknowledged: string[] = [];
      let clock = 0;
      // Each run dies after its k-th store call (k past the end: it finishes); every run starts 13 h later.
      for (let k = 0; k <= 8; k++) {
        clock += 13 * hour;
        const line = `run${k}`;
        try {
          const run = await runUnderCatalogLease(dyingAfter(store, k), key, runAt(clock, line), append(line));
          if (run.status === 'committed') acknowledged.push(line);
          else expect.unreachable(`run ${k}: ${run.status}`);
        } catch (error) {
          if (!(error instanceof Died)) throw error;
        }
        const lines = read(await store.get(key)).split('\n').filter(Boolean);
        for (const done of acknowledged) expect(lines).toContain(done);
        expect(new Set(lines).size).toBe(lines.length);
      }
      expect(acknowledged.length).toBeGreaterThan(0);
      clock += 13 * hour;
      const healed = await runUnderCatalogLease(store, key, runAt(clock, 'final'), append('final'));
      expect(healed.status).toBe('committed');
      const lines = read(await store.get(key)).split('\n').filter(Boolean);
      expect(lines).toEqual(expect.arrayContaining([...acknowledged, 'final']));
    });

    it('an upload without the lease is refused by the store, and a work error releases the lease', async () => {
      const store = await open();
      await store.put(key, text('v0\n'));
      await expect(runUnderCatalogLease(store, key, runAt(0, 'a'), async () => {
        await expect(store.put(key, text('no lease id'))).rejects.toMatchObject({ code: 'AccessDenied' });
        throw new LakeError('InvalidInput', 'the commit itself failed');
      })).rejects.toSatisfy((e) => isLakeError(e, 'InvalidInput'));
      expect((await store.leases!.info(key)).state).toBe('available');
      expect(read(await store.get(key))).toBe('v0\n');
    });
  });
}
