/**
 * Logs that lie about themselves, on delta-rs's simple_table_with_checkpoint (checkpoint at
 * 10): a `_last_checkpoint` that names a version that is not there, an older one, a size that
 * is wrong, or is not JSON; checkpoint parts missing or extra. The snapshot is the one the
 * honest table gives: Lakelab lists the log once and never trusts the hint.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { fixtureTable } from '../../../test/support/fixtures.ts';
import { loadSnapshot } from './loadSnapshot.ts';
import { SnapshotRows } from '../../query/tableRows.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../../test/support/fixtures.ts';

const expectedRows = readFileSync(join(fixturesDir, 'delta-rs-expected', 'simple_table_with_checkpoint', 'v10', 'rows.jsonl'), 'utf8').split('\n').filter(Boolean).length;
const checkpoint = '_delta_log/00000000000000000010.checkpoint.parquet';

async function tableWith(change: (store: MemoryStore, classic: Uint8Array) => Promise<void> | void): Promise<MemoryStore> {
  const fixture = await fixtureTable('delta-rs/simple_table_with_checkpoint');
  const store = new MemoryStore();
  for (const [key, entry] of fixture) store.putWithTime(key, entry.data, entry.lastModified);
  await change(store, fixture.get(checkpoint)!.data);
  lastStore = store;
  return store;
}

let lastStore: MemoryStore;
const recordsOf = async (s: Awaited<ReturnType<typeof loadSnapshot>>) => (await new SnapshotRows(lastStore, s).all()).length;

describe('a log that lies', () => {
  it.each([
    ['a version that does not exist', '{"version":99,"size":13}'],
    ['an older version', '{"version":3,"size":13}'],
    ['a wrong size and parts', '{"version":10,"size":99999,"parts":7}'],
    ['a V2 checkpoint that is not there', '{"version":10,"size":13,"v2Checkpoint":{"path":"00000000000000000010.checkpoint.00000000-0000-0000-0000-000000000000.json"}}'],
    ['text that is not JSON', '<html>oops'],
    ['nothing at all', ''],
  ])('_last_checkpoint naming %s: version 10 from its real checkpoint, with the rows delta-rs reads', async (_what, text) => {
    const store = await tableWith((s) => {
      s.putWithTime('_delta_log/_last_checkpoint', new TextEncoder().encode(text), 0);
    });
    const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
    expect(snapshot.version).toBe(10);
    expect(snapshot.logSegment.checkpoint).toMatchObject({ version: 10, kind: 'classic' });
    expect(await recordsOf(snapshot)).toBe(expectedRows);
  });

  it('a multi-part checkpoint with a stray extra part is not used; the classic one at the same version is', async () => {
    const store = await tableWith((s, classic) => {
      s.putWithTime('_delta_log/00000000000000000010.checkpoint.0000000001.0000000002.parquet', classic, 0);
      s.putWithTime('_delta_log/00000000000000000010.checkpoint.0000000002.0000000002.parquet', classic, 0);
      s.putWithTime('_delta_log/00000000000000000010.checkpoint.0000000003.0000000002.parquet', new TextEncoder().encode('not parquet'), 0);
    });
    const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
    expect(snapshot.logSegment.checkpoint).toMatchObject({ version: 10, kind: 'classic' });
    expect(await recordsOf(snapshot)).toBe(expectedRows);
  });

  it('an incomplete second set of parts beside a complete one: the complete one is read', async () => {
    const store = await tableWith(async (s, classic) => {
      await s.delete(checkpoint);
      s.putWithTime('_delta_log/00000000000000000010.checkpoint.0000000001.0000000002.parquet', classic, 0);
      s.putWithTime('_delta_log/00000000000000000010.checkpoint.0000000002.0000000002.parquet', classic, 0);
      s.putWithTime('_delta_log/00000000000000000010.checkpoint.0000000001.0000000003.parquet', classic, 0);
    });
    const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
    expect(snapshot.logSegment.checkpoint).toMatchObject({ version: 10, kind: 'multi-part', files: [expect.stringContaining('0000000001.0000000002'), expect.stringContaining('0000000002.0000000002')] });
    expect(await recordsOf(snapshot)).toBe(expectedRows);
  });

  it('a checkpoint part that is not Parquet (cut off, or another file): the commits are replayed instead', async () => {
    const store = await tableWith(async (s, classic) => {
      s.putWithTime(checkpoint, classic.subarray(0, 100), 0);
    });
    const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
    expect(snapshot.logSegment.checkpoint).toBeUndefined();
    expect(await recordsOf(snapshot)).toBe(expectedRows);
  });
});
