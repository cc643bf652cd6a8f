/** The SqlEngine over duckdb-wasm's eh bundle in its worker, in real Chromium, offline. */
import { describe, expect, it } from 'vitest';
import { Table, tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { openBrowserSqlEngine } from './duckdbBrowser.ts';

const rows = (t: { toArray(): { toJSON(): Record<string, unknown> }[] }) => t.toArray().map((r) => ({ ...r.toJSON() }));

describe('duckdb-wasm in the browser', () => {
  it('runs SQL over registered CSV bytes and Arrow tables, with autoloading off', async () => {
    const engine = await openBrowserSqlEngine();
    const settings = await engine.query("SELECT current_setting('autoload_known_extensions') AS a");
    expect(rows(settings)).toEqual([{ a: false }]);
    await engine.registerCsv('batch_001.csv', new TextEncoder().encode('id,value\n1,1.5\n2,2.5\n'));
    await engine.registerArrow('seen', tableFromArrays({ id: Int32Array.from([2]) }));
    const t = await engine.query("SELECT id::INTEGER AS id, filename FROM read_csv('batch_001.csv', filename=true) WHERE id NOT IN (SELECT id FROM seen)");
    expect(rows(t)).toEqual([{ id: 1, filename: 'batch_001.csv' }]);
    expect(t).toBeInstanceOf(Table);
    const many = await engine.query("SELECT i::INTEGER AS i FROM range(300000) r(i)");
    expect(many.batches.length).toBeGreaterThan(1);
    expect(tableFromIPC(tableToIPC(many, 'stream')).numRows).toBe(300_000);
    await engine.drop('seen');
    await expect(engine.query('SELECT * FROM seen')).rejects.toThrow(/SQL: /);
    await engine.close();
  });
});
