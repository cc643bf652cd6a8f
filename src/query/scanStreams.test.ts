/**
 * A scan streams: its first rows come after one data file is read, and each file's rows go
 * before the next is read (what lets `lakelab scan` print its first row early, in memory flat
 * in the table's size; `npm run bench -- cli` measures both).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { planScan } from '../core/delta/planScan.ts';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { CountingStore } from '../storage/countingStore.ts';
import { loadParquetWasm } from './parquetWasm.ts';
import { parquetCodec } from './parquetRows.ts';
import { scanDelta } from './deltaScan.ts';

beforeAll(async () => {
  await loadParquetWasm();
});

describe('a Delta scan', () => {
  it('yields each file\'s rows after reading that file only, not after the last', async () => {
    const store = new CountingStore(new NodeFsStore(join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'delta', 'delta-rs', 'simple_table')));
    const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
    const plan = planScan(snapshot, {});
    expect(plan.files.length).toBeGreaterThan(3);
    store.reset();
    const dataFilesReadAtEachBatch: number[] = [];
    for await (const batch of scanDelta(store, plan)) {
      expect(batch.fileKey).toBe(store.counts().keysRead.at(-1));
      dataFilesReadAtEachBatch.push(store.counts().keysRead.length);
    }
    expect(dataFilesReadAtEachBatch).toEqual(plan.files.map((_, i) => i + 1));
  });
});
