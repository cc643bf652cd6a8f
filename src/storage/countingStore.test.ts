import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CountingStore } from './countingStore.ts';
import { NodeFsStore } from './nodeFsStore.ts';
import { MemoryStore } from './memoryStore.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { planScan } from '../core/delta/planScan.ts';
import { scanDelta } from '../query/deltaScan.ts';
import { parquetCodec } from '../query/parquetRows.ts';

const fixture = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'delta', 'delta-rs', 'simple_table_with_checkpoint');

describe('I/O budget of opening a checkpointed table', () => {
  it('lists the log once, reads the checkpoint and the commits after it, and no data until rows are asked for', async () => {
    const store = new CountingStore(new NodeFsStore(fixture));
    const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
    const counts = store.counts();
    expect(counts.list).toBe(1);
    expect(counts.keysRead).toEqual(['_delta_log/00000000000000000010.checkpoint.parquet']);
    expect(counts.keysRead.some((k) => k.endsWith('.parquet') && !k.includes('_delta_log'))).toBe(false);

    store.reset();
    for await (const _ of scanDelta(store, planScan(snapshot))) { /* read every row */ }
    expect(store.counts().get).toBe(snapshot.files.length);
    expect(store.counts().list).toBe(0);
  });
});

describe('CountingStore', () => {
  it('counts each call, ranged reads and their bytes, and starts over on reset', async () => {
    const store = new CountingStore(new MemoryStore());
    const bytes = new TextEncoder().encode('0123456789');
    await store.put('a', bytes);
    expect((await store.putIfAbsent('a', bytes)).status).toBe('exists');
    await store.head('a');
    await store.get('a');
    await store.get('a', { range: { offset: 8, length: 5 } });
    for await (const _ of store.list('')) { /* one listing */ }
    await store.delete('a');
    expect(store.counts()).toEqual({
      list: 1, head: 1, get: 2, rangedGet: 1, bytesRead: 12, rangeBytes: 2, put: 1, putIfAbsent: 1, delete: 1, keysRead: ['a', 'a'],
    });
    expect(store.leases).toBeDefined();
    store.reset();
    expect(store.counts()).toMatchObject({ get: 0, bytesRead: 0, keysRead: [] });
  });
});
