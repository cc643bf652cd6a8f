import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { CountingStore } from '../../storage/countingStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { loadSnapshot } from './loadSnapshot.ts';
import { updateSnapshot } from './updateSnapshot.ts';
import { commitKey } from './logPaths.ts';
import { fixtureTable } from '../../../test/support/fixtures.ts';
import type { ListOptions, ObjectStore } from '../objectStore.ts';

const encoder = new TextEncoder();
const field = (name: string) => ({ name, type: 'long', nullable: true, metadata: {} });
const schemaString = (...names: string[]) => JSON.stringify({ type: 'struct', fields: names.map(field) });
const line = (action: unknown) => JSON.stringify(action);
const protocol = (minReaderVersion = 1, minWriterVersion = 2, more: Record<string, unknown> = {}) => line({ protocol: { minReaderVersion, minWriterVersion, ...more } });
const metaData = (configuration: Record<string, string> = {}, names = ['id']) =>
  line({ metaData: { id: 't', format: { provider: 'parquet', options: {} }, schemaString: schemaString(...names), partitionColumns: [], configuration, createdTime: 0 } });
const dv = (id: string) => ({ storageType: 'u', pathOrInlineDv: id, offset: 1, sizeInBytes: 10, cardinality: 1 });
const add = (path: string, deletionVector?: unknown) => line({ add: { path, partitionValues: {}, size: 10, modificationTime: 0, dataChange: true, ...(deletionVector ? { deletionVector } : {}) } });
const remove = (path: string, deletionVector?: unknown) => line({ remove: { path, dataChange: true, ...(deletionVector ? { deletionVector } : {}) } });
const commitInfo = (extra: Record<string, unknown> = {}) => line({ commitInfo: { timestamp: 1, operation: 'WRITE', ...extra } });
const txn = (appId: string, version: number) => line({ txn: { appId, version, lastUpdated: version * 10 } });
const domain = (name: string, configuration: string, removed = false) => line({ domainMetadata: { domain: name, configuration, removed } });

function put(store: MemoryStore, version: number, lines: string[], time = version * 1000): void {
  store.putWithTime(commitKey('', version), encoder.encode(lines.join('\n') + '\n'), time);
}

function storeWith(commits: string[][]): MemoryStore {
  const store = new MemoryStore();
  commits.forEach((lines, version) => put(store, version, lines));
  return store;
}

const load = (store: MemoryStore, version?: number) => loadSnapshot(store, '', { codec: parquetCodec, version });

/** Update from every earlier version to every later one; each must equal loadSnapshot there. */
async function expectEveryUpdateMatches(store: MemoryStore): Promise<void> {
  const head = (await load(store)).version;
  for (let from = 0; from <= head; from++) {
    const base = await load(store, from);
    for (let to = from; to <= head; to++) {
      expect(await updateSnapshot(store, base, { codec: parquetCodec, version: to }), `${from} -> ${to}`).toStrictEqual(await load(store, to));
    }
    expect(await updateSnapshot(store, base, { codec: parquetCodec }), `${from} -> HEAD`).toStrictEqual(await load(store));
  }
}

describe('updateSnapshot', () => {
  it('replays appends and removes, deletion vectors and a path removed then added again, as loadSnapshot orders them', async () => {
    await expectEveryUpdateMatches(storeWith([
      [commitInfo(), protocol(3, 7, { readerFeatures: ['deletionVectors'], writerFeatures: ['deletionVectors'] }), metaData(), add('a'), add('b'), add('c')],
      [commitInfo(), remove('a'), add('d')],
      [commitInfo(), remove('b'), add('b', dv('x'))],
      [commitInfo(), add('a'), remove('c')],
      [commitInfo(), remove('b', dv('x')), add('b', dv('y')), add('e')],
    ]));
  });

  it('takes metadata and protocol changes (a new schema, a new writer version)', async () => {
    await expectEveryUpdateMatches(storeWith([
      [commitInfo(), protocol(), metaData(), add('a')],
      [commitInfo(), metaData({ 'delta.appendOnly': 'true' })],
      [commitInfo(), add('b')],
      [commitInfo(), metaData({}, ['id', 'name'])],
      [commitInfo(), protocol(1, 4), add('c')],
    ]));
  });

  it('keeps the latest txn per appId and domain metadata with tombstones, without touching the snapshot it started from', async () => {
    const store = storeWith([
      [commitInfo(), protocol(), metaData(), txn('app', 1), domain('d1', '{"a":1}'), domain('d2', '{}')],
      [commitInfo(), txn('app', 2), txn('other', 7), domain('d1', '{"a":2}')],
      [commitInfo(), domain('d2', '', true), add('a')],
      [commitInfo(), domain('d2', '{"back":true}'), txn('app', 3)],
    ]);
    await expectEveryUpdateMatches(store);
    const base = await load(store, 0);
    const copy = structuredClone(base);
    const updated = await updateSnapshot(store, base, { codec: parquetCodec });
    expect(updated.appTransactions.get('app')?.version).toBe(3);
    expect(base).toStrictEqual(copy);
  });

  it("gives the new version's own time: its in-commit timestamp, else its commitInfo.timestamp", async () => {
    const ict = { 'delta.enableInCommitTimestamps': 'true', 'delta.inCommitTimestampEnablementVersion': '2' };
    const store = storeWith([
      [commitInfo(), protocol(), metaData(), add('a')],
      [commitInfo({ timestamp: 1_500 }), add('b')],
      [commitInfo({ inCommitTimestamp: 50_000 }), metaData(ict)],
      [commitInfo({ inCommitTimestamp: 60_000 }), add('c')],
    ]);
    await expectEveryUpdateMatches(store);
    expect((await updateSnapshot(store, await load(store, 0), { codec: parquetCodec, version: 1 })).timestamp).toBe(1_500);
    expect((await updateSnapshot(store, await load(store, 0), { codec: parquetCodec })).timestamp).toBe(60_000);
  });

  it('reads only the commits after the snapshot, with one listing', async () => {
    const memory = storeWith([[commitInfo(), protocol(), metaData(), add('a')], [add('b')], [add('c')], [add('d')]]);
    const store = new CountingStore(memory);
    const base = await loadSnapshot(store, '', { codec: parquetCodec, version: 1 });
    store.reset();
    const updated = await updateSnapshot(store, base, { codec: parquetCodec });
    expect(updated.version).toBe(3);
    expect(store.counts()).toMatchObject({ list: 1, get: 2, keysRead: [commitKey('', 2), commitKey('', 3)] });
    store.reset();
    expect(await updateSnapshot(store, updated, { codec: parquetCodec })).toBe(updated);
    expect(store.counts()).toMatchObject({ list: 1, get: 0 });
  });

  it('lists the log from the snapshot\'s version on, and gives the same from a store that lists it all', async () => {
    const memory = storeWith([[commitInfo(), protocol(), metaData(), add('a')], [commitInfo(), add('b')], [commitInfo(), remove('a')], [commitInfo(), add('c')]]);
    const asked: (ListOptions | undefined)[] = [];
    const wrap = (keepHint: boolean): ObjectStore => Object.assign(Object.create(memory) as ObjectStore, {
      list: (prefix: string, options?: ListOptions) => {
        asked.push(options);
        return memory.list(prefix, keepHint ? options : { ...options, startAfter: undefined });
      },
    });
    const base = await load(memory, 1);
    const honoured = await updateSnapshot(wrap(true), base, { codec: parquetCodec });
    expect(asked.map((o) => o?.startAfter)).toEqual(['_delta_log/00000000000000000001']);
    expect(honoured).toStrictEqual(await load(memory));
    expect(await updateSnapshot(wrap(false), base, { codec: parquetCodec })).toStrictEqual(honoured);
  });

  it('does not look for a checkpoint written before the snapshot\'s version after it was read: same table, other files', async () => {
    const fixture = await fixtureTable('delta-rs/simple_table_with_checkpoint');
    const store = new MemoryStore();
    for (const [key, entry] of fixture) if (!key.includes('.checkpoint.')) store.putWithTime(key, entry.data, entry.lastModified);
    const atTen = await load(store, 10);
    put(store, 11, [commitInfo(), remove(atTen.files[0]!.path)]);
    const atEleven = await load(store, 11);
    const checkpoint = [...fixture].find(([key]) => key.includes('.checkpoint.'))!;
    store.putWithTime(checkpoint[0], checkpoint[1].data, checkpoint[1].lastModified);
    put(store, 12, [commitInfo(), add('new')]);
    const loaded = await load(store);
    expect(loaded.logSegment.checkpoint?.version).toBe(10);
    // From 10, the listing from 10 on shows the checkpoint at 10: loadSnapshot's result exactly.
    expect(await updateSnapshot(store, atTen, { codec: parquetCodec })).toStrictEqual(loaded);
    // From 11 it does not: the same table state, replayed from version 0 as the snapshot was.
    const updated = await updateSnapshot(store, atEleven, { codec: parquetCodec });
    expect(updated.logSegment.checkpoint).toBeUndefined();
    expect(new Set(updated.files.map((f) => f.path))).toEqual(new Set(loaded.files.map((f) => f.path)));
    expect({ ...updated, files: [], logSegment: undefined }).toStrictEqual({ ...loaded, files: [], logSegment: undefined });
  });

  it('chains: an updated snapshot updates again to the same as loadSnapshot', async () => {
    const store = storeWith([[commitInfo(), protocol(), metaData(), add('a')], [commitInfo(), add('b')]]);
    let snapshot = await load(store);
    for (let version = 2; version < 6; version++) {
      put(store, version, [commitInfo(), add(`f${version}`), remove(`f${version - 1}`)]);
      snapshot = await updateSnapshot(store, snapshot, { codec: parquetCodec });
      expect(snapshot).toStrictEqual(await load(store));
    }
  });

  it('loads a version before the snapshot, and says which versions exist for one after HEAD, as loadSnapshot does', async () => {
    const store = storeWith([[commitInfo(), protocol(), metaData(), add('a')], [commitInfo(), add('b')], [commitInfo(), add('c')]]);
    const head = await load(store);
    expect(await updateSnapshot(store, head, { codec: parquetCodec, version: 1 })).toStrictEqual(await load(store, 1));
    await expect(updateSnapshot(store, head, { codec: parquetCodec, version: 5 })).rejects.toMatchObject({ code: 'NotFound', message: expect.stringContaining('versions 0 to 2') });
  });

  it('refuses a gap after the snapshot with the error loadSnapshot raises', async () => {
    const store = storeWith([[commitInfo(), protocol(), metaData(), add('a')], [commitInfo(), add('b')]]);
    const base = await load(store);
    put(store, 3, [commitInfo(), add('d')]);
    const expected = await load(store).catch((error: unknown) => error);
    expect(expected).toMatchObject({ code: 'Corrupt', message: expect.stringContaining('missing commit 00000000000000000002.json') });
    await expect(updateSnapshot(store, base, { codec: parquetCodec })).rejects.toEqual(expected);
  });

  it('refuses a table it cannot read after a protocol change, as loadSnapshot does', async () => {
    const store = storeWith([[commitInfo(), protocol(), metaData(), add('a')]]);
    const base = await load(store);
    put(store, 1, [commitInfo(), protocol(3, 7, { readerFeatures: ['futureFeature'], writerFeatures: ['futureFeature'] })]);
    const expected = await load(store).catch((error: unknown) => error);
    expect(expected).toMatchObject({ code: 'Unsupported' });
    await expect(updateSnapshot(store, base, { codec: parquetCodec })).rejects.toEqual(expected);
  });

  it('starts from a checkpoint written after the snapshot, as loadSnapshot does', async () => {
    const fixture = await fixtureTable('delta-rs/simple_table_with_checkpoint');
    const store = new MemoryStore();
    const isCommitUpTo = (key: string, version: number) => /_delta_log\/\d{20}\.json$/.test(key) && Number(key.slice(-25, -5)) <= version;
    const copy = (keep: (key: string) => boolean) => {
      for (const [key, entry] of fixture) if (keep(key)) store.putWithTime(key, entry.data, entry.lastModified);
    };
    copy((key) => !key.startsWith('_delta_log/') || isCommitUpTo(key, 5));
    const atFive = await load(store);
    expect(atFive.version).toBe(5);
    copy((key) => isCommitUpTo(key, 10));
    const atTen = await updateSnapshot(store, atFive, { codec: parquetCodec });
    expect(atTen).toStrictEqual(await load(store));
    expect(atTen.logSegment.checkpoint).toBeUndefined();
    // The checkpoint at 10 appears: from 5 and from 10 alike, loadSnapshot now starts from it.
    copy((key) => key.includes('.checkpoint.'));
    for (const base of [atFive, atTen]) {
      const updated = await updateSnapshot(store, base, { codec: parquetCodec });
      expect(updated).toStrictEqual(await load(store));
      expect(updated.logSegment.checkpoint).toMatchObject({ version: 10, kind: 'classic' });
    }
    // Before the checkpoint, replay from version 0 is still what loadSnapshot does.
    expect(await updateSnapshot(store, atFive, { codec: parquetCodec, version: 8 })).toStrictEqual(await load(store, 8));
  });
});
