/**
 * Faults around the single-writer lease protocol (src/core/lease/catalogLease.ts), on a store
 * with blob leases (the memory store and Azurite): clocks that disagree between writers, a
 * break that lands while the holder's upload is on its way, a renew after a break. In each,
 * at most one run holds the lease at any moment, and nothing is uploaded without it.
 */
import { describe, expect, it } from 'vitest';
import type { ObjectMeta, ObjectStore, PutOptions } from '../core/objectStore.ts';
import { acquireCatalogLease, runUnderCatalogLease, type CatalogLeaseOptions } from '../core/lease/catalogLease.ts';

const key = 'Files/metadata.db';
const hour = 60 * 60 * 1000;
const text = (s: string) => new TextEncoder().encode(s);
const read = (b: Uint8Array) => new TextDecoder().decode(b);
const runAt = (offsetMs: number, holder: string): CatalogLeaseOptions => ({ clock: { now: () => Date.now() + offsetMs }, holder });
const append = (line: string) => async (catalog: Uint8Array) => ({ catalog: text(`${read(catalog)}${line}\n`), value: line });

/** The store as one run sees it, with `beforePut` run just before each of its uploads reaches the store. */
function withBeforePut(store: ObjectStore, beforePut: () => Promise<void>): ObjectStore {
  return new Proxy(store, {
    get(object, property, receiver) {
      if (property === 'put') {
        return async (k: string, data: Uint8Array, options?: PutOptions): Promise<ObjectMeta> => {
          await beforePut();
          return object.put(k, data, options);
        };
      }
      const value = Reflect.get(object, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(object) : value;
    },
  });
}

/** Which of the lease ids given can still write under the lease (at most one may). */
async function holders(store: ObjectStore, leaseIds: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of leaseIds) if ((await store.leases!.setMetadata(key, { probe: 'x' }, id)).status === 'ok') out.push(id);
  return out;
}

export function describeCatalogLeaseFaults(name: string, open: () => Promise<ObjectStore>): void {
  describe(`catalog lease faults on ${name}`, () => {
    it('a writer whose clock runs 13 h ahead takes a fresh lease as stale: the holder is fenced, its upload refused, one holder at a time', async () => {
      const store = await open();
      await store.put(key, text('v0\n'));
      const a = await acquireCatalogLease(store, key, runAt(0, 'a (true clock)'));
      if (a.status !== 'acquired') throw new Error(a.status);
      const skewed = await runUnderCatalogLease(store, key, runAt(13 * hour, 'b (clock ahead)'), append('b'));
      expect(skewed).toMatchObject({ status: 'committed', broke: { acquiredBy: 'a (true clock)' } });
      await expect(store.put(key, text('v0\na\n'), { leaseId: a.lease.leaseId })).rejects.toMatchObject({ code: 'AccessDenied' });
      expect(read(await store.get(key))).toBe('v0\nb\n');
      expect(await holders(store, [a.lease.leaseId])).toEqual([]);
    });

    it('a writer whose clock runs behind does not break a stale lease until its own clock says so', async () => {
      const store = await open();
      await store.put(key, text(''));
      await acquireCatalogLease(store, key, runAt(0, 'crashed'));
      expect((await acquireCatalogLease(store, key, runAt(13 * hour - 2 * hour, 'two hours behind'))).status).toBe('held');
      expect((await acquireCatalogLease(store, key, runAt(13 * hour, 'on time'))).status).toBe('acquired');
    });

    it('a break that lands while the holder uploads: the upload is refused, the breaker\'s commit stands, and there is one holder', async () => {
      const store = await open();
      await store.put(key, text('v0\n'));
      let successorLease: string | undefined;
      const slow = withBeforePut(store, async () => {
        const successor = await acquireCatalogLease(store, key, runAt(13 * hour, 'successor'));
        if (successor.status !== 'acquired') throw new Error(successor.status);
        successorLease = successor.lease.leaseId;
        await store.put(key, text('v0\nsuccessor\n'), { leaseId: successorLease, metadata: successor.lease.stamp });
      });
      const run = await runUnderCatalogLease(slow, key, runAt(0, 'slow'), append('slow'));
      expect(run.status).toBe('lost');
      expect(read(await store.get(key))).toBe('v0\nsuccessor\n');
      expect(await holders(store, [successorLease!])).toEqual([successorLease]);
    });

    it('a break that lands after the upload, before the release: the commit stands and the breaker builds on it', async () => {
      const store = await open();
      await store.put(key, text('v0\n'));
      const run = await runUnderCatalogLease(store, key, runAt(0, 'holder'), async (catalog, lease) => {
        const out = await append('holder')(catalog);
        await store.put(key, out.catalog, { leaseId: lease.leaseId, metadata: lease.stamp });
        const breaker = await runUnderCatalogLease(store, key, runAt(13 * hour, 'breaker'), append('breaker'));
        expect(breaker.status).toBe('committed');
        // Its own upload (the same bytes again) comes after the break: refused.
        return out;
      });
      expect(run.status).toBe('lost');
      expect(read(await store.get(key))).toBe('v0\nholder\nbreaker\n');
    });

    it('a renew after a break is refused, also once another run holds the lease', async () => {
      const store = await open();
      await store.put(key, text(''));
      const first = await store.leases!.acquire(key, 15);
      if (first.status !== 'ok') throw new Error(first.status);
      await store.leases!.break(key, 0);
      expect((await store.leases!.renew(key, first.leaseId)).status).not.toBe('ok');
      const second = await store.leases!.acquire(key, 'infinite');
      if (second.status !== 'ok') throw new Error(second.status);
      expect((await store.leases!.renew(key, first.leaseId)).status).not.toBe('ok');
      expect(await holders(store, [first.leaseId, second.leaseId])).toEqual([second.leaseId]);
      await expect(store.put(key, text('old holder'), { leaseId: first.leaseId })).rejects.toMatchObject({ code: 'AccessDenied' });
    });

    it('many runs racing to break the same stale lease: every acknowledged commit is in the catalog once, the others are refused or fenced', async () => {
      const store = await open();
      await store.put(key, text(''));
      await acquireCatalogLease(store, key, runAt(0, 'crashed'));
      const runs = await Promise.all(Array.from({ length: 6 }, (_, i) => runUnderCatalogLease(store, key, runAt(13 * hour, `racer ${i}`), async (catalog) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return append(`racer ${i}`)(catalog);
      })));
      const lines = read(await store.get(key)).split('\n').filter(Boolean);
      const committed = runs.filter((r) => r.status === 'committed');
      expect(committed.length).toBeGreaterThanOrEqual(1);
      // Every acknowledged commit is in the catalog; a run fenced by a later breaker reports 'lost'.
      for (const r of committed) expect(lines).toContain(r.status === 'committed' ? r.value : '');
      for (const r of runs) expect(['committed', 'held', 'lost', 'breaking']).toContain(r.status);
      expect(new Set(lines).size).toBe(lines.length);
    });
  });
}
