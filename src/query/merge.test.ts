import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WriteHarness, sortById } from '../../test/support/writeHarness.ts';
import type { StructType } from '../core/delta/schemaTypes.ts';
import type { MergeClause } from '../core/delta/operations/merge.ts';
import { runMerge } from './mergeExecutor.ts';
import type { SqlEngine } from './duckdbEngine.ts';
import { openNodeSqlEngine } from './duckdbNode.ts';

const schema: StructType = { type: 'struct', fields: [
  { name: 'id', type: 'long', nullable: true, metadata: {} },
  { name: 'name', type: 'string', nullable: true, metadata: {} },
  { name: 'qty', type: 'integer', nullable: true, metadata: {} },
] };
const target = [{ id: 1, name: 'a', qty: 1 }, { id: 2, name: 'b', qty: 2 }, { id: 3, name: 'c', qty: 3 }];
const source = [{ id: 2, name: 'B', qty: 20 }, { id: 3, name: 'C', qty: 30 }, { id: 4, name: 'D', qty: 40 }];

let duckdb: SqlEngine;
beforeAll(async () => { duckdb = await openNodeSqlEngine(); }, 30_000);
afterAll(async () => { await duckdb.close(); });

// Every case runs twice: the join in duckdb-wasm (the page, the CLI) and in TypeScript (the simulator).
describe.each([['in duckdb-wasm', true], ['as a TypeScript hash join', false]])('MERGE, the join computed %s', (_, inDuckdb) => {
  const harness = () => new WriteHarness(undefined, 1, inDuckdb ? duckdb : undefined);

  async function mergeWith(clauses: MergeClause[], options: { predicate?: string; rows?: Record<string, unknown>[]; from?: Record<string, unknown>[] } = {}) {
    const h = harness();
    await h.create(schema, options.rows ?? target);
    const result = await runMerge(await h.snapshot(), { predicate: options.predicate ?? 't.id = s.id', sourceAlias: 's', targetAlias: 't', clauses }, options.from ?? source, h.context);
    await h.committed(result.transaction);
    return { rows: sortById(await h.rows()), metrics: result.metrics, tx: result.transaction };
  }

  it('upserts: update all matched, insert all not matched', async () => {
    const { rows, metrics } = await mergeWith([{ kind: 'whenMatchedUpdateAll' }, { kind: 'whenNotMatchedInsertAll' }]);
    expect(rows).toEqual([{ id: 1, name: 'a', qty: 1 }, { id: 2, name: 'B', qty: 20 }, { id: 3, name: 'C', qty: 30 }, { id: 4, name: 'D', qty: 40 }]);
    expect(metrics).toMatchObject({ num_source_rows: 3, num_target_rows_inserted: 1, num_target_rows_updated: 2, num_target_rows_deleted: 0, num_target_rows_copied: 1, num_output_rows: 4, num_target_files_removed: 1, num_target_files_added: 2 });
  });

  it('updates chosen columns under a condition, deletes others', async () => {
    const { rows, metrics } = await mergeWith([
      { kind: 'whenMatchedUpdate', set: { qty: 's.qty' }, condition: 's.qty > 25' },
      { kind: 'whenMatchedDelete' },
    ]);
    expect(rows).toEqual([{ id: 1, name: 'a', qty: 1 }, { id: 3, name: 'c', qty: 30 }]);
    expect(metrics).toMatchObject({ num_target_rows_updated: 1, num_target_rows_deleted: 1, num_target_rows_inserted: 0 });
  });

  it('inserts with values and a condition', async () => {
    const { rows } = await mergeWith([{ kind: 'whenNotMatchedInsert', values: { id: 's.id', name: "'new'" }, condition: 's.qty >= 40' }]);
    expect(rows.at(-1)).toEqual({ id: 4, name: 'new', qty: null });
  });

  it('updates and deletes target rows the source does not have (whole-table read)', async () => {
    const updated = await mergeWith([{ kind: 'whenNotMatchedBySourceUpdate', set: { qty: '0' } }]);
    expect(updated.rows[0]).toEqual({ id: 1, name: 'a', qty: 0 });
    expect(updated.tx.readWholeTable).toBe(true);
    const deleted = await mergeWith([{ kind: 'whenNotMatchedBySourceDelete', condition: 't.qty < 5' }]);
    expect(deleted.rows.map((r) => r.id)).toEqual([2, 3]);
  });

  it('records the early filter delta-rs derives when not streamed', async () => {
    const h = harness();
    await h.create(schema, target);
    const result = await runMerge(await h.snapshot(), { predicate: 't.id = s.id AND t.qty > 0', sourceAlias: 's', targetAlias: 't', clauses: [{ kind: 'whenMatchedUpdateAll' }], streamedExec: false }, source, h.context);
    expect(result.transaction.readPredicateText).toBe('id >= 2 AND id <= 4 AND qty > 0');
    expect(result.transaction.operationParameters).toMatchObject({ predicate: 't.id = s.id AND t.qty > 0', mergePredicate: 'id >= 2 AND id <= 4 AND qty > 0' });
  });

  it('refuses two source rows updating one target row', async () => {
    const h = harness();
    await h.create(schema, target);
    const twice = [{ id: 1, name: 'x', qty: 1 }, { id: 1, name: 'y', qty: 2 }];
    await expect(runMerge(await h.snapshot(), { predicate: 't.id = s.id', sourceAlias: 's', targetAlias: 't', clauses: [{ kind: 'whenMatchedUpdateAll' }] }, twice, h.context))
      .rejects.toMatchObject({ message: expect.stringContaining('multiple source rows matched') });
  });

  it('matches nothing on a null key, on either side, and matches a key that spells "null"', async () => {
    const rows = [{ id: 1, name: 'null', qty: 1 }, { id: 2, name: null, qty: 2 }];
    const from = [{ id: 10, name: 'null', qty: 10 }, { id: 20, name: null, qty: 20 }];
    const { rows: merged, metrics } = await mergeWith([{ kind: 'whenMatchedUpdate', set: { qty: 's.qty' } }, { kind: 'whenNotMatchedInsertAll' }], { predicate: 't.name = s.name', rows, from });
    expect(merged).toEqual([{ id: 1, name: 'null', qty: 10 }, { id: 2, name: null, qty: 2 }, { id: 20, name: null, qty: 20 }]);
    expect(metrics).toMatchObject({ num_target_rows_updated: 1, num_target_rows_inserted: 1, num_target_rows_copied: 1 });
  });

  it('joins source text with typed target columns, with backtick-quoted names and conditions on both sides', async () => {
    const from = [{ id: '1', name: 'A', qty: '9' }, { id: '2', name: 'B', qty: '1' }, { id: '3', name: 'C', qty: '9' }, { id: '5', name: 'E', qty: '9' }];
    const { rows, metrics } = await mergeWith([{ kind: 'whenMatchedUpdateAll' }, { kind: 'whenNotMatchedInsertAll' }], { predicate: 't.`id` = s.`id` AND s.qty > 5 AND t.qty < 3', from });
    // id 1: both conditions hold (updated); id 2: s.qty 1 is not > 5, so no match (inserted); id 3: t.qty 3 is not < 3 (inserted); id 5: no target row.
    expect(rows).toEqual([{ id: 1, name: 'A', qty: 9 }, { id: 2, name: 'b', qty: 2 }, { id: 2, name: 'B', qty: 1 }, { id: 3, name: 'c', qty: 3 }, { id: 3, name: 'C', qty: 9 }, { id: 5, name: 'E', qty: 9 }]);
    expect(metrics).toMatchObject({ num_target_rows_updated: 1, num_target_rows_inserted: 3 });
  });

  it('refuses a predicate naming a column the source or the table does not have (every row would silently go unmatched)', async () => {
    await expect(mergeWith([{ kind: 'whenNotMatchedInsertAll' }], { predicate: 't.id = s.ident' }))
      .rejects.toMatchObject({ code: 'InvalidInput', message: 'the merge predicate names s.ident, which the source does not have; it has: id, name, qty' });
    await expect(mergeWith([{ kind: 'whenNotMatchedInsertAll' }], { predicate: 't.id = s.id AND t.quantity > 1' }))
      .rejects.toMatchObject({ code: 'InvalidInput', message: 'the merge predicate names t.quantity, which the table does not have; it has: id, name, qty' });
  });

  it('keeps a backtick inside a string literal in the string (it once became a double quote for duckdb-wasm)', async () => {
    const rows = [{ id: 1, name: '`x`', qty: 1 }, { id: 2, name: '"x"', qty: 2 }, { id: 3, name: 'x', qty: 3 }];
    const { rows: left } = await mergeWith([{ kind: 'whenMatchedDelete' }], { predicate: "t.id = s.id AND t.name = '`x`'", rows, from: rows });
    expect(left.map((r) => r.id)).toEqual([2, 3]);
  });

  it('matches the rows a predicate names with quotes and backticks in its strings and names that need quoting', async () => {
    const quoted: StructType = { type: 'struct', fields: [
      { name: 'id', type: 'long', nullable: true, metadata: {} },
      { name: 'my name', type: 'string', nullable: true, metadata: {} },
      { name: 'select', type: 'long', nullable: true, metadata: {} },
      { name: 'MixedCase', type: 'string', nullable: true, metadata: {} },
    ] };
    const rows = [
      { id: 1, 'my name': '`x`', select: 1, MixedCase: 'A' },
      { id: 2, 'my name': '"x"', select: 2, MixedCase: 'a' },
      { id: 3, 'my name': 'x', select: 3, MixedCase: '`x`' },
      { id: 4, 'my name': "it's", select: 4, MixedCase: 'a AND b' },
    ];
    const deletedBy = async (predicate: string) => {
      const h = harness();
      await h.create(quoted, rows);
      const result = await runMerge(await h.snapshot(), { predicate, sourceAlias: 's', targetAlias: 't', clauses: [{ kind: 'whenMatchedDelete' }] }, rows.map(({ id }) => ({ id })), h.context);
      await h.committed(result.transaction);
      const left = new Set((await h.rows()).map((r) => r.id));
      return rows.map((r) => r.id).filter((id) => !left.has(id));
    };
    expect(await deletedBy("t.id = s.id AND t.`my name` = '`x`'")).toEqual([1]);
    expect(await deletedBy('t.id = s.id AND t."my name" = \'"x"\'')).toEqual([2]);
    expect(await deletedBy("t.id = s.id AND t.`my name` = 'it''s'")).toEqual([4]);
    expect(await deletedBy("t.id = s.id AND t.`select` >= 3 AND t.MixedCase = '`x`'")).toEqual([3]);
    expect(await deletedBy("t.id = s.id AND (t.`MixedCase` = 'a AND b' OR t.`my name` = '`x`')")).toEqual([1, 4]);
    expect(await deletedBy("(t.`my name` = 'x' OR t.`select` = 2) AND s.id = t.id")).toEqual([2, 3]);
  });

  it('matches keys exactly beyond 2^53 and on timestamps, whichever form the source gives them in', async () => {
    const wide: StructType = { type: 'struct', fields: [
      { name: 'id', type: 'long', nullable: true, metadata: {} },
      { name: 'at', type: 'timestamp', nullable: true, metadata: {} },
      { name: 'note', type: 'string', nullable: true, metadata: {} },
    ] };
    const h = harness();
    await h.create(wide, [
      { id: '9007199254740993', at: '2026-01-01T00:00:00.000001Z', note: 'a' },
      { id: '9007199254740992', at: '2026-01-01T00:00:00.000002Z', note: 'b' },
    ]);
    const from = [
      { id: 9007199254740993n, at: '2026-01-01T00:00:00.000001Z', note: 'A' },
      { id: '9007199254740992', at: '2026-01-01T00:00:00.000003Z', note: 'B' },
    ];
    const result = await runMerge(await h.snapshot(), { predicate: 't.id = s.id AND t.at = s.at', sourceAlias: 's', targetAlias: 't', clauses: [{ kind: 'whenMatchedUpdate', set: { note: 's.note' } }] }, from, h.context);
    await h.committed(result.transaction);
    expect(result.metrics).toMatchObject({ num_target_rows_updated: 1, num_target_rows_copied: 1 });
    expect((await h.rows()).map((r) => `${r.id} ${r.note}`).sort()).toEqual(['9007199254740992 b', '9007199254740993 A']);
  });
});
