import { describe, expect, it } from 'vitest';
import { seededRng } from '../core/rng.ts';
import { ManualClock } from '../core/clock.ts';
import { MemoryStore } from './memoryStore.ts';
import { FaultyStore } from './faultyStore.ts';
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
    await expect(loadSnapshot(faulty, '', { codec: parquetCodec })).rejects.toMatchObject({ code: 'Corrupt', message: expect.stringContaining('00000000000000000000.json line 2') });
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
