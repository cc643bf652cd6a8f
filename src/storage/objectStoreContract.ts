/**
 * The ObjectStore contract as one Vitest suite every adapter runs (memory and the Node file
 * system here, static HTTP read-only, Azure against Azurite). Adapter-agnostic: it only uses
 * the interface, plus a clock it may advance when the store has one.
 */
import { describe, expect, it } from 'vitest';
import { listAll, type ObjectStore } from '../core/objectStore.ts';

export interface ContractStore {
  store: ObjectStore;
  /** Remove what the factory made (a temporary folder, a container). */
  cleanup?: () => Promise<void>;
  /** Move the store's clock forward (fixed leases expire); without it those cases wait in real time. */
  advance?: (ms: number) => Promise<void> | void;
  /** The same as `advance`, given as the store's clock. */
  clock?: { advance(ms: number): Promise<void> | void };
}

export interface ContractOptions {
  leases?: boolean;
  /**
   * Read-only stores: with `seeded`, the suite checks those objects the factory put there;
   * with `true`, it checks whatever the store lists (at least one object).
   */
  readOnly?: boolean | { seeded: Record<string, Uint8Array> };
}

function toAdvance(s: ContractStore): ((ms: number) => Promise<void> | void) | undefined {
  if (s.advance) return s.advance;
  const clock = s.clock;
  return clock ? (ms) => clock.advance(ms) : undefined;
}

const text = (s: string) => new TextEncoder().encode(s);
const read = (b: Uint8Array) => new TextDecoder().decode(b);

export function describeObjectStoreContract(name: string, makeStore: () => Promise<ContractStore>, options: ContractOptions = {}): void {
  async function withStore(run: (s: ContractStore) => Promise<void>): Promise<void> {
    const s = await makeStore();
    try {
      await run({ ...s, advance: toAdvance(s) });
    } finally {
      await s.cleanup?.();
    }
  }

  describe(`ObjectStore contract: ${name}`, () => {
    if (options.readOnly === true) {
      describeReadOnlyListed(withStore);
      return;
    }
    if (options.readOnly) {
      const seeded = options.readOnly.seeded;
      it('lists seeded objects in key order and reads them back', () => withStore(async ({ store }) => {
        const keys = Object.keys(seeded).sort();
        expect((await listAll(store, '')).map((o) => o.key).filter((k) => keys.includes(k))).toEqual(keys);
        for (const key of keys) expect(read(await store.get(key))).toBe(read(seeded[key] ?? new Uint8Array()));
      }));
      it('reads byte ranges, clipped at the end', () => withStore(async ({ store }) => {
        const [key, bytes] = Object.entries(seeded)[0] ?? ['', new Uint8Array()];
        expect(await store.get(key, { range: { offset: 1, length: 3 } })).toEqual(bytes.slice(1, 4));
        expect(await store.get(key, { range: { offset: bytes.length - 2, length: 100 } })).toEqual(bytes.slice(-2));
        expect((await store.head(key)).size).toBe(bytes.length);
      }));
      it('answers NotFound for a missing key and refuses writes', () => withStore(async ({ store }) => {
        await expect(store.get('missing/object')).rejects.toMatchObject({ code: 'NotFound' });
        await expect(store.put('x', text('y'))).rejects.toMatchObject({ code: 'AccessDenied' });
        expect(store.readOnly).toBe(true);
      }));
      return;
    }

    it('puts, heads, gets and deletes; NotFound for missing keys', () => withStore(async ({ store }) => {
      const meta = await store.put('dir/a.json', text('hello'));
      expect(meta).toMatchObject({ key: 'dir/a.json', size: 5 });
      expect((await store.head('dir/a.json')).size).toBe(5);
      expect(read(await store.get('dir/a.json'))).toBe('hello');
      await store.put('dir/a.json', text('replaced'));
      expect(read(await store.get('dir/a.json'))).toBe('replaced');
      await store.delete('dir/a.json');
      await store.delete('dir/a.json');
      await expect(store.get('dir/a.json')).rejects.toMatchObject({ code: 'NotFound' });
      await expect(store.head('dir/a.json')).rejects.toMatchObject({ code: 'NotFound' });
    }));

    it('reads exact byte ranges, clipped at the end', () => withStore(async ({ store }) => {
      await store.put('r.bin', text('0123456789'));
      expect(read(await store.get('r.bin', { range: { offset: 2, length: 3 } }))).toBe('234');
      expect(read(await store.get('r.bin', { range: { offset: 8, length: 10 } }))).toBe('89');
      expect((await store.get('r.bin', { range: { offset: 20, length: 5 } })).length).toBe(0);
    }));

    it('round-trips every byte value', () => withStore(async ({ store }) => {
      const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
      await store.put('bytes.bin', bytes);
      expect(await store.get('bytes.bin')).toEqual(bytes);
    }));

    it('lists in key order, with prefixes, paging and one level with a delimiter', () => withStore(async ({ store }) => {
      const keys = ['t/_delta_log/00000000000000000001.json', 't/_delta_log/00000000000000000000.json', 't/p=1/a.parquet', 't/p=2/b.parquet', 't/z.txt', 'u/other'];
      for (const key of keys) await store.put(key, text(key));
      expect((await listAll(store, 't/')).map((o) => o.key)).toEqual([...keys].filter((k) => k.startsWith('t/')).sort());
      expect((await listAll(store, 't/_delta_log/')).map((o) => o.key)).toEqual([keys[1], keys[0]]);
      expect(await listAll(store, 'nothing/')).toEqual([]);
      const pages = [];
      for await (const page of store.list('t/', { delimiter: '/' })) pages.push(page);
      expect(pages.flatMap((p) => p.objects.map((o) => o.key))).toEqual(['t/z.txt']);
      expect(pages.flatMap((p) => p.prefixes)).toEqual(['t/_delta_log/', 't/p=1/', 't/p=2/']);
    }));

    it('lists every key after startAfter, in order (a store may list earlier ones too)', () => withStore(async ({ store }) => {
      const keys = [0, 1, 2, 3].map((v) => `s/_delta_log/${String(v).padStart(20, '0')}.json`).concat(['s/_delta_log/00000000000000000002.checkpoint.parquet', 's/_delta_log/_last_checkpoint', 's/z']);
      for (const key of keys) await store.put(key, text(key));
      const after = 's/_delta_log/00000000000000000002';
      const listed = (await listAll(store, 's/_delta_log/', { startAfter: after })).map((o) => o.key);
      expect(listed).toEqual([...listed].sort(compareUtf8));
      expect(listed.filter((k) => compareUtf8(k, after) > 0)).toEqual(keys.filter((k) => k.startsWith('s/_delta_log/') && compareUtf8(k, after) > 0).sort(compareUtf8));
      expect(listed.every((k) => k.startsWith('s/_delta_log/'))).toBe(true);
    }));

    it('lists many objects, each once', () => withStore(async ({ store }) => {
      const keys = Array.from({ length: 1203 }, (_, i) => `many/${String(i).padStart(5, '0')}`);
      await Promise.all(keys.map((k) => store.put(k, text('x'))));
      expect((await listAll(store, 'many/')).map((o) => o.key)).toEqual(keys);
    }), 120_000);

    it('keeps unicode, spaces, % and = in keys', () => withStore(async ({ store }) => {
      const keys = ['ü/名前 with space.json', 'p=__HIVE_DEFAULT_PARTITION__/a%20b+c.parquet', 'q=%2F+%25/x+y.json', 'q=%2F+%25/x y.json', 'z/\uFF21.json', 'z/😀.json'];
      for (const key of keys) await store.put(key, text(key));
      for (const key of keys) expect(read(await store.get(key))).toBe(key);
      expect((await store.head('q=%2F+%25/x+y.json')).key).toBe('q=%2F+%25/x+y.json');
      const listed = (await listAll(store, '')).map((o) => o.key);
      expect([...listed].sort(compareUtf8)).toEqual([...keys].sort(compareUtf8));
      // Azurite orders by UTF-16 units, which differs from UTF-8 bytes only above U+FFFF; the
      // adapters' own tests check that order (U+FF21 before U+1F600).
      const bmp = (k: string) => !/[\uD800-\uDFFF]/.test(k);
      expect(listed.filter(bmp)).toEqual([...keys].sort(compareUtf8).filter(bmp));
    }));

    it('refuses hostile keys', () => withStore(async ({ store }) => {
      for (const key of ['../x', '/abs', 'a//b', 'a/./b', 'a/../b', 'a\\b', '..']) {
        await expect(store.put(key, text('x'))).rejects.toMatchObject({ code: 'InvalidInput' });
        await expect(store.putIfAbsent(key, text('x'))).rejects.toMatchObject({ code: 'InvalidInput' });
        await expect(store.get(key)).rejects.toMatchObject({ code: 'InvalidInput' });
        await expect(store.head(key)).rejects.toMatchObject({ code: 'InvalidInput' });
        await expect(store.delete(key)).rejects.toMatchObject({ code: 'InvalidInput' });
      }
    }));

    it('putIfAbsent: of 20 racing creates exactly one wins, and nothing is overwritten', () => withStore(async ({ store }) => {
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => store.putIfAbsent('race/00000000000000000001.json', text(`writer ${i}`))));
      const winners = outcomes.flatMap((o, i) => (o.status === 'created' ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'exists')).toHaveLength(19);
      expect(read(await store.get('race/00000000000000000001.json'))).toBe(`writer ${winners[0]}`);
      expect((await store.putIfAbsent('race/00000000000000000001.json', text('late'))).status).toBe('exists');
    }));

    if (!options.leases) return;

    describe('leases', () => {
      const key = 'catalog/metadata.db';
      it('acquires, refuses a second holder, renews, changes and releases', () => withStore(async ({ store }) => {
        const leases = store.leases!;
        await store.put(key, text('v1'));
        const first = await leases.acquire(key, 'infinite');
        expect(first.status).toBe('ok');
        const id = first.status === 'ok' ? first.leaseId : '';
        expect(await leases.acquire(key, 'infinite')).toEqual({ status: 'held' });
        expect((await leases.info(key)).state).toBe('leased');
        expect(await leases.renew(key, id)).toEqual({ status: 'ok', leaseId: id });
        const changed = await leases.change(key, id, '11111111-2222-3333-4444-555555555555');
        expect(changed).toEqual({ status: 'ok', leaseId: '11111111-2222-3333-4444-555555555555' });
        expect((await leases.release(key, id)).status).toBe('lost');
        expect((await leases.release(key, '11111111-2222-3333-4444-555555555555')).status).toBe('ok');
        expect((await leases.info(key)).state).toBe('available');
        expect((await leases.acquire(key, 15)).status).toBe('ok');
      }));

      it('refuses durations outside 15-60 seconds', () => withStore(async ({ store }) => {
        await store.put(key, text('v1'));
        await expect(store.leases!.acquire(key, 5)).rejects.toMatchObject({ code: 'InvalidInput' });
        await expect(store.leases!.acquire(key, 61)).rejects.toMatchObject({ code: 'InvalidInput' });
      }));

      it('fences writes: without the lease id, or after a break, they are refused', () => withStore(async ({ store }) => {
        const leases = store.leases!;
        await store.put(key, text('v1'));
        const lease = await leases.acquire(key, 'infinite');
        const id = lease.status === 'ok' ? lease.leaseId : '';
        await expect(store.put(key, text('intruder'))).rejects.toMatchObject({ code: 'AccessDenied' });
        await expect(store.delete(key)).rejects.toMatchObject({ code: 'AccessDenied' });
        expect((await leases.setMetadata(key, { acquired_at: 'x' })).status).toBe('lost');
        expect((await leases.setMetadata(key, { acquired_at: '2026-01-01T00:00:00Z' }, id)).status).toBe('ok');
        expect(await leases.getMetadata(key)).toMatchObject({ acquired_at: '2026-01-01T00:00:00Z' });
        await store.put(key, text('v2'), { leaseId: id });
        expect(read(await store.get(key))).toBe('v2');
        expect(await leases.break(key)).toEqual({ secondsUntilBroken: 0 });
        expect((await leases.info(key)).state).toBe('broken');
        expect(await leases.break(key)).toEqual({ secondsUntilBroken: 0 }); // nothing left to break
        await expect(store.put(key, text('stale holder'), { leaseId: id })).rejects.toMatchObject({ code: 'AccessDenied' });
        expect((await leases.renew(key, id)).status).toBe('lost');
        const next = await leases.acquire(key, 'infinite');
        expect(next.status).toBe('ok');
        expect(read(await store.get(key))).toBe('v2');
      }));

      it('put replaces the metadata with what it carries, in the same write', () => withStore(async ({ store }) => {
        const leases = store.leases!;
        await store.put(key, text('v1'), { metadata: { acquired_at: '2026-01-01T00:00:00Z', acquired_by: 'a' } });
        expect(await leases.getMetadata(key)).toMatchObject({ acquired_at: '2026-01-01T00:00:00Z', acquired_by: 'a' });
        await store.put(key, text('v2'));
        expect(await leases.getMetadata(key)).not.toHaveProperty('acquired_at');
        const lease = await leases.acquire(key, 'infinite');
        const id = lease.status === 'ok' ? lease.leaseId : '';
        await store.put(key, text('v3'), { leaseId: id, metadata: { acquired_at: '2026-02-02T00:00:00Z' } });
        expect(await leases.getMetadata(key)).toMatchObject({ acquired_at: '2026-02-02T00:00:00Z' });
        expect(read(await store.get(key))).toBe('v3');
        await leases.release(key, id);
        // A break that comes after the holder released (another run broke it and finished): nothing to break.
        expect(await leases.break(key, 0)).toEqual({ secondsUntilBroken: 0 });
        expect((await leases.info(key)).state).toBe('available');
      }));

      it('a break with a period keeps the lease breaking until it ends', () => withStore(async ({ store, advance }) => {
        const leases = store.leases!;
        await store.put(key, text('v1'));
        await leases.acquire(key, 'infinite');
        expect(await leases.break(key, 1)).toEqual({ secondsUntilBroken: 1 });
        expect((await leases.info(key)).state).toBe('breaking');
        expect((await leases.acquire(key, 'infinite')).status).toBe('breaking');
        if (advance) await advance(1100);
        else await new Promise((r) => setTimeout(r, 1600));
        expect((await leases.info(key)).state).toBe('broken');
        expect((await leases.acquire(key, 'infinite')).status).toBe('ok');
      }), 30_000);

      it('a fixed lease expires when its time runs out', () => withStore(async ({ store, advance }) => {
        // Azure's shortest lease is 15 s: only stores with a clock to advance run this timing case.
        if (!advance) return;
        await store.put(key, text('v1'));
        const lease = await store.leases!.acquire(key, 15);
        expect(lease.status).toBe('ok');
        await advance(14_000);
        expect((await store.leases!.info(key)).state).toBe('leased');
        await advance(1_001);
        expect((await store.leases!.info(key)).state).toBe('expired');
        const stale = lease.status === 'ok' ? lease.leaseId : '';
        await expect(store.put(key, text('late'), { leaseId: stale })).rejects.toMatchObject({ code: 'AccessDenied' });
        expect((await store.leases!.acquire(key, 'infinite')).status).toBe('ok');
      }));

      it('a break without a period lets a fixed lease run out', () => withStore(async ({ store, advance }) => {
        // Waits out most of a 15 s lease: only stores with a clock to advance run this timing case.
        if (!advance) return;
        await store.put(key, text('v1'));
        await store.leases!.acquire(key, 20);
        await advance(5_000);
        expect(await store.leases!.break(key)).toEqual({ secondsUntilBroken: 15 });
        expect((await store.leases!.info(key)).state).toBe('breaking');
        await advance(15_000);
        expect((await store.leases!.info(key)).state).toBe('broken');
      }));

      it('an acquire proposing the current id renews; a released lease can be taken again', () => withStore(async ({ store }) => {
        const leases = store.leases!;
        const id = '0f0e0d0c-0b0a-4908-8706-050403020100';
        await store.put(key, text('v1'));
        expect(await leases.acquire(key, 30, id)).toEqual({ status: 'ok', leaseId: id });
        expect(await leases.acquire(key, 'infinite', id)).toEqual({ status: 'ok', leaseId: id });
        expect((await leases.info(key)).duration).toBe('infinite');
        await store.delete(key, { leaseId: id });
        await expect(store.head(key)).rejects.toMatchObject({ code: 'NotFound' });
      }));
    });
  });
}

/** A read-only store checked over what it lists: sizes agree, ranges clip, writes are refused. */
function describeReadOnlyListed(withStore: (run: (s: ContractStore) => Promise<void>) => Promise<void>): void {
  it('lists objects in key order, each once, and reads each with the listed size', () => withStore(async ({ store }) => {
    const objects = await listAll(store, '');
    expect(objects.length).toBeGreaterThan(0);
    const keys = objects.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort(compareUtf8)).toEqual(keys);
    for (const meta of objects.slice(0, 20)) {
      expect((await store.head(meta.key)).size).toBe(meta.size);
      expect((await store.get(meta.key)).length).toBe(meta.size);
    }
  }));
  it('reads byte ranges, clipped at the end', () => withStore(async ({ store }) => {
    const meta = (await listAll(store, '')).find((o) => o.size >= 4);
    expect(meta).toBeDefined();
    const whole = await store.get(meta!.key);
    expect(await store.get(meta!.key, { range: { offset: 1, length: 2 } })).toEqual(whole.slice(1, 3));
    expect(await store.get(meta!.key, { range: { offset: meta!.size - 2, length: 100 } })).toEqual(whole.slice(-2));
  }));
  it('answers NotFound for a missing key and refuses writes', () => withStore(async ({ store }) => {
    await expect(store.get('missing/object')).rejects.toMatchObject({ code: 'NotFound' });
    await expect(store.head('missing/object')).rejects.toMatchObject({ code: 'NotFound' });
    await expect(store.put('x', text('y'))).rejects.toMatchObject({ code: expect.stringMatching(/^(AccessDenied|Unsupported)$/) });
    expect(store.readOnly).toBe(true);
  }));
}

/** Byte order of the UTF-8 keys, as the contract lists them. */
export function compareUtf8(a: string, b: string): number {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
}
