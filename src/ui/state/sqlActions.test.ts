/**
 * The SQL box's actions over duckdb-wasm (its Node build) and a real table session: results
 * carry their version and follow the selected one, only queries run, and errors point into the query.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { explorerOver, ready } from '../../../test/support/explorerHarness.ts';
import { loadNodeSql } from '../../../test/support/nodeSql.ts';
import type { SqlFailure, SqlResult } from './sqlActions.ts';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'delta');
const table = { label: 'simple_table', link: { sample: 'simple_table' }, spec: { kind: 'sample' as const, url: 'unused' }, target: { format: 'delta' as const, root: '' } };
const expectedIds = (v: number) =>
  readFileSync(join(fixtures, 'delta-rs-expected', 'simple_table', `v${v}`, 'rows.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => Number((JSON.parse(l) as { id: unknown }).id));

async function opened() {
  const explorer = explorerOver(new NodeFsStore(join(fixtures, 'delta-rs', 'simple_table')), { sql: loadNodeSql });
  await explorer.actions.openTable(table, 1);
  return explorer;
}

const failure = (state: { status: string }): SqlFailure => {
  if (state.status !== 'error') throw new Error(`not an error: ${JSON.stringify(state)}`);
  return state as SqlFailure;
};
const count = (result: SqlResult) => Number(result.rows[0]?.n);

describe('SQL actions', () => {
  it('names other versions as simple_table@vN, so two versions compare in one query', async () => {
    const { actions, get } = await opened();
    await actions.runSql('SELECT (SELECT count(*) FROM simple_table@v4) AS a, (SELECT count(*) FROM "simple_table@v1") AS b, (SELECT count(*) FROM simple_table) AS c');
    expect(ready(get().sql).rows[0]).toEqual({ a: expectedIds(4).length, b: expectedIds(1).length, c: expectedIds(1).length });
    await actions.runSql('SELECT id FROM simple_table@v4 EXCEPT SELECT id FROM simple_table@v1 ORDER BY id');
    const onlyIn4 = expectedIds(4).filter((id) => !expectedIds(1).includes(id)).sort((x, y) => x - y);
    expect(ready(get().sql).rows.map((r) => Number(r.id))).toEqual(onlyIn4);
    await actions.runSql('SELECT * FROM simple_table@v9');
    expect(failure(get().sql).message).toMatch(/version 9 does not exist/);
  });

  it('labels a result with its version and runs the query again when another version is selected', async () => {
    const { actions, get } = await opened();
    await actions.runSql('SELECT count(*) AS n FROM simple_table');
    expect(ready(get().sql)).toMatchObject({ version: 1 });
    expect(count(ready(get().sql))).toBe(expectedIds(1).length);
    await actions.selectVersion(4);
    await vi.waitFor(() => expect(get().sql).toMatchObject({ status: 'ready', value: { version: 4 } }));
    expect(count(ready(get().sql))).toBe(expectedIds(4).length);
  });

  it('clears the result when another table opens', async () => {
    const { actions, get } = await opened();
    await actions.runSql('SELECT 1 AS n');
    await actions.openTable({ ...table, spec: { ...table.spec } });
    expect(get().sql).toEqual({ status: 'idle' });
  });

  it('refuses statements that would change the registered table, and the table stays as it was', async () => {
    const { actions, get } = await opened();
    for (const sql of ['DROP TABLE simple_table', 'DELETE FROM simple_table', 'ALTER TABLE simple_table RENAME TO other', 'SELECT 1; DROP TABLE simple_table', 'WITH x AS (SELECT 1) DELETE FROM simple_table', 'CREATE OR REPLACE TABLE simple_table AS SELECT 1 AS id']) {
      await actions.runSql(sql);
      expect(failure(get().sql)).toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('could change simple_table, which is the table at version 1') });
    }
    await actions.runSql('SELECT count(*) AS n, min(id) AS lo, max(id) AS hi FROM simple_table');
    const ids = expectedIds(1);
    expect(ready(get().sql).rows[0]).toMatchObject({ lo: Math.min(...ids), hi: Math.max(...ids) });
    expect(count(ready(get().sql))).toBe(ids.length);
  });

  it('says a parse error once, with its position in the query', async () => {
    const { actions, get } = await opened();
    await actions.runSql('SELEC id FROM simple_table');
    const parse = failure(get().sql);
    expect(parse.message).toBe('Parser Error: syntax error at or near "SELEC"');
    expect(parse.position).toEqual({ line: 0, column: 0 });
    expect(parse.version).toBe(1);
  });

  it('points at the right column on a later line, past a long prefix DuckDB cuts, and after wide characters', async () => {
    const { actions, get } = await opened();
    const long = `SELECT id,\n  ${Array.from({ length: 12 }, (_, i) => `id AS a${i}`).join(', ')}, nope FROM simple_table`;
    await actions.runSql(long);
    expect(failure(get().sql).position).toEqual({ line: 1, column: long.split('\n')[1]!.indexOf('nope') });
    const wide = "SELECT '😈漢字' AS e, nope FROM simple_table";
    await actions.runSql(wide);
    expect(failure(get().sql).position).toEqual({ line: 0, column: wide.indexOf('nope') });
  });
});
