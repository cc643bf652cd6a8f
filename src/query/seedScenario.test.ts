/**
 * The seed scenario end to end (shared/notes/seed-scenario.md): a merge pinned to the version
 * the source rows were computed from, and what happens when a delete races it.
 */
import { describe, expect, it } from 'vitest';
import { WriteHarness } from '../../test/support/writeHarness.ts';
import { readBatches, rowsNotYetIn, seedSchema } from '../../test/seedScenario.ts';
import type { MergeSpec } from '../core/delta/operations/merge.ts';
import { toUserMessage } from '../core/delta/conflicts/conflict.ts';
import { runMerge } from './mergeExecutor.ts';
import { runDelete } from './deleteUpdateExecutor.ts';

const merge: MergeSpec = {
  predicate: 't.filename = s.filename',
  sourceAlias: 's',
  targetAlias: 't',
  clauses: [{ kind: 'whenNotMatchedInsertAll' }],
};

async function bootstrap(): Promise<{ h: WriteHarness; vB: number; source: Record<string, unknown>[] }> {
  const h = new WriteHarness();
  const vB = await h.create(seedSchema, readBatches([1]));
  const source = rowsNotYetIn(readBatches([1, 2, 3, 4, 5]), await h.rows(vB));
  return { h, vB, source };
}

describe('the seed scenario', () => {
  it('merges the 80 new rows pinned at vB, and the same merge again inserts nothing', async () => {
    const { h, vB, source } = await bootstrap();
    expect(vB).toBe(0);
    expect(source).toHaveLength(80);
    const first = await runMerge(await h.snapshot(vB), merge, source, h.context);
    expect(first.metrics).toMatchObject({ num_source_rows: 80, num_target_rows_inserted: 80, num_target_rows_updated: 0, num_target_rows_deleted: 0, num_target_files_removed: 0 });
    expect(first.transaction.readWholeTable).toBe(true);
    expect(await h.committed(first.transaction)).toBe(1);
    expect(await h.rows()).toHaveLength(100);

    const again = await runMerge(await h.snapshot(1), merge, source, h.context);
    expect(again.metrics.num_target_rows_inserted).toBe(0);
    expect(await h.committed(again.transaction)).toBe(2);
    expect(await h.rows()).toHaveLength(100);
  });

  it('a pinned merge that lost the race to a delete fails as delta-rs fails', async () => {
    const { h, vB, source } = await bootstrap();
    const pinned = await runMerge(await h.snapshot(vB), merge, source, h.context);
    // A parallel job deletes batch_001's rows between the read at vB and the merge's commit.
    expect(await h.committed(await runDelete(await h.snapshot(), "filename = 'batch_001.csv'", h.context))).toBe(1);
    const outcome = await h.commit(pinned.transaction);
    expect(outcome.status).toBe('conflict');
    if (outcome.status !== 'conflict') return;
    expect(outcome.message).toBe(toUserMessage(outcome.conflict));
    expect(outcome.message.split('\n')[0]).toBe('Failed to commit transaction: Commit failed: a concurrent transaction deleted data this operation read.');
    expect(outcome.conflict).toMatchObject({ kind: 'ConcurrentDeleteRead', winningVersion: 1, winningOperation: 'DELETE' });
    expect(await h.rows()).toHaveLength(0); // the table is as the delete left it
  });

  it('bound at merge start (after the delete), the same merge succeeds and misses the delete', async () => {
    const { h, vB, source } = await bootstrap();
    await h.committed(await runDelete(await h.snapshot(), "filename = 'batch_001.csv'", h.context));
    const head = await h.snapshot();
    const bound = await runMerge(head, merge, source, h.context);
    expect(bound.transaction.readVersion).toBe(1);
    expect(await h.committed(bound.transaction)).toBe(2);
    const rows = await h.rows();
    expect(rows).toHaveLength(80);
    // What it missed: the rows were computed from vB, where batch_001 still existed.
    expect(head.version - vB).toBe(1);
    expect(rows.some((r) => r.filename === 'batch_001.csv')).toBe(false);
  });

  it('a non-streamed merge reads only the files its filter reaches, so a delete elsewhere does not conflict', async () => {
    const { h, vB, source } = await bootstrap();
    const narrow = await runMerge(await h.snapshot(vB), { ...merge, streamedExec: false }, source, h.context);
    expect(narrow.transaction.readWholeTable).toBe(false);
    expect(narrow.transaction.readPredicateText).toBe("filename >= 'batch_002.csv' AND filename <= 'batch_005.csv'");
    expect(narrow.transaction.readFiles).toEqual([]);
    await h.committed(await runDelete(await h.snapshot(), "filename = 'batch_001.csv'", h.context));
    expect((await h.commit(narrow.transaction)).status).toBe('committed');
    expect(await h.rows()).toHaveLength(80);
  });
});
