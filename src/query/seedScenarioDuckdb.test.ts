/**
 * The seed scenario with its DuckDB step run in duckdb-wasm, as the write-up does it
 * (shared/notes/seed-scenario.md): CSV batches read with read_csv(filename=true), B registered
 * at version vB, the rows of unseen batches selected in SQL, then merged pinned at vB (the
 * merge's join also in duckdb-wasm).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WriteHarness } from '../../test/support/writeHarness.ts';
import { batchCsv, readBatches, rowsNotYetIn, seedSchema } from '../../test/seedScenario.ts';
import type { MergeSpec } from '../core/delta/operations/merge.ts';
import { openNodeSqlEngine } from './duckdbNode.ts';
import type { SqlEngine } from './duckdbEngine.ts';
import { registerSnapshot } from './registerSnapshot.ts';
import { loadSqlSource } from './sqlSource.ts';
import { runMerge } from './mergeExecutor.ts';
import { runDelete } from './deleteUpdateExecutor.ts';

const merge: MergeSpec = { predicate: 't.filename = s.filename', sourceAlias: 's', targetAlias: 't', clauses: [{ kind: 'whenNotMatchedInsertAll' }] };
const batchFiles = [1, 2, 3, 4, 5].map((b) => `source_csv/${batchCsv(b).name}`);
const newRowsSql = `
  SELECT s.id, s.value, parse_filename(s.filename) AS filename
  FROM read_csv([${batchFiles.map((f) => `'${f}'`).join(', ')}], filename=true) s
  WHERE parse_filename(s.filename) NOT IN (SELECT DISTINCT filename FROM tgt)
  ORDER BY s.id`;

describe('the seed scenario, its DuckDB step in duckdb-wasm', () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await openNodeSqlEngine();
    for (const b of [1, 2, 3, 4, 5]) {
      const { name, text } = batchCsv(b);
      await engine.registerCsv(`source_csv/${name}`, new TextEncoder().encode(text));
    }
  }, 30_000);
  afterAll(async () => { await engine.close(); });

  async function diffAt(h: WriteHarness, version: number) {
    await registerSnapshot(engine, h.store, await h.snapshot(version), { name: 'tgt' });
    return loadSqlSource(engine, newRowsSql);
  }

  it('SQL at vB finds the 80 rows of batches 2-5; merged pinned at vB they are inserted once', async () => {
    const h = new WriteHarness(undefined, 1, engine);
    const vB = await h.create(seedSchema, readBatches([1]));
    const source = await diffAt(h, vB);
    expect(source.schema.fields.map((f) => [f.name, f.type])).toEqual([['id', 'long'], ['value', 'double'], ['filename', 'string']]);
    expect(source.rows).toHaveLength(80);
    // The same rows as the plain-code diff over the CSV text (an independent path).
    const expected = rowsNotYetIn(readBatches([1, 2, 3, 4, 5]), await h.rows(vB));
    expect(source.rows.map((r) => `${r.id}|${r.value}|${r.filename}`)).toEqual(expected.map((r) => `${Number(r.id)}|${Number(r.value)}|${r.filename}`));

    const first = await runMerge(await h.snapshot(vB), merge, source.rows, h.context);
    expect(first.metrics).toMatchObject({ num_source_rows: 80, num_target_rows_inserted: 80, num_target_rows_copied: 0 });
    expect(await h.committed(first.transaction)).toBe(1);
    expect((await diffAt(h, 1)).rows).toHaveLength(0);
    const again = await runMerge(await h.snapshot(1), merge, source.rows, h.context);
    expect(again.metrics.num_target_rows_inserted).toBe(0);
    await h.committed(again.transaction);
    await registerSnapshot(engine, h.store, await h.snapshot(), { name: 'b_now' });
    const counts = (await engine.query('SELECT filename, count(*)::INTEGER AS n FROM b_now GROUP BY filename ORDER BY filename')).toArray().map((r) => ({ ...r.toJSON() }));
    expect(counts).toEqual([1, 2, 3, 4, 5].map((b) => ({ filename: batchCsv(b).name, n: 20 })));
  });

  it('pinned at vB, a racing delete fails the merge; recomputing the diff at HEAD and retrying ingests what the bound merge misses', async () => {
    const h = new WriteHarness(undefined, 1, engine);
    const vB = await h.create(seedSchema, readBatches([1]));
    const source = await diffAt(h, vB);
    const pinned = await runMerge(await h.snapshot(vB), merge, source.rows, h.context);
    await h.committed(await runDelete(await h.snapshot(), "filename = 'batch_001.csv'", h.context));
    const outcome = await h.commit(pinned.transaction);
    expect(outcome.status).toBe('conflict');
    if (outcome.status !== 'conflict') return;
    expect(outcome.conflict.kind).toBe('ConcurrentDeleteRead');
    expect(outcome.message.split('\n')[0]).toBe('Failed to commit transaction: Commit failed: a concurrent transaction deleted data this operation read.');

    // The remedy: recompute the diff against fresh state and retry.
    const fresh = await diffAt(h, 1);
    expect(fresh.rows).toHaveLength(100);
    const retry = await runMerge(await h.snapshot(1), merge, fresh.rows, h.context);
    expect(await h.committed(retry.transaction)).toBe(2);
    expect(await h.rows()).toHaveLength(100);

    // Bound at merge start instead (HEAD after the delete, with the rows computed at vB): it
    // commits, and batch_001's 20 rows, which the fresh diff re-ingests, are missing.
    const b = new WriteHarness(undefined, 1, engine);
    await b.create(seedSchema, readBatches([1]));
    const stale = await diffAt(b, 0);
    await b.committed(await runDelete(await b.snapshot(), "filename = 'batch_001.csv'", b.context));
    const bound = await runMerge(await b.snapshot(), merge, stale.rows, b.context);
    expect(await b.committed(bound.transaction)).toBe(2);
    const boundRows = await b.rows();
    expect(boundRows).toHaveLength(80);
    expect(boundRows.filter((r) => r.filename === 'batch_001.csv')).toHaveLength(0);
    expect((await diffAt(b, 2)).rows.map((r) => r.filename)).toEqual(Array(20).fill('batch_001.csv'));
  });
});
