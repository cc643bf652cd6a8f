import { describe, expect, it } from 'vitest';
import { seededRng } from '../core/rng.ts';
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

  it('decides faults reproducibly from a seed', () => {
    const decide = (seed: number) => {
      const rng = seededRng(seed);
      return Array.from({ length: 20 }, () => (rng.next() < 0.3 ? 'fail' : 'none'));
    };
    expect(decide(7)).toEqual(decide(7));
    expect(decide(7)).not.toEqual(decide(8));
  });
});
