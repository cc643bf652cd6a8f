import { describe, expect, it } from 'vitest';
import { WriteHarness, sortById } from '../../test/support/writeHarness.ts';
import type { StructType } from '../core/delta/schemaTypes.ts';
import { runAppend, runOverwrite } from './writeExecutor.ts';
import { runDelete, runUpdate } from './deleteUpdateExecutor.ts';
import { loadHistory } from '../core/delta/history.ts';
import { loadCommit } from '../core/delta/loadCommits.ts';

const schema: StructType = { type: 'struct', fields: [
  { name: 'id', type: 'long', nullable: false, metadata: {} },
  { name: 'value', type: 'string', nullable: true, metadata: {} },
  { name: 'amount', type: 'decimal(10,2)', nullable: true, metadata: {} },
  { name: 'at', type: 'timestamp', nullable: true, metadata: {} },
  { name: 'day', type: 'date', nullable: true, metadata: {} },
  { name: 'p', type: 'string', nullable: true, metadata: {} },
] };

const row = (id: number, p: string | null = 'a') => ({ id, value: `v${id}`, amount: `${id}.50`, at: `2026-01-0${(id % 9) + 1}T10:00:00.123456Z`, day: `2026-02-0${(id % 9) + 1}`, p });

describe('writes', () => {
  it('creates, appends, overwrites a partition, deletes and updates; every version reads back exactly', async () => {
    const h = new WriteHarness();
    expect(await h.create(schema, [row(1), row(2, 'b')], ['p'])).toBe(0);
    expect(await h.committed(await runAppend(await h.snapshot(), [row(3), row(4, null)], h.context))).toBe(1);
    expect(sortById(await h.rows(1))).toEqual([row(1), row(2, 'b'), row(3), row(4, null)]);
    expect(await h.committed(await runOverwrite(await h.snapshot(), [row(5, 'b')], "p = 'b'", h.context))).toBe(2);
    expect(sortById(await h.rows(2)).map((r) => r.id)).toEqual([1, 3, 4, 5]);
    expect(await h.committed(await runDelete(await h.snapshot(), 'id >= 4', h.context))).toBe(3);
    expect(sortById(await h.rows(3)).map((r) => r.id)).toEqual([1, 3]);
    expect(await h.committed(await runUpdate(await h.snapshot(), 'id = 3', { value: "'changed'", amount: '99.99' }, h.context))).toBe(4);
    expect(sortById(await h.rows(4))).toEqual([row(1), { ...row(3), value: 'changed', amount: '99.99' }]);
    // Time travel still sees every earlier version.
    expect(sortById(await h.rows(0)).map((r) => r.id)).toEqual([1, 2]);
    const history = await loadHistory(h.store, '');
    expect(history.map((e) => e.commitInfo?.operation)).toEqual(['UPDATE', 'DELETE', 'WRITE', 'WRITE', 'CREATE TABLE']);
    expect(history[1]?.commitInfo).toMatchObject({ readVersion: 2, isolationLevel: 'Serializable', isBlindAppend: false, engineInfo: 'Lakelab/test', operationParameters: { predicate: 'id >= 4' } });
    expect(history[1]?.commitInfo?.operationMetrics).toMatchObject({ num_deleted_rows: 2 });
    expect(history[3]?.commitInfo).toMatchObject({ isBlindAppend: true, operationParameters: { mode: 'Append' } });
  });

  it('writes valid actions with stats and Hive partition folders', async () => {
    const h = new WriteHarness();
    await h.create(schema, [row(1, 'x/y'), row(2, null)], ['p']);
    const commit = await loadCommit(h.store, '', 0);
    const adds = commit.actions.flatMap((a) => ('add' in a ? [a.add] : []));
    expect(adds.map((a) => a.path.split('/')[0]).sort()).toEqual(['p=__HIVE_DEFAULT_PARTITION__', 'p=x%252Fy']);
    expect(adds.map((a) => a.partitionValues.p).sort()).toEqual(['x/y', null].sort());
    const stats = JSON.parse(adds[0]!.stats!);
    expect(stats).toMatchObject({ numRecords: 1, nullCount: { id: 0 } });
    expect(Object.keys(stats.minValues).sort()).toEqual(['amount', 'at', 'day', 'id', 'value']);
    expect(commit.actions[0]).toHaveProperty('commitInfo');
    expect(commit.actions[1]).toMatchObject({ protocol: { minReaderVersion: 1, minWriterVersion: 2 } });
  });

  it('lets concurrent blind appends all succeed, at contiguous versions', async () => {
    const h = new WriteHarness();
    await h.create(schema, [row(1)], ['p']);
    const base = await h.snapshot();
    const txs = await Promise.all([2, 3, 4, 5, 6].map((id) => runAppend(base, [row(id)], h.context)));
    const outcomes = await Promise.all(txs.map((tx) => h.commit(tx)));
    expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('committed'));
    expect(outcomes.map((o) => (o.status === 'committed' ? o.version : -1)).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(sortById(await h.rows()).map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('fails an append racing a delete of an existing file, as delta-rs does', async () => {
    const h = new WriteHarness();
    await h.create(schema, [row(1), row(2)], ['p']);
    const base = await h.snapshot();
    const append = await runAppend(base, [row(3)], h.context);
    await h.committed(await runDelete(base, 'id = 1', h.context));
    const outcome = await h.commit(append);
    expect(outcome.status).toBe('conflict');
    expect(outcome.status === 'conflict' && outcome.conflict).toMatchObject({ kind: 'ConcurrentDeleteRead', winningVersion: 1, winningOperation: 'DELETE' });
    expect(sortById(await h.rows()).map((r) => r.id)).toEqual([2]);
  });

  it('gives up after max retries when the table keeps moving', async () => {
    const h = new WriteHarness();
    await h.create(schema, [row(1)]);
    const base = await h.snapshot();
    const late = await runAppend(base, [row(9)], h.context);
    await h.committed(await runAppend(base, [row(2)], h.context));
    const outcome = await h.commit(late, 0);
    expect(outcome).toMatchObject({ status: 'exhausted', message: 'Failed to commit transaction: 0' });
  });

  it('refuses bad rows with a clear error and leaves the table as it was', async () => {
    const h = new WriteHarness();
    await h.create(schema, [row(1)]);
    await expect(runAppend(await h.snapshot(), [{ id: 'one' }], h.context)).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('"id"') });
    await expect(runAppend(await h.snapshot(), [{ value: 'no id' }], h.context)).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('not nullable') });
    await expect(runDelete(await h.snapshot(), 'nope = 1', h.context)).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('no column "nope"') });
    // A column the table lacks would be dropped without a word: refused, as delta-rs refuses without schema merging.
    await expect(runAppend(await h.snapshot(), [{ ...row(2), colour: 'red' }], h.context)).rejects.toMatchObject({
      code: 'InvalidInput', message: 'the rows have column(s) the table does not: colour; the table has: id, value, amount, at, day, p (Lakelab does not add columns on write)',
    });
    await expect(runOverwrite(await h.snapshot(), [row(2)], "region = 'eu'", h.context)).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('no column "region"') });
    expect((await h.snapshot()).version).toBe(0);
    const dataFiles = [];
    for await (const page of h.store.list('')) dataFiles.push(...page.objects.filter((o) => !o.key.startsWith('_delta_log/')));
    expect(dataFiles).toHaveLength(1); // nothing written for the refused writes
  });

  it('refuses, naming the column, to write arrays and maps (read, queried, not yet written)', async () => {
    const h = new WriteHarness();
    const nested: StructType = { type: 'struct', fields: [
      { name: 'id', type: 'long', nullable: false, metadata: {} },
      { name: 's', type: { type: 'struct', fields: [{ name: 'tags', type: { type: 'array', elementType: 'string', containsNull: true }, nullable: true, metadata: {} }] }, nullable: true, metadata: {} },
    ] };
    await expect(h.create(nested, [{ id: 1, s: { tags: ['a'] } }])).rejects.toMatchObject({
      code: 'Unsupported', message: 'column "s" has type struct<tags: array<string>>: Lakelab does not write arrays or maps yet',
    });
  });
});
