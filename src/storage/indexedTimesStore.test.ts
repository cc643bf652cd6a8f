import { describe, expect, it } from 'vitest';
import { listAll } from '../core/objectStore.ts';
import { MemoryStore } from './memoryStore.ts';
import { IndexedTimesStore } from './indexedTimesStore.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

function folder(index?: string): MemoryStore {
  const store = new MemoryStore({ description: 'folder /t' });
  store.putWithTime('_delta_log/00000000000000000000.json', bytes('{}'), 9_000);
  store.putWithTime('_delta_log/00000000000000000001.json', bytes('{"x":1}'), 9_000);
  store.putWithTime('part-0.parquet', bytes('PAR1'), 9_000);
  if (index !== undefined) store.putWithTime('lakelab-index.json', bytes(index), 9_000);
  return store;
}

const times = async (store: MemoryStore) => Object.fromEntries((await listAll(new IndexedTimesStore(store), '')).map((o) => [o.key, o.lastModified]));

describe('a folder with a lakelab-index.json', () => {
  it('lists the times the index records for the files it lists with the same size; others keep theirs', async () => {
    const index = { version: 1, objects: [
      { key: '_delta_log/00000000000000000000.json', size: 2, lastModified: 1_000 },
      { key: '_delta_log/00000000000000000001.json', size: 99, lastModified: 2_000 },
    ] };
    expect(await times(folder(JSON.stringify(index)))).toEqual({
      '_delta_log/00000000000000000000.json': 1_000,
      '_delta_log/00000000000000000001.json': 9_000,
      'lakelab-index.json': 9_000,
      'part-0.parquet': 9_000,
    });
  });

  it('lists the folder as it is without one, and names a broken one', async () => {
    expect(Object.values(await times(folder()))).toEqual([9_000, 9_000, 9_000]);
    await expect(times(folder('{"version": 2}'))).rejects.toMatchObject({ code: 'Corrupt', message: 'lakelab-index.json in folder /t is not a version 1 listing index' });
    await expect(times(folder('{'))).rejects.toMatchObject({ code: 'Corrupt', message: expect.stringMatching(/^lakelab-index\.json in folder \/t is not valid JSON/) });
  });
});
