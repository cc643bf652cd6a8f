import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { openNodeSqlEngine } from '../query/duckdbNode.ts';
import { OpenDucklake } from '../query/ducklake/ducklakeCatalog.ts';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { emptyCatalog } from '../../test/support/ducklakeWriteCases.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lakelab-cli-ducklake-'));
  writeFileSync(join(dir, 'rows.csv'), `id,name\n${Array.from({ length: 30 }, (_, i) => `${i},n${i}`).join('\n')}\n`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr, lines: () => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

async function rowsAt(catalog: string, snapshot?: number) {
  const lake = await OpenDucklake.open(catalog, new Uint8Array(readFileSync(catalog)), openNodeSqlEngine);
  try {
    return (await lake.rows('main.t', snapshot ?? lake.latestSnapshot, { store: new NodeFsStore(join(dir, 'data')) })).rows;
  } finally {
    await lake.close();
  }
}

describe.each(['duckdb', 'sqlite'] as const)('lakelab writes on a local DuckLake catalog (%s)', (format) => {
  const catalog = () => join(dir, format === 'duckdb' ? 'lake.ducklake' : 'metadata.db');
  beforeEach(() => writeFileSync(catalog(), emptyCatalog(format)));

  it('create, append, delete and update: one snapshot each, printed as JSON, the catalog replaced whole', async () => {
    const create = await run('create', catalog(), '--table', 'main.t', '--schema', 'id bigint, name varchar', '--author', 'ada', '--message', 'first');
    expect(create.code, create.stderr).toBe(0);
    expect(create.lines()).toEqual([{ snapshot: 1, operation: 'createTable', table: 'main.t', inserted: 0, deleted: 0, updated: 0, changes: 'created_table:"main"."t"', files: [] }]);
    const append = await run('append', catalog(), '--table', 'main.t', '--source', join(dir, 'rows.csv'));
    expect(append.lines()[0]).toMatchObject({ snapshot: 2, inserted: 30, changes: 'inserted_into_table:1' });
    expect((await run('delete', catalog(), '--table', 'main.t', '--where', 'id >= 20')).lines()[0]).toMatchObject({ snapshot: 3, deleted: 10, changes: 'deleted_from_table:1' });
    expect((await run('update', catalog(), '--table', 'main.t', '--where', 'id < 2', '--set', "name = 'x'")).lines()[0]).toMatchObject({ snapshot: 4, updated: 2 });
    expect((await run('delete', catalog(), '--table', 'main.t', '--where', 'id = 999')).lines()[0]).toMatchObject({ snapshot: null, deleted: 0 });
    const rows = await rowsAt(catalog());
    expect(rows).toHaveLength(20);
    expect(rows.filter((r) => r.name === 'x').map((r) => r.id).sort()).toEqual([0, 1]);
    expect(await rowsAt(catalog(), 2)).toHaveLength(30);
    const history = await run('history', catalog());
    expect(history.stdout).toContain('first');
    // No lock file and no temporary file left beside the catalog.
    expect(readdirSync(dir).sort()).toEqual(['data', format === 'duckdb' ? 'lake.ducklake' : 'metadata.db', 'rows.csv'].sort());
  });

  it('refuses a second writer while the lock file is there, naming its holder; a failed commit leaves the catalog as it was', async () => {
    await run('create', catalog(), '--table', 'main.t', '--schema', 'id int64');
    writeFileSync(`${catalog()}.lakelab-lock`, `${JSON.stringify({ acquired_by: 'someone else', acquired_at: '2026-01-01T00:00:00.000Z', pid: 42 })}\n`);
    const before = readFileSync(catalog());
    const refused = await run('delete', catalog(), '--table', 'main.t');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/is locked by someone else \(pid 42\) since 2026-01-01T00:00:00.000Z: another run is writing it; if that process is gone, remove .*\.lakelab-lock/);
    rmSync(`${catalog()}.lakelab-lock`);
    const failed = await run('delete', catalog(), '--table', 'main.t', '--where', 'nope = 1');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/no column "nope"/);
    expect(readFileSync(catalog()).equals(before)).toBe(true);
    expect(existsSync(`${catalog()}.lakelab-lock`)).toBe(false);
  });

  it('refuses typos and the other format\'s options with exit code 2, writing nothing', async () => {
    const before = readFileSync(catalog());
    const typo = await run('delete', catalog(), '--tabel', 'main.t');
    expect([typo.code, typo.stdout]).toEqual([2, '']);
    expect(typo.stderr).toContain('unknown option --tabel; did you mean --table?');
    const delta = await run('append', catalog(), '--table', 'main.t', '--source', join(dir, 'rows.csv'), '--isolation', 'Serializable');
    expect(delta.code).toBe(2);
    expect(delta.stderr).toContain('--isolation is for a Delta table');
    const local = await run('delete', catalog(), '--table', 'main.t', '--stale-after', '1h');
    expect(local.code).toBe(2);
    const noTable = await run('delete', dir, '--table', 'main.t');
    expect(noTable.code).toBe(2);
    expect(noTable.stderr).toContain('--table is for a DuckLake catalog file');
    expect(readFileSync(catalog()).equals(before)).toBe(true);
  });
});
