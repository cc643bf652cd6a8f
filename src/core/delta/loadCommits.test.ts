/**
 * Commits that are not the size the listing said, and commits too large to read whole: a
 * read cut short at a line break used to parse and lose the commit's last actions (stale rows,
 * no error); a large commit is read in ranged pieces and parsed as they arrive.
 */
import { describe, expect, it } from 'vitest';
import type { GetOptions } from '../objectStore.ts';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { CountingStore } from '../../storage/countingStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { loadSnapshot, type LoadProgress } from './loadSnapshot.ts';
import { loadHistory } from './history.ts';
import { commitKey } from './logPaths.ts';

const encoder = new TextEncoder();
const schemaString = JSON.stringify({ type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }] });
const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const add = (path: string) => line({ add: { path, partitionValues: {}, size: 1, modificationTime: 1, dataChange: true } });

async function table(adds: number): Promise<MemoryStore> {
  const store = new MemoryStore();
  await store.put(commitKey('', 0), encoder.encode(line({ protocol: { minReaderVersion: 1, minWriterVersion: 2 } }) + line({ metaData: { id: 't', format: { provider: 'parquet' }, schemaString, partitionColumns: [], configuration: {} } })));
  await store.put(commitKey('', 1), encoder.encode(line({ commitInfo: { operation: 'WRITE' } }) + Array.from({ length: adds }, (_, i) => add(`f${i}.parquet`)).join('')));
  return store;
}

/** Answers a read of commit 1 with only its first `keep` bytes, as a connection cut short would. */
class CutShort extends MemoryStore {
  constructor(private readonly from: MemoryStore, private readonly keep: (bytes: Uint8Array) => number) {
    super();
  }

  override list(prefix: string, options?: Parameters<MemoryStore['list']>[1]) {
    return this.from.list(prefix, options);
  }

  override async get(key: string, options?: GetOptions): Promise<Uint8Array> {
    const bytes = await this.from.get(key, options);
    return key === commitKey('', 1) && !options?.range ? bytes.subarray(0, this.keep(bytes)) : bytes;
  }
}

describe('a commit that is not the size the listing said', () => {
  it('cut short at a line break is Corrupt, naming the file and both sizes (it read as a commit with fewer files)', async () => {
    const whole = await table(3);
    const atSecondAdd = (bytes: Uint8Array) => new TextDecoder().decode(bytes).lastIndexOf('{"add"');
    await expect(loadSnapshot(new CutShort(whole, atSecondAdd), '', { codec: parquetCodec }))
      .rejects.toMatchObject({ code: 'Corrupt', message: expect.stringMatching(/^delta log 00000000000000000001\.json: the listing says \d+ bytes, but \d+ came back/) });
    await expect(loadHistory(new CutShort(whole, atSecondAdd), '')).rejects.toMatchObject({ code: 'Corrupt' });
    expect((await loadSnapshot(whole, '', { codec: parquetCodec })).files).toHaveLength(3);
  });
});

describe('a large commit', () => {
  const ranged = { minSize: 10_000, rangeSize: 4_096, concurrency: 1 };

  it('is read in ranged pieces, parsed as they arrive, with progress in bytes, and gives the same files', async () => {
    const store = await table(3_000);
    const size = (await store.head(commitKey('', 1))).size;
    const counting = new CountingStore(store);
    const progress: LoadProgress[] = [];
    const streamed = await loadSnapshot(counting, '', { codec: parquetCodec, ranged, onProgress: (p) => progress.push(p) });
    const whole = await loadSnapshot(store, '', { codec: parquetCodec });
    expect(streamed.files.map((f) => f.path)).toEqual(whole.files.map((f) => f.path));
    expect(streamed.files).toHaveLength(3_000);
    // Every read of commit 1 was a ranged one, none of it whole.
    const reads = counting.counts();
    expect(reads.rangedGet).toBe(Math.ceil(size / ranged.rangeSize) + 1);
    expect(reads.get - reads.rangedGet).toBe(1); // commit 0, small
    const bytes = progress.filter((p) => p.phase === 'commit bytes');
    expect(bytes.at(-1)).toEqual({ phase: 'commit bytes', done: size, total: size });
    expect(bytes.length).toBe(Math.ceil(size / ranged.rangeSize));
  });

  it('longer than the listing said is Corrupt', async () => {
    const store = await table(3_000);
    const listed = await store.head(commitKey('', 1));
    const listing = { commits: new Map([[0, await store.head(commitKey('', 0))], [1, { ...listed, size: listed.size - 100 }]]), checkpoints: [], hasLastCheckpoint: false };
    await expect(loadSnapshot(store, '', { codec: parquetCodec, ranged, listing }))
      .rejects.toMatchObject({ code: 'Corrupt', message: expect.stringContaining('00000000000000000001.json: the listing says') });
  });
});
