/**
 * Racing writers on a real folder (NodeFsStore, putIfAbsent by exclusive create): concurrent
 * blind appends all land at contiguous versions; overlapping overwrites get delta-rs's verdict
 * for their isolation level; disjoint ones both commit. Every table reads back exactly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { WriteHarness, sortById } from '../../test/support/writeHarness.ts';
import type { StructType } from '../core/delta/schemaTypes.ts';
import type { IsolationLevel } from '../core/delta/transaction.ts';
import { loadHistory } from '../core/delta/history.ts';
import { runAppend, runOverwrite } from './writeExecutor.ts';
import { runDelete } from './deleteUpdateExecutor.ts';

const schema: StructType = { type: 'struct', fields: [
  { name: 'id', type: 'long', nullable: false, metadata: {} },
  { name: 'p', type: 'string', nullable: true, metadata: {} },
] };
const row = (id: number, p = 'a') => ({ id, p });

let dir = '';
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

function folderHarness(): WriteHarness {
  dir = mkdtempSync(join(tmpdir(), 'lakelab-race-'));
  return new WriteHarness(new NodeFsStore(dir));
}

describe('racing writers on a folder', () => {
  it('8 concurrent blind appends all commit, at versions 1..8, with the union of their rows', async () => {
    const h = folderHarness();
    await h.create(schema, [row(0)], ['p']);
    const base = await h.snapshot();
    const ids = [1, 2, 3, 4, 5, 6, 7, 8];
    const txs = await Promise.all(ids.map((id) => runAppend(base, [row(id, id % 2 ? 'a' : 'b')], h.context)));
    const outcomes = await Promise.all(txs.map((tx) => h.commit(tx)));
    expect(outcomes.every((o) => o.status === 'committed')).toBe(true);
    expect(outcomes.map((o) => (o.status === 'committed' ? o.version : -1)).sort((a, b) => a - b)).toEqual(ids);
    expect(sortById(await h.rows())).toEqual([row(0), ...ids.map((id) => row(id, id % 2 ? 'a' : 'b'))]);
    const history = await loadHistory(h.store, '');
    expect(history.filter((e) => e.commitInfo?.isBlindAppend === true)).toHaveLength(8);
  });

  const overlapping: [IsolationLevel, string][] = [
    ['Serializable', 'ConcurrentAppend'],
    ['WriteSerializable', 'ConcurrentAppend'],
    ['SnapshotIsolation', 'ConcurrentDeleteRead'],
  ];
  for (const [isolationLevel, kind] of overlapping) {
    it(`two overwrites of the same partition under ${isolationLevel}: the later fails with ${kind}`, async () => {
      const h = folderHarness();
      await h.create(schema, [row(1), row(2, 'b')], ['p']);
      const base = await h.snapshot();
      const context = { ...h.context, isolationLevel };
      const first = await runOverwrite(base, [row(10)], "p = 'a'", context);
      const second = await runOverwrite(base, [row(20)], "p = 'a'", context);
      expect(await h.committed(first)).toBe(1);
      const outcome = await h.commit(second);
      expect(outcome).toMatchObject({ status: 'conflict', conflict: { kind, winningVersion: 1, isolationLevel } });
      expect(sortById(await h.rows())).toEqual([row(2, 'b'), row(10)]);
    });
  }

  it('an overwrite of one partition and an append to another both commit', async () => {
    const h = folderHarness();
    await h.create(schema, [row(1), row(2, 'b')], ['p']);
    const base = await h.snapshot();
    const overwrite = await runOverwrite(base, [row(10)], "p = 'a'", h.context);
    const append = await runAppend(base, [row(3, 'b')], h.context);
    expect(await h.committed(append)).toBe(1);
    expect(await h.committed(overwrite)).toBe(2);
    expect(sortById(await h.rows())).toEqual([row(2, 'b'), row(3, 'b'), row(10)]);
    expect(sortById(await h.rows(1))).toEqual([row(1), row(2, 'b'), row(3, 'b')]);
  });

  it('a DELETE without a predicate racing an append commits, as in delta-rs (it read every file, not "the whole table")', async () => {
    const h = folderHarness();
    await h.create(schema, [row(1), row(2, 'b')], ['p']);
    const base = await h.snapshot();
    const deleteAll = await runDelete(base, undefined, h.context);
    expect(deleteAll.readWholeTable).toBe(false);
    expect(await h.committed(await runAppend(base, [row(3)], h.context))).toBe(1);
    expect(await h.committed(deleteAll)).toBe(2);
    expect(sortById(await h.rows())).toEqual([row(3)]);
  });

  it('a DELETE without a predicate racing another DELETE fails with ConcurrentDeleteRead', async () => {
    const h = folderHarness();
    await h.create(schema, [row(1), row(2, 'b')], ['p']);
    const base = await h.snapshot();
    const deleteAll = await runDelete(base, undefined, h.context);
    expect(await h.committed(await runDelete(base, 'id = 2', h.context))).toBe(1);
    expect(await h.commit(deleteAll)).toMatchObject({ status: 'conflict', conflict: { kind: 'ConcurrentDeleteRead', winningOperation: 'DELETE' } });
  });
});
