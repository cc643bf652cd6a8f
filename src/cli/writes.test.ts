import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { batchCsv } from '../../test/seedScenario.ts';
import { DuckDBInstance } from '@duckdb/node-api';
import { queryJsonRows } from '../../test/support/duckdbJson.ts';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'lakelab.mjs');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lakelab-cli-'));
  for (let b = 1; b <= 5; b++) {
    const { name, text } = batchCsv(b);
    writeFileSync(join(dir, name), text);
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr, json: () => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown> };
}

const table = () => join(dir, 'B');
const batch = (b: number) => join(dir, batchCsv(b).name);

describe('lakelab write commands', () => {
  it('plays the seed scenario: pinned merge, re-run, and a lost race that exits with code 3', async () => {
    expect((await run('create', table(), '--source', batch(1), '--with-filename')).json()).toMatchObject({ version: 0, operation: 'CREATE TABLE' });
    const sources = [2, 3, 4, 5].map(batch).join(',');
    const merge = ['merge', table(), '--source', sources, '--with-filename', '--on', 't.filename = s.filename', '--when-not-matched-insert-all', '--version', '0'];
    expect((await run(...merge)).json()).toMatchObject({ version: 1, metrics: { num_target_rows_inserted: 80 } });
    expect((await run(...merge.slice(0, -2), '--version', '1')).json()).toMatchObject({ version: 2, metrics: { num_target_rows_inserted: 0 } });
    expect((await run('delete', table(), '--where', "filename = 'batch_001.csv'")).json()).toMatchObject({ version: 3, metrics: { num_deleted_rows: 20 } });
    const lost = await run(...merge.slice(0, -2), '--version', '2');
    expect(lost.code).toBe(3);
    expect(lost.stderr.split('\n')[0]).toBe('Failed to commit transaction: Commit failed: a concurrent transaction deleted data this operation read.');
    // The advice comes from re-checking the race: no isolation level lets a read of removed data through.
    expect(lost.stderr).toMatch(/Under WriteSerializable it fails the same way \(ConcurrentDeleteRead against the DELETE at version 3\)/);
    expect(lost.stderr).toMatch(/Under SnapshotIsolation it fails the same way .*gives up only the check for data added meanwhile/);
    const rows = (await run('scan', table())).stdout.trim().split('\n');
    expect(rows).toHaveLength(80);
  });

  it('updates and overwrites, with clear errors for bad input', async () => {
    await run('create', table(), '--schema', 'id long not null, value double, p string', '--partition-by', 'p');
    writeFileSync(join(dir, 'rows.csv'), 'id,value,p\n1,1.5,a\n2,2.5,b\n');
    expect((await run('append', table(), '--source', join(dir, 'rows.csv'))).json()).toMatchObject({ version: 1 });
    expect((await run('update', table(), '--set', 'value = 9', '--where', 'id = 2')).json()).toMatchObject({ version: 2, metrics: { num_updated_rows: 1 } });
    writeFileSync(join(dir, 'b.csv'), 'id,value,p\n3,3.5,b\n');
    expect((await run('overwrite', table(), '--source', join(dir, 'b.csv'), '--where', "p = 'b'")).json()).toMatchObject({ version: 3 });
    const rows = (await run('scan', table(), '--format', 'csv')).stdout;
    expect(rows.split('\n').filter(Boolean).slice(1).sort()).toEqual(['1,1.5,a', '3,3.5,b']);
    expect((await run('update', table(), '--set', 'nope = 1')).stderr).toMatch(/InvalidInput: no column "nope"/);
    expect((await run('merge', table(), '--source', join(dir, 'b.csv'), '--on', 't.id = s.id')).stderr).toMatch(/at least one clause/);
  });

  it('two lakelab processes appending to one folder both commit, at versions 1 and 2', async () => {
    await run('create', table(), '--source', batch(1));
    const append = (b: number) => new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [bin, 'append', table(), '--source', batch(b)], { stdio: 'ignore' });
      child.on('exit', (code) => resolve(code ?? -1));
    });
    expect(await Promise.all([append(2), append(3)])).toEqual([0, 0]);
    const history = (await run('history', table(), '--format', 'jsonl')).stdout.trim().split('\n').map((l) => JSON.parse(l) as { version: number });
    expect(history.map((h) => h.version)).toEqual([2, 1, 0]);
    expect((await run('scan', table())).stdout.trim().split('\n')).toHaveLength(60);
  }, 30_000);
});

describe('the built lakelab rewriting files on its encoding threads', () => {
  it('updates a 30,000-row file to what native DuckDB computes from the same CSV', async () => {
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, `id,value\n${Array.from({ length: 30_000 }, (_, i) => `${i},${(i % 97) / 4}`).join('\n')}\n`);
    const lakelab = (...argv: string[]) => new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('exit', (code) => resolve({ code: code ?? -1, stdout }));
    });
    expect((await lakelab('create', table(), '--schema', 'id long, value double', '--source', csv)).code).toBe(0);
    const update = await lakelab('update', table(), '--set', 'value = 0', '--where', 'id < 100');
    expect(update.code).toBe(0);
    expect(JSON.parse(update.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ version: 1, metrics: { num_updated_rows: 100, num_copied_rows: 29_900 } });
    // The files version 1 names, read by native DuckDB.
    const live = new Set<string>();
    for (const version of ['00000000000000000000', '00000000000000000001']) {
      for (const line of readFileSync(join(table(), '_delta_log', `${version}.json`), 'utf8').trim().split('\n')) {
        const action = JSON.parse(line) as { add?: { path: string }; remove?: { path: string } };
        if (action.add) live.add(action.add.path);
        if (action.remove) live.delete(action.remove.path);
      }
    }
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    try {
      const files = [...live].map((f) => `'${join(table(), f)}'`).join(', ');
      const [ours] = await queryJsonRows(db, `SELECT count(*) AS n, sum(value) AS total FROM read_parquet([${files}])`);
      const [expected] = await queryJsonRows(db, `SELECT count(*) AS n, sum(CASE WHEN id < 100 THEN 0 ELSE value END) AS total FROM read_csv('${csv}')`);
      expect(ours).toEqual(expected);
    } finally {
      db.closeSync();
      instance.closeSync();
    }
  }, 60_000);
});

describe('a SQL source', () => {
  it('appends rows computed in duckdb-wasm from the table at the read version', async () => {
    await run('create', table(), '--source', batch(1), '--with-filename');
    const result = await run('append', table(), '--version', '0', '--source-sql', "SELECT id + 1000 AS id, value, 'copy' AS filename FROM B WHERE id <= 5");
    expect(result.json()).toMatchObject({ version: 1, metrics: { num_added_rows: 5 } });
    const ids = (await run('scan', table(), '--where', "filename = 'copy'")).stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: number }).id).sort((a, b) => a - b);
    expect(ids).toEqual([1001, 1002, 1003, 1004, 1005]);
  }, 60_000);
});
