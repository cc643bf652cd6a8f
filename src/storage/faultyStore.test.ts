import { describe, expect, it } from 'vitest';
import { seededRng } from '../core/rng.ts';
import { ManualClock } from '../core/clock.ts';
import { MemoryStore } from './memoryStore.ts';
import { FaultyStore, InjectedCrash, type Fault } from './faultyStore.ts';
import { ListingLag } from './listingLag.ts';
import { listAll } from '../core/objectStore.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { parquetCodec } from '../query/parquetRows.ts';

const encoder = new TextEncoder();

async function smallTable(): Promise<MemoryStore> {
  const store = new MemoryStore();
  const schemaString = JSON.stringify({ type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }] });
  await store.put('_delta_log/00000000000000000000.json', encoder.encode([
    JSON.stringify({ protocol: { minReaderVersion: 1, minWriterVersion: 2 } }),
    JSON.stringify({ metaData: { id: 't', format: { provider: 'parquet' }, schemaString, partitionColumns: [], configuration: {} } }),
  ].join('\n')));
  return store;
}

describe('FaultyStore', () => {
  it('turns an injected failure into a Network error, and the table is untouched', async () => {
    const inner = await smallTable();
    const faulty = new FaultyStore(inner, (call) => (call === 'get' ? { kind: 'fail' } : { kind: 'none' }));
    await expect(loadSnapshot(faulty, '', { codec: parquetCodec })).rejects.toMatchObject({ code: 'Network' });
    expect((await loadSnapshot(inner, '', { codec: parquetCodec })).version).toBe(0);
  });

  it('a truncated commit read is reported as corrupt, naming the file', async () => {
    const faulty = new FaultyStore(await smallTable(), (call) => (call === 'get' ? { kind: 'truncate', keepBytes: 70 } : { kind: 'none' }));
    await expect(loadSnapshot(faulty, '', { codec: parquetCodec })).rejects.toMatchObject({ code: 'Corrupt', message: expect.stringContaining('00000000000000000000.json: the listing says 275 bytes, but 70 came back') });
  });

});

describe('FaultyStore faults from a seed', () => {
  async function runCalls(seed: number): Promise<string[]> {
    const inner = new MemoryStore();
    await inner.put('k', encoder.encode('0123456789'.repeat(10)));
    const clock = new ManualClock();
    const faulty = new FaultyStore(inner, { rng: seededRng(seed), rates: { fail: 0.3, truncate: 0.3, delay: 0.2, maxDelayMs: 50 } }, clock);
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i++) {
      const pending = faulty.get('k').then((b) => `read ${b.length}`, (e: { code: string }) => e.code);
      // A delayed call waits on the injected clock, not on real time.
      for (let t = 0; t < 5; t++) {
        await Promise.resolve();
        clock.advance(10);
      }
      outcomes.push(await pending);
    }
    return outcomes;
  }

  it('the same seed fails, delays and truncates the same calls; another seed differs', async () => {
    const a = await runCalls(7);
    expect(await runCalls(7)).toEqual(a);
    expect(await runCalls(8)).not.toEqual(a);
    expect(a).toContain('Network');
    expect(a).toContain('read 100');
    expect(a.some((o) => o.startsWith('read ') && o !== 'read 100')).toBe(true);
  });

  it('a delay waits on the injected clock', async () => {
    const clock = new ManualClock();
    const inner = new MemoryStore();
    await inner.put('k', encoder.encode('x'));
    const faulty = new FaultyStore(inner, () => ({ kind: 'delay', ms: 1_000 }), clock);
    let done = false;
    const read = faulty.get('k').then(() => (done = true));
    await Promise.resolve();
    clock.advance(999);
    await Promise.resolve();
    expect(done).toBe(false);
    clock.advance(1);
    await read;
    expect(done).toBe(true);
  });

  it('limits faults to the calls named', async () => {
    const faulty = new FaultyStore(new MemoryStore(), { rng: seededRng(1), rates: { fail: 1, calls: ['putIfAbsent'] } });
    await faulty.put('a', encoder.encode('x'));
    await expect(faulty.putIfAbsent('b', encoder.encode('x'))).rejects.toMatchObject({ code: 'Network' });
    expect(await faulty.get('a')).toEqual(encoder.encode('x'));
  });
});

describe('FaultyStore: lost answers, lying stores, lagging listings, dying processes', () => {
  it('a write that lands and then reports failure, a create that reports exists, a put that writes nothing', async () => {
    const inner = new MemoryStore();
    const kinds: Fault[] = [{ kind: 'failAfter' }, { kind: 'existsAfter' }, { kind: 'phantom' }];
    const faulty = new FaultyStore(inner, () => kinds.shift() ?? { kind: 'none' });
    await expect(faulty.put('a', encoder.encode('1'))).rejects.toMatchObject({ code: 'Network' });
    expect(await inner.get('a')).toEqual(encoder.encode('1'));
    expect(await faulty.putIfAbsent('b', encoder.encode('2'))).toEqual({ status: 'exists' });
    expect(await inner.get('b')).toEqual(encoder.encode('2'));
    expect(await faulty.put('c', encoder.encode('3'))).toMatchObject({ key: 'c', size: 1 });
    await expect(inner.head('c')).rejects.toMatchObject({ code: 'NotFound' });
    expect(faulty.injected).toEqual({ failAfter: 1, existsAfter: 1, phantom: 1 });
  });

  it('a timed-out write reaches the store after the caller was told', async () => {
    const clock = new ManualClock();
    const inner = new MemoryStore();
    const faulty = new FaultyStore(inner, () => ({ kind: 'timeout', ms: 100, landsAfterMs: 50 }), clock);
    const put = faulty.put('k', encoder.encode('x')).catch((e: { message: string }) => e.message);
    await Promise.resolve();
    clock.advance(100);
    expect(await put).toContain('timed out after 100 ms');
    await expect(inner.head('k')).rejects.toMatchObject({ code: 'NotFound' });
    clock.advance(50);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await inner.get('k')).toEqual(encoder.encode('x'));
  });

  it('a process that dies before a call changes nothing; after a call, its write is there; either way every later call fails', async () => {
    for (const after of [false, true]) {
      const inner = new MemoryStore();
      let calls = 0;
      const faulty = new FaultyStore(inner, () => (calls++ === 0 ? { kind: 'crash', after } : { kind: 'none' }));
      await expect(faulty.putIfAbsent('k', encoder.encode('x'))).rejects.toBeInstanceOf(InjectedCrash);
      expect(faulty.crashed).toBe(true);
      expect(await inner.head('k').then(() => true, () => false)).toBe(after);
      await expect(faulty.get('k')).rejects.toBeInstanceOf(InjectedCrash);
    }
  });

  it('listings lag behind writes, each key for its own time, while reads see the key at once', async () => {
    const clock = new ManualClock();
    const inner = new MemoryStore();
    const lag = new ListingLag(seededRng(3), { share: 1, maxMs: 1_000 }, clock);
    const a = new FaultyStore(inner, () => ({ kind: 'none' }), { lag });
    const b = new FaultyStore(inner, () => ({ kind: 'none' }), { lag });
    await a.putIfAbsent('log/1', encoder.encode('1'));
    await a.putIfAbsent('log/2', encoder.encode('2'));
    const listed = async () => (await listAll(b, 'log/')).map((o) => o.key);
    expect(await listed()).toEqual([]);
    expect(await b.get('log/1')).toEqual(encoder.encode('1'));
    const seen = new Set<string>();
    for (let t = 0; t < 10; t++) {
      clock.advance(100);
      for (const key of await listed()) seen.add(key);
    }
    expect([...seen].sort()).toEqual(['log/1', 'log/2']);
    expect(lag.lagged).toBe(2);
  });

  it('every kind of fault from one seed replays the same', async () => {
    async function run(seed: number) {
      const inner = new MemoryStore();
      const faulty = new FaultyStore(inner, { rng: seededRng(seed), rates: { fail: 0.1, timeout: 0.1, failAfter: 0.1, existsAfter: 0.1, phantom: 0.1, truncate: 0.1, maxDelayMs: 0 } });
      const out: string[] = [];
      for (let i = 0; i < 60; i++) {
        const call = i % 3 === 0 ? faulty.put(`k${i}`, encoder.encode('x')) : i % 3 === 1 ? faulty.putIfAbsent(`k${i}`, encoder.encode('x')) : faulty.get(`k${i - 1}`);
        out.push(await call.then((r) => JSON.stringify(r instanceof Uint8Array ? r.length : (r as { status?: string }).status ?? 'ok'), (e: { code: string }) => e.code));
      }
      return { out, injected: faulty.injected };
    }
    const first = await run(11);
    expect(await run(11)).toEqual(first);
    expect(Object.keys(first.injected).sort()).toEqual(['existsAfter', 'fail', 'failAfter', 'phantom', 'timeout', 'truncate']);
  });
});
