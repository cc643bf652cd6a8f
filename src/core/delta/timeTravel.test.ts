import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { fixtureTable } from '../../../test/support/fixtures.ts';
import { loadSnapshot } from './loadSnapshot.ts';
import { commitKey } from './logPaths.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A fixture copied into memory with each commit file's time set to its commitInfo.timestamp (the writer's clock). */
async function fixtureWithWriterTimes(name: string): Promise<{ store: MemoryStore; times: number[] }> {
  const store = new MemoryStore();
  const times: number[] = [];
  for (const [key, entry] of await fixtureTable(name)) {
    const m = /_delta_log\/(\d{20})\.json$/.exec(key);
    let time = entry.lastModified;
    if (m) {
      const info = decoder.decode(entry.data).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { commitInfo?: { timestamp: number } }).find((a) => a.commitInfo);
      time = info?.commitInfo?.timestamp ?? time;
      times[Number(m[1])] = time;
    }
    store.putWithTime(key, entry.data, time);
  }
  return { store, times };
}

describe('time travel by timestamp', () => {
  it('picks the latest version committed at or before the time, over a real table', async () => {
    const { store, times } = await fixtureWithWriterTimes('delta-rs/simple_table');
    for (let v = 0; v < times.length; v++) {
      const at = times[v] ?? 0;
      const expected = times.reduce((best, t, version) => (t <= at ? Math.max(best, version) : best), -1);
      const snapshot = await loadSnapshot(store, '', { codec: parquetCodec, timestamp: at });
      expect(snapshot.version).toBe(expected);
      expect(snapshot.timestamp).toBe(times[expected]);
    }
    const before = (times[0] ?? 0) - 1;
    await expect(loadSnapshot(store, '', { codec: parquetCodec, timestamp: before })).rejects.toMatchObject({
      code: 'NotFound',
      message: expect.stringContaining(`the earliest readable version is 0, at ${new Date(times[0] ?? 0).toISOString()}`),
    });
  });

  it('searches in-commit timestamps when log cleanup removed their enablement commit', async () => {
    const schemaString = JSON.stringify({ type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }] });
    const metaData = { id: 't', format: { provider: 'parquet' }, schemaString, partitionColumns: [], configuration: { 'delta.enableInCommitTimestamps': 'true', 'delta.inCommitTimestampEnablementVersion': '0' } };
    const store = new MemoryStore();
    const line = (v: unknown) => JSON.stringify(v);
    const commit = (version: number, ict: number, ...actions: unknown[]) =>
      store.putWithTime(commitKey('', version), encoder.encode([line({ commitInfo: { inCommitTimestamp: ict } }), ...actions.map(line)].join('\n')), 999_999);
    commit(2, 20_000, { protocol: { minReaderVersion: 1, minWriterVersion: 7 } }, { metaData });
    commit(3, 30_000);
    commit(4, 40_000);
    const checkpoint = [line({ checkpointMetadata: { version: 2 } }), line({ protocol: { minReaderVersion: 1, minWriterVersion: 7 } }), line({ metaData })].join('\n');
    store.putWithTime('_delta_log/00000000000000000002.checkpoint.3fa85f64-5717-4562-b3fc-2c963f66afa6.json', encoder.encode(checkpoint), 999_999);
    const open = (timestamp: number) => loadSnapshot(store, '', { codec: parquetCodec, timestamp });
    expect((await open(35_000)).version).toBe(3);
    expect((await open(40_000)).version).toBe(4);
    expect((await open(20_000)).version).toBe(2);
    await expect(open(19_999)).rejects.toMatchObject({ code: 'NotFound', message: expect.stringContaining('the earliest readable version is 2, at 1970-01-01T00:00:20.000Z') });
  });

  it('refuses a time that is not a number', async () => {
    const { store } = await fixtureWithWriterTimes('delta-rs/simple_table');
    await expect(loadSnapshot(store, '', { codec: parquetCodec, timestamp: Number.NaN })).rejects.toMatchObject({ code: 'InvalidInput' });
  });
});
