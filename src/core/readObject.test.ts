import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../storage/memoryStore.ts';
import { CountingStore } from '../storage/countingStore.ts';
import { readObject } from './readObject.ts';
import type { ObjectStore } from './objectStore.ts';

const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) % 251);
const ranged = { minSize: 4096, rangeSize: 3000, concurrency: 2 };

async function storeWith(data: Uint8Array) {
  const store = new MemoryStore();
  await store.put('big.parquet', data);
  return store;
}

describe('readObject', () => {
  it('reads a small object in one get', async () => {
    const counting = new CountingStore(await storeWith(bytes.slice(0, 4000)));
    expect(await readObject(counting, 'big.parquet', 4000, { ranged })).toEqual(bytes.slice(0, 4000));
    expect(counting.counts()).toMatchObject({ get: 1, rangedGet: 0 });
  });

  it('reads a large object as ranged reads that cover it exactly once', async () => {
    const counting = new CountingStore(await storeWith(bytes));
    expect(await readObject(counting, 'big.parquet', bytes.length, { ranged })).toEqual(bytes);
    expect(counting.counts()).toMatchObject({ get: 4, rangedGet: 4, bytesRead: 10_000, rangeBytes: 10_000 });
  });

  it('keeps no more ranged reads in flight than asked', async () => {
    const inner = await storeWith(bytes);
    let inFlight = 0;
    let most = 0;
    const watching: ObjectStore = Object.assign(Object.create(inner) as ObjectStore, {
      async get(key: string, options: Parameters<ObjectStore['get']>[1]) {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return inner.get(key, options);
      },
    });
    await readObject(watching, 'big.parquet', bytes.length, { ranged });
    expect(most).toBe(2);
  });

  it('refuses an object shorter than its listed size (changed while read): Corrupt, not a spliced file', async () => {
    const store = await storeWith(bytes.slice(0, 9000));
    await expect(readObject(store, 'big.parquet', bytes.length, { ranged })).rejects.toMatchObject({ code: 'Corrupt', message: expect.stringContaining('expected 10000 bytes') });
  });
});
