/**
 * A listing that lags behind writes shows commit 2 before commit 1: the gap is probed with a
 * direct read before it is called missing (it was Corrupt, "delta log is missing commit").
 */
import { describe, expect, it } from 'vitest';
import type { ListOptions, ListPage } from '../objectStore.ts';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { CountingStore } from '../../storage/countingStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { loadSnapshot } from './loadSnapshot.ts';
import { commitKey } from './logPaths.ts';

const encoder = new TextEncoder();
const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const schemaString = JSON.stringify({ type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }] });

class LaggingList extends MemoryStore {
  readonly hidden = new Set<string>();

  override async *list(prefix: string, options?: ListOptions): AsyncIterable<ListPage> {
    for await (const page of super.list(prefix, options)) yield { ...page, objects: page.objects.filter((o) => !this.hidden.has(o.key)) };
  }
}

async function threeCommits(store: MemoryStore) {
  await store.put(commitKey('', 0), encoder.encode(line({ protocol: { minReaderVersion: 1, minWriterVersion: 2 } }) + line({ metaData: { id: 't', format: { provider: 'parquet' }, schemaString, partitionColumns: [], configuration: {} } })));
  for (const v of [1, 2]) await store.put(commitKey('', v), encoder.encode(line({ add: { path: `f${v}.parquet`, partitionValues: {}, size: 1, modificationTime: 1, dataChange: true } })));
}

describe('a listing that lags behind writes', () => {
  it('a commit missing between listed ones is read directly, and the snapshot is whole', async () => {
    const store = new LaggingList();
    await threeCommits(store);
    store.hidden.add(commitKey('', 1));
    const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
    expect(snapshot.version).toBe(2);
    expect(snapshot.files.map((f) => f.path).sort()).toEqual(['f1.parquet', 'f2.parquet']);
  });

  it('a commit that is really missing is still Corrupt, after one probe', async () => {
    const store = new MemoryStore();
    await threeCommits(store);
    await store.delete(commitKey('', 1));
    const counting = new CountingStore(store);
    await expect(loadSnapshot(counting, '', { codec: parquetCodec })).rejects.toMatchObject({ code: 'Corrupt', message: expect.stringContaining('missing commit 00000000000000000001.json') });
    expect(counting.counts().head).toBe(1);
  });

  it('a log without gaps costs no probe', async () => {
    const store = new MemoryStore();
    await threeCommits(store);
    const counting = new CountingStore(store);
    await loadSnapshot(counting, '', { codec: parquetCodec });
    expect(counting.counts().head).toBe(0);
  });
});
