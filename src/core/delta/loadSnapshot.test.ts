import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { loadSnapshot } from './loadSnapshot.ts';
import { loadHistory } from './history.ts';
import { commitKey } from './logPaths.ts';
import { fixtureTable } from '../../../test/support/fixtures.ts';

const encoder = new TextEncoder();
const schemaString = JSON.stringify({ type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }] });
const protocolLine = JSON.stringify({ protocol: { minReaderVersion: 1, minWriterVersion: 2 } });
const metadataLine = JSON.stringify({ metaData: { id: 't', format: { provider: 'parquet', options: {} }, schemaString, partitionColumns: [], configuration: {}, createdTime: 0 } });
const addLine = (path: string, time = 0) => JSON.stringify({ add: { path, partitionValues: {}, size: 10, modificationTime: time, dataChange: true } });
const commitInfoLine = (extra: Record<string, unknown> = {}) => JSON.stringify({ commitInfo: { timestamp: 1, operation: 'WRITE', ...extra } });

function storeWith(commits: Record<number, string[]>, times: Record<number, number> = {}): MemoryStore {
  const store = new MemoryStore();
  for (const [version, lines] of Object.entries(commits)) {
    store.putWithTime(commitKey('', Number(version)), encoder.encode(lines.join('\n') + '\n'), times[Number(version)] ?? Number(version) * 1000);
  }
  return store;
}

const open = (store: MemoryStore, options: { version?: number; timestamp?: number } = {}) => loadSnapshot(store, '', { codec: parquetCodec, ...options });

describe('loadSnapshot', () => {
  it('replays adds and removes across commits', async () => {
    const store = storeWith({
      0: [commitInfoLine(), protocolLine, metadataLine, addLine('a'), addLine('b')],
      1: [commitInfoLine(), JSON.stringify({ remove: { path: 'a', dataChange: true } }), addLine('c')],
    });
    expect((await open(store, { version: 0 })).files.map((f) => f.path)).toEqual(['a', 'b']);
    const latest = await open(store);
    expect(latest.version).toBe(1);
    expect(latest.files.map((f) => f.path)).toEqual(['b', 'c']);
    expect(latest.logSegment.commitFiles).toHaveLength(2);
  });

  it('names the file and line of a truncated commit', async () => {
    const store = storeWith({ 0: [protocolLine, metadataLine, '{"add": {"path": "a", "partitionVal'] });
    await expect(open(store)).rejects.toMatchObject({ code: 'Corrupt', message: expect.stringMatching(/00000000000000000000\.json line 3: not valid JSON/) });
  });

  it('names an unknown action', async () => {
    const store = storeWith({ 0: [protocolLine, metadataLine, '{"foo": {}}'] });
    await expect(open(store)).rejects.toMatchObject({ code: 'Corrupt', message: expect.stringContaining('line 3: unknown action "foo"') });
  });

  it('names a missing required field', async () => {
    const store = storeWith({ 0: [protocolLine, metadataLine, '{"add": {"path": "a", "partitionValues": {}, "size": 1, "dataChange": true}}'] });
    await expect(open(store)).rejects.toMatchObject({ code: 'Corrupt', message: expect.stringContaining('missing required field "modificationTime"') });
  });

  it('refuses a gap in the log instead of skipping it', async () => {
    const store = storeWith({ 0: [protocolLine, metadataLine], 1: [addLine('a')], 3: [addLine('b')] });
    await expect(open(store)).rejects.toMatchObject({ code: 'Corrupt', message: expect.stringContaining('missing commit 00000000000000000002.json') });
    expect((await open(store, { version: 1 })).files).toHaveLength(1);
  });

  it('says which versions exist when asked for one that does not', async () => {
    const store = storeWith({ 0: [protocolLine, metadataLine] });
    await expect(open(store, { version: 5 })).rejects.toMatchObject({ code: 'NotFound', message: expect.stringContaining('versions 0 to 0') });
  });

  it('says a folder without a log is not a Delta table, naming the store', async () => {
    await expect(open(new MemoryStore({ description: 'folder /x/y' }))).rejects.toMatchObject({ code: 'NotFound', message: 'folder /x/y is not a Delta table: it has no _delta_log/ folder (or it is empty)' });
  });

  it('says which versions exist without a "?" when none can be rebuilt', async () => {
    const store = storeWith({ 3: [addLine('a')], 4: [addLine('b')] });
    await expect(open(store, { version: 9 })).rejects.toMatchObject({ code: 'NotFound', message: 'version 9 does not exist: the table has no version that can be rebuilt (its newest is 4)' });
  });

  it('falls back when _last_checkpoint points at a missing checkpoint', async () => {
    const store = storeWith({ 0: [protocolLine, metadataLine, addLine('a')], 1: [addLine('b')] });
    store.putWithTime('_delta_log/_last_checkpoint', encoder.encode('{"version":1,"size":3}'), 0);
    const snapshot = await open(store);
    expect(snapshot.files.map((f) => f.path)).toEqual(['a', 'b']);
    expect(snapshot.logSegment.checkpoint).toBeUndefined();
  });

  it('falls back past a truncated checkpoint to the commits', async () => {
    const store = storeWith({ 0: [protocolLine, metadataLine, addLine('a')], 1: [addLine('b')] });
    store.putWithTime('_delta_log/00000000000000000001.checkpoint.parquet', encoder.encode('PAR1 truncated'), 0);
    expect((await open(store)).files.map((f) => f.path)).toEqual(['a', 'b']);
  });

  it('names the unreadable checkpoint when history before it is gone', async () => {
    const store = storeWith({ 2: [addLine('c')] });
    store.putWithTime('_delta_log/00000000000000000001.checkpoint.parquet', encoder.encode('PAR1 truncated'), 0);
    await expect(open(store)).rejects.toMatchObject({ code: 'Corrupt', message: expect.stringMatching(/checkpoint 00000000000000000001\.checkpoint\.parquet: .*falling back past it failed/) });
  });

  it('falls back past a V2 checkpoint whose sidecar it cannot read', async () => {
    const store = storeWith({ 0: [protocolLine, metadataLine, addLine('a')], 1: [addLine('b')] });
    const checkpoint = [JSON.stringify({ checkpointMetadata: { version: 1 } }), protocolLine, metadataLine, JSON.stringify({ sidecar: { path: 'abfss://x@y/z.parquet', sizeInBytes: 1, modificationTime: 0 } })];
    store.putWithTime('_delta_log/00000000000000000001.checkpoint.3fa85f64-5717-4562-b3fc-2c963f66afa6.json', encoder.encode(checkpoint.join('\n')), 0);
    const snapshot = await open(store);
    expect(snapshot.logSegment.checkpoint).toBeUndefined();
    expect(snapshot.files.map((f) => f.path)).toEqual(['a', 'b']);
  });

  it('ignores an incomplete multi-part checkpoint', async () => {
    const fixture = await fixtureTable('delta-rs/simple_table_with_checkpoint');
    const store = new MemoryStore();
    for (const [key, entry] of fixture) store.putWithTime(key, entry.data, entry.lastModified);
    store.putWithTime('_delta_log/00000000000000000011.checkpoint.0000000001.0000000002.parquet', encoder.encode('half'), 0);
    const snapshot = await open(store);
    expect(snapshot.logSegment.checkpoint).toMatchObject({ version: 10, kind: 'classic' });
  });

  it('reads a classic checkpoint and the commits after it', async () => {
    const snapshot = await loadSnapshot(new NodeFsStore(fixturePath('delta-rs/simple_table_with_checkpoint')), '', { codec: parquetCodec });
    expect(snapshot.logSegment.checkpoint).toMatchObject({ version: 10, kind: 'classic' });
    expect(snapshot.files).toHaveLength(11);
  });

  it('reads a V2 checkpoint with sidecars', async () => {
    const snapshot = await loadSnapshot(new NodeFsStore(fixturePath('delta-rs/checkpoint-v2-table')), '', { codec: parquetCodec, version: 8 });
    expect(snapshot.logSegment.checkpoint?.kind).toBe('v2');
    expect(snapshot.logSegment.checkpoint?.files.some((f) => f.includes('_sidecars/'))).toBe(true);
    expect(snapshot.logSegment.commitFiles).toHaveLength(0);
  });

  it('travels to the latest version committed at or before a time', async () => {
    const store = storeWith(
      { 0: [protocolLine, metadataLine, addLine('a')], 1: [addLine('b')], 2: [addLine('c')] },
      { 0: 1000, 1: 2000, 2: 3000 },
    );
    expect((await open(store, { timestamp: 2500 })).version).toBe(1);
    expect((await open(store, { timestamp: 3000 })).version).toBe(2);
    await expect(open(store, { timestamp: 500 })).rejects.toMatchObject({ code: 'NotFound', message: expect.stringContaining('the earliest readable version is 0, at 1970-01-01T00:00:01.000Z') });
  });

  it('uses in-commit timestamps from their enablement version', async () => {
    const ictMetadata = JSON.stringify({ metaData: { id: 't', format: { provider: 'parquet' }, schemaString, partitionColumns: [], configuration: { 'delta.enableInCommitTimestamps': 'true', 'delta.inCommitTimestampEnablementVersion': '1' } } });
    const store = storeWith(
      {
        0: [protocolLine, metadataLine],
        1: [commitInfoLine({ inCommitTimestamp: 50_000 }), ictMetadata],
        2: [commitInfoLine({ inCommitTimestamp: 60_000 }), addLine('a')],
        3: [commitInfoLine({ inCommitTimestamp: 70_000 }), addLine('b')],
      },
      { 0: 1000, 1: 99_000, 2: 99_000, 3: 99_000 },
    );
    expect((await open(store, { timestamp: 65_000 })).version).toBe(2);
    expect((await open(store, { timestamp: 10_000 })).version).toBe(0);
    expect((await open(store, { version: 3 })).timestamp).toBe(70_000);
    const history = await loadHistory(store, '');
    expect(history.map((h) => [h.version, h.timestamp])).toEqual([[3, 70_000], [2, 60_000], [1, 50_000], [0, 1000]]);
  });

  it('stops when cancelled', async () => {
    const store = storeWith({ 0: [protocolLine, metadataLine], 1: [addLine('a')] });
    const controller = new AbortController();
    controller.abort();
    await expect(loadSnapshot(store, '', { codec: parquetCodec, signal: controller.signal })).rejects.toMatchObject({ code: 'Aborted' });
  });
});

function fixturePath(name: string): string {
  return join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'delta', name);
}
