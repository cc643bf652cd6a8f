/**
 * The commit loop on a real MemoryStore: commit files as delta-rs writes them, retries past
 * winners that do not conflict, the first conflicting winner's verdict, the retry bound,
 * in-commit timestamps, and the log parsed back against the protocol's required fields.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import type { ListOptions, ListPage, PutOptions, PutIfAbsentOutcome } from '../objectStore.ts';
import type { Action, Add } from './actions.ts';
import type { StructType } from './schemaTypes.ts';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { loadSnapshot } from './loadSnapshot.ts';
import { loadCommit } from './loadCommits.ts';
import { parseActions } from './parseActions.ts';
import { commitKey } from './logPaths.ts';
import { commitTransaction, type CommitEvent } from './commitTransaction.ts';
import { toCommitBytes, type Transaction } from './transaction.ts';
import { planCreateTable } from './operations/createTable.ts';
import { planAppend, planOverwrite } from './operations/write.ts';
import { checkConflictSpark } from './conflicts/sparkRules.ts';

const schema: StructType = { type: 'struct', fields: [
  { name: 'id', type: 'long', nullable: false, metadata: {} },
  { name: 'p', type: 'string', nullable: true, metadata: {} },
] };

const add = (path: string, p = 'a'): Add => ({
  path, partitionValues: { p }, size: 10, modificationTime: 1, dataChange: true,
  stats: JSON.stringify({ numRecords: 1, minValues: { id: 1 }, maxValues: { id: 1 }, nullCount: { id: 0 } }),
});

/** A store where another writer commits a blind append at each commit version first, `races` times. */
class RacingStore extends MemoryStore {
  constructor(public races = 0) {
    super();
  }

  override async putIfAbsent(key: string, data: Uint8Array, options?: PutOptions): Promise<PutIfAbsentOutcome> {
    if (this.races > 0 && key.startsWith('_delta_log/') && key.endsWith('.json')) {
      this.races--;
      const theirs = toCommitBytes({ timestamp: 5, operation: 'WRITE', isBlindAppend: true }, [{ add: add(`theirs-${this.races}.parquet`) }]);
      await super.putIfAbsent(key, theirs);
    }
    return super.putIfAbsent(key, data, options);
  }
}

/** A RacingStore whose listing lags: it does not show the racing writer's commits. */
class LaggingListStore extends RacingStore {
  readonly hidden = new Set<string>();

  override async putIfAbsent(key: string, data: Uint8Array, options?: PutOptions): Promise<PutIfAbsentOutcome> {
    if (this.races > 0) this.hidden.add(key);
    return super.putIfAbsent(key, data, options);
  }

  override async *list(prefix: string, options: ListOptions = {}): AsyncIterable<ListPage> {
    for await (const page of super.list(prefix, options)) yield { ...page, objects: page.objects.filter((o) => !this.hidden.has(o.key)) };
  }
}

async function newTable(store: MemoryStore, clock: ManualClock, configuration: Record<string, string> = {}) {
  const create = planCreateTable({ tableRoot: '', id: 'table-1', schema, partitionColumns: ['p'], configuration, createdTime: clock.now(), adds: [add('first.parquet')] });
  const outcome = await commitTransaction(store, create, { clock, engineInfo: 'Lakelab/test' });
  expect(outcome.status).toBe('committed');
  return loadSnapshot(store, '', { codec: parquetCodec });
}

describe('commitTransaction', () => {
  it('writes commitInfo first, then one action per line, at readVersion + 1', async () => {
    const store = new MemoryStore();
    const clock = new ManualClock(1_700_000_000_000);
    const snapshot = await newTable(store, clock);
    clock.advance(500);
    const outcome = await commitTransaction(store, planAppend(snapshot, [add('second.parquet')]), { clock, engineInfo: 'Lakelab/0.1.0' });
    expect(outcome).toMatchObject({ status: 'committed', version: 1, attempts: 1 });
    const text = new TextDecoder().decode(await store.get(commitKey('', 1)));
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as Action);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({ commitInfo: {
      timestamp: 1_700_000_000_500, operation: 'WRITE', operationParameters: { mode: 'Append', partitionBy: '["p"]' },
      operationMetrics: { num_added_files: 1, num_added_rows: 1, num_partitions: 0, num_removed_files: 0 }, readVersion: 0, isolationLevel: 'Serializable',
      isBlindAppend: true, engineInfo: 'Lakelab/0.1.0',
    } });
    expect(lines[1]).toEqual({ add: add('second.parquet') });
  });

  it('writes a log whose every action has the protocol\'s required fields', async () => {
    const store = new MemoryStore();
    const clock = new ManualClock(1_700_000_000_000);
    const snapshot = await newTable(store, clock);
    await commitTransaction(store, planOverwrite(snapshot, [add('b.parquet', 'b')], { now: clock.now() }), { clock, engineInfo: 'Lakelab/test' });
    for (const version of [0, 1]) {
      const actions = parseActions(await store.get(commitKey('', version)), `${version}.json`);
      expect(Object.keys(actions[0]!)).toEqual(['commitInfo']);
      for (const action of actions) {
        if ('add' in action) expect(action.add).toEqual(expect.objectContaining({ path: expect.any(String), partitionValues: expect.any(Object), size: expect.any(Number), modificationTime: expect.any(Number), dataChange: expect.any(Boolean) }));
        if ('remove' in action) expect(action.remove).toEqual(expect.objectContaining({ path: expect.any(String), dataChange: true, deletionTimestamp: expect.any(Number) }));
        if ('metaData' in action) expect(action.metaData).toEqual(expect.objectContaining({ id: 'table-1', format: { provider: 'parquet', options: {} }, schemaString: expect.any(String), partitionColumns: ['p'], configuration: {} }));
        if ('protocol' in action) expect(action.protocol).toEqual({ minReaderVersion: 1, minWriterVersion: 2 });
      }
    }
    const overwrite = await loadCommit(store, '', 1);
    expect(overwrite.actions.filter((a) => 'remove' in a).map((a) => ('remove' in a ? a.remove.path : ''))).toEqual(['first.parquet']);
  });

  it('retries past winners that do not conflict, checking each one', async () => {
    const store = new RacingStore();
    const clock = new ManualClock(1_700_000_000_000);
    const snapshot = await newTable(store, clock);
    store.races = 3;
    const events: CommitEvent[] = [];
    const outcome = await commitTransaction(store, planAppend(snapshot, [add('mine.parquet')]), { clock, engineInfo: 'Lakelab/test', onEvent: (e) => events.push(e) });
    expect(outcome).toMatchObject({ status: 'committed', version: 4, attempts: 4 });
    expect(events.filter((e) => e.kind === 'checked').map((e) => e.winningVersion)).toEqual([1, 2, 3]);
    expect((await loadSnapshot(store, '', { codec: parquetCodec })).files).toHaveLength(5);
  });

  it('gives up after delta-rs\'s 15 retries, and at once with max retries 0', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const store = new RacingStore();
    const snapshot = await newTable(store, clock);
    store.races = 100;
    const tx = planAppend(snapshot, [add('mine.parquet')]);
    expect(await commitTransaction(store, tx, { clock, engineInfo: 'Lakelab/test' })).toEqual({ status: 'exhausted', attempts: 16, message: 'Failed to commit transaction: 15' });
    const moved = await commitTransaction(store, tx, { clock, engineInfo: 'Lakelab/test', maxRetries: 0 });
    expect(moved).toEqual({ status: 'exhausted', attempts: 1, message: 'Failed to commit transaction: 0' });
  });

  it('returns the first conflicting winner, with delta-rs\'s or Spark\'s rules', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const store = new MemoryStore();
    const snapshot = await newTable(store, clock);
    const remover: Transaction = planOverwrite(snapshot, [], { now: clock.now() });
    expect((await commitTransaction(store, remover, { clock, engineInfo: 'Lakelab/test' })).status).toBe('committed');
    const append = planAppend(snapshot, [add('mine.parquet')]);
    const deltaRs = await commitTransaction(store, append, { clock, engineInfo: 'Lakelab/test' });
    expect(deltaRs).toMatchObject({ status: 'conflict', attempts: 1, conflict: { kind: 'ConcurrentDeleteRead', winningVersion: 1, files: ['first.parquet'] } });
    expect(deltaRs.status === 'conflict' && deltaRs.message).toMatch(/^Failed to commit transaction: Commit failed: a concurrent transaction deleted data this operation read\.\nHelp: /);
    const spark = await commitTransaction(store, append, { clock, engineInfo: 'Lakelab/test', checkConflict: checkConflictSpark });
    expect(spark).toMatchObject({ status: 'committed', version: 2, attempts: 2 });
  });

  it('writes increasing in-commit timestamps when the table has them, even if the clock goes back', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const store = new MemoryStore();
    const snapshot = await newTable(store, clock, { 'delta.enableInCommitTimestamps': 'true' });
    expect(snapshot.protocol).toEqual({ minReaderVersion: 1, minWriterVersion: 7, writerFeatures: ['inCommitTimestamp'] });
    const first = await loadCommit(store, '', 0);
    expect(first.actions[0]).toMatchObject({ commitInfo: { inCommitTimestamp: 1_700_000_000_000 } });
    const behind = new ManualClock(1_600_000_000_000);
    const outcome = await commitTransaction(store, planAppend(snapshot, [add('late.parquet')]), { clock: behind, engineInfo: 'Lakelab/test' });
    expect(outcome.status === 'committed' && outcome.commitInfo.inCommitTimestamp).toBe(1_700_000_000_001);
    // A transaction that leaves the choice to the loop follows the previous commit.
    const plain = { ...planAppend(await loadSnapshot(store, '', { codec: parquetCodec }), [add('more.parquet')]), inCommitTimestamps: undefined };
    const followed = await commitTransaction(store, plain, { clock: behind, engineInfo: 'Lakelab/test' });
    expect(followed.status === 'committed' && followed.commitInfo.inCommitTimestamp).toBe(1_700_000_000_002);
  });

  it('writes no in-commit timestamp on a table without them', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const store = new MemoryStore();
    const snapshot = await newTable(store, clock);
    const outcome = await commitTransaction(store, { ...planAppend(snapshot, [add('x.parquet')]), inCommitTimestamps: undefined }, { clock, engineInfo: 'Lakelab/test' });
    expect(outcome.status === 'committed' && 'inCommitTimestamp' in outcome.commitInfo).toBe(false);
  });

  it('refuses to create a table where one already exists', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const store = new MemoryStore();
    await newTable(store, clock);
    const again = planCreateTable({ tableRoot: '', id: 'table-2', schema, createdTime: clock.now() });
    await expect(commitTransaction(store, again, { clock, engineInfo: 'Lakelab/test' })).rejects.toMatchObject({
      code: 'InvalidInput', message: expect.stringContaining('Tried committing existing table version: 0'),
    });
  });

  it('checks the winner at the taken version even when the listing does not show it yet', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    const store = new LaggingListStore();
    const snapshot = await newTable(store, clock);
    store.races = 1;
    const events: CommitEvent[] = [];
    const outcome = await commitTransaction(store, planAppend(snapshot, [add('mine.parquet')]), { clock, engineInfo: 'Lakelab/test', onEvent: (e) => events.push(e) });
    expect(outcome).toMatchObject({ status: 'committed', version: 2, attempts: 2 });
    expect(events.filter((e) => e.kind === 'checked').map((e) => e.winningVersion)).toEqual([1]);
  });
});
