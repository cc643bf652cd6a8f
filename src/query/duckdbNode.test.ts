import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Table, tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { LakeError } from '../core/errors.ts';
import { openNodeSqlEngine } from './duckdbNode.ts';
import type { SqlEngine } from './duckdbEngine.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const rows = (t: { toArray(): { toJSON(): Record<string, unknown> }[] }) => t.toArray().map((r) => ({ ...r.toJSON() }));

describe('duckdb-wasm in Node', () => {
  let engine: SqlEngine;
  beforeAll(async () => { engine = await openNodeSqlEngine(); }, 30_000);
  afterAll(async () => { await engine.close(); });

  it('starts offline: extension autoloading is off', async () => {
    const t = await engine.query("SELECT current_setting('autoload_known_extensions') AS a, current_setting('autoinstall_known_extensions') AS b");
    expect(rows(t)).toEqual([{ a: false, b: false }]);
  });

  it('reads registered CSV bytes with read_csv, with the file name', async () => {
    await engine.registerCsv('b_001.csv', utf8('id,value\n1,1.5\n2,2.5\n'));
    await engine.registerCsv('b_002.csv', utf8('id,value\n3,3.5\n'));
    const t = await engine.query("SELECT id, value, filename FROM read_csv(['b_001.csv', 'b_002.csv'], filename=true) ORDER BY id");
    expect(rows(t)).toEqual([
      { id: 1n, value: 1.5, filename: 'b_001.csv' },
      { id: 2n, value: 2.5, filename: 'b_001.csv' },
      { id: 3n, value: 3.5, filename: 'b_002.csv' },
    ]);
    await engine.drop('b_001.csv');
    await expect(engine.query("SELECT * FROM read_csv('b_001.csv')")).rejects.toBeInstanceOf(LakeError);
  });

  it('registers Arrow tables and IPC bytes, replacing a table of the same name', async () => {
    await engine.registerArrow('t', tableFromArrays({ a: Int32Array.from([1, 2, 3]) }));
    expect(rows(await engine.query('SELECT sum(a)::INTEGER AS s FROM t'))).toEqual([{ s: 6 }]);
    await engine.registerArrow('t', tableToIPC(tableFromArrays({ a: Int32Array.from([10]) }), 'stream'));
    expect(rows(await engine.query('SELECT count(*)::INTEGER AS n, max(a) AS m FROM t'))).toEqual([{ n: 1, m: 10 }]);
    await engine.drop('t');
    await expect(engine.query('SELECT * FROM t')).rejects.toThrow(/SQL: .*t/);
  });

  it('returns the app\'s Arrow tables, which serialise back to IPC', async () => {
    const t = await engine.query("SELECT i::BIGINT AS id, 'n' || i AS name FROM range(300000) r(i)");
    expect(t).toBeInstanceOf(Table);
    expect(t.batches.length).toBeGreaterThan(1);
    const back = tableFromIPC(tableToIPC(t, 'stream'));
    expect(back.numRows).toBe(300_000);
    expect(back.get(299_999)?.toJSON()).toEqual({ id: 299_999n, name: 'n299999' });
  });

  it('a second engine shares the loaded database but has its own connection', async () => {
    const other = await openNodeSqlEngine();
    await other.query('CREATE TEMP TABLE only_here AS SELECT 1 AS x');
    await expect(engine.query('SELECT * FROM only_here')).rejects.toBeInstanceOf(LakeError);
    await other.close();
    await expect(other.query('SELECT 1')).rejects.toThrow(/after close/);
  });
});
