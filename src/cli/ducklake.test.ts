import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from './args.ts';
import type { Command, Io } from './command.ts';
import { withDucklake } from './commands/ducklakeCommands.ts';
import { filesCommand } from './commands/files.ts';
import { historyCommand } from './commands/history.ts';
import { scanCommand } from './commands/scan.ts';
import { schemaCommand } from './commands/schema.ts';
import { canonicalExpected, canonicalRows, ducklakeFixtures, readJson } from '../../test/support/ducklakeCases.ts';

const [runDucklakeScan, runDucklakeHistory, runDucklakeFiles, runDucklakeSchema] = [scanCommand, historyCommand, filesCommand, schemaCommand].map(withDucklake) as [Command, Command, Command, Command];

async function run(command: Command, argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: Io = { stdout: { write: (t: string) => { out += t; } }, stderr: { write: () => undefined } };
  return { code: await command.run(parseCommandArgs(command.spec, argv.slice(1)), io), out };
}

const lines = (text: string) => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const generated = (name: string) => join(ducklakeFixtures, 'lakelab-generated', name, 'catalog.ducklake');
const reference = (name: string, ...parts: string[]) => join(ducklakeFixtures, 'cases', name, 'reference', ...parts);

// Expected values come from DuckDB's ducklake extension (test/fixtures/ducklake: expected/ and cases/*/reference/).
describe('lakelab over a DuckLake catalog', () => {
  it('scans a table at a snapshot as the extension reads it', async () => {
    const { code, out } = await run(runDucklakeScan, ['scan', generated('basic'), '--table', 'main.people', '--snapshot', '8']);
    expect(code).toBe(0);
    expect(canonicalRows(lines(out))).toEqual(canonicalExpected(readJson(join(ducklakeFixtures, 'lakelab-generated/basic/expected/main.people/s8/rows.json'))));
  });

  it('scans a SQLite catalog whose data path is on OneLake, from the data path given', async () => {
    const catalog = join(ducklakeFixtures, 'sqlite', 'seed-onelake', 'Files', 'metadata.db');
    const data = join(ducklakeFixtures, 'lakelab-generated', 'seed', 'data');
    const { out } = await run(runDucklakeScan, ['scan', catalog, '--table', 'staging.orders', '--snapshot', '5', '--data-path', data]);
    expect(canonicalRows(lines(out))).toEqual(canonicalExpected(readJson(reference('seed', 'rows', 'staging.orders', 's5.json'))));
    await expect(run(runDucklakeScan, ['scan', catalog, '--table', 'staging.orders'])).rejects.toThrow(/data path is abfss:\/\/lakelab@onelake.*give --data-path/);
  });

  it('filters and projects rows like a Delta scan', async () => {
    const { out } = await run(runDucklakeScan, ['scan', generated('basic'), '--table', 'people', '--columns', 'id,town', '--where', 'id < 5']);
    const expected = readJson<{ id: number; town: string }[]>(join(ducklakeFixtures, 'lakelab-generated/basic/expected/main.people/s15/rows.json')).filter((r) => r.id < 5).map(({ id, town }) => ({ id, town }));
    expect(canonicalRows(lines(out))).toEqual(canonicalRows(expected));
  });

  it('prints one history entry per snapshot, newest first, with the changes in words', async () => {
    const { out } = await run(runDucklakeHistory, ['history', generated('catalog_objects'), '--format', 'jsonl']);
    const entries = lines(out);
    const snapshots = readJson<{ snapshots: { snapshot_id: number; author: string | null; commit_message: string | null }[] }>(reference('catalog_objects', 'catalog.json')).snapshots;
    expect(entries.map((e) => e.version)).toEqual(snapshots.map((s) => s.snapshot_id).reverse());
    const commit = entries.find((e) => e.version === 3)!;
    expect([commit.author, commit.commitMessage, commit.commitExtraInfo]).toEqual(['ada', 'first rows', '{"ticket": 42}']);
    expect(commit.operation).toBe('inserted inlined rows into table we,ird.a"b, c');
    expect(entries.find((e) => e.version === 13)!.operation).toBe('dropped table we,ird.a"b, c');
  });

  it('charts a table\'s rows per snapshot: the extension\'s row counts', async () => {
    const { out } = await run(runDucklakeHistory, ['history', generated('evolution'), '--table', 'main.items', '--format', 'jsonl']);
    for (const entry of lines(out).filter((e) => typeof e.version === 'number' && (e.version as number) >= 1 && (e.version as number) <= 16)) {
      const rows = readJson<unknown[]>(reference('evolution', 'rows', 'main.items', `s${entry.version}.json`));
      if (entry.rows !== null) expect(entry.rows, `snapshot ${entry.version}`).toBe(rows.length);
    }
  });

  it('lists the files a snapshot reads, with their delete files, as ducklake_list_files does', async () => {
    const { out } = await run(runDucklakeFiles, ['files', generated('basic'), '--table', 'main.people', '--snapshot', '6', '--format', 'jsonl']);
    const active = lines(out).filter((f) => f.status === 'active');
    const listed = readJson<{ data_file: string; data_file_size_bytes: string; delete_file: string | null }[]>(reference('basic', 'files', 'main.people', 's6.json'));
    expect(active.map((f) => [`data/${f.path}`, String(f.size), f.deleteFile === null ? null : `data/${f.deleteFile}`]).sort()).toEqual(listed.map((f) => [f.data_file, f.data_file_size_bytes, f.delete_file]).sort());
    expect(lines(out).filter((f) => f.status === 'scheduled for deletion').map((f) => f.path)).toEqual(['main/people/ducklake-01a233c9-d980-7ffc-a293-b26ed85f700d-delete.parquet']);
  });

  it('refuses the DuckLake options for a Delta table folder, and Delta\'s --version for a catalog', async () => {
    const delta = join(ducklakeFixtures, '..', 'delta', 'dat', 'basic_append', 'delta');
    await expect(run(runDucklakeScan, ['scan', delta, '--table', 'main.t'])).rejects.toThrow(/--table is for a DuckLake catalog file/);
    await expect(run(runDucklakeScan, ['scan', generated('basic'), '--table', 'main.people', '--version', '3'])).rejects.toThrow(/give --snapshot N/);
    await expect(run(runDucklakeScan, ['scan', generated('basic')])).rejects.toThrow(/needs --table schema.table \(at snapshot 15: main.events, main.people\)/);
    await expect(run(runDucklakeScan, ['scan', generated('basic'), '--table', 'main.nope'])).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('shows the schema with field ids, and what changed across a rename', async () => {
    const { out } = await run(runDucklakeSchema, ['schema', generated('evolution'), '--table', 'main.items', '--snapshot', '9', '--format', 'jsonl']);
    const columns = lines(out);
    expect(columns.map((c) => [c.column, c.fieldId])).toEqual([['id', 1], ['label', 2], ['tags', 4], ['tags.element', 5], ['dims', 6], ['dims.width', 7], ['dims.h', 8], ['dims.d', 10], ['stock', 9]]);
    expect(columns.find((c) => c.column === 'stock')).toMatchObject({ type: 'int32', default: '7', initialDefault: '7' });
    // What script.sql did between snapshot 1 (CREATE TABLE) and 9; the extension wrote the renamed
    // nested field's ducklake_column row with nulls_allowed false, so that shows too.
    const diff = lines((await run(runDucklakeSchema, ['schema', generated('evolution'), '--table', 'main.items', '--snapshot', '9', '--diff', '1', '--format', 'jsonl'])).out);
    expect(diff).toEqual([
      { kind: 'renamed', from: 'name', to: 'label' },
      { kind: 'dropped', column: 'price', type: 'decimal(9,2)' },
      { kind: 'renamed', from: 'dims.w', to: 'dims.width' },
      { kind: 'nullability', column: 'dims.width', nullable: false },
      { kind: 'added', column: 'dims.d', type: 'int32' },
      { kind: 'added', column: 'stock', type: 'int32' },
    ]);
  });
});

describe('lakelab <command> <catalog-file>', () => {
  it('runs the DuckLake command for a catalog file and the Delta one for a folder', async () => {
    const { main } = await import('./main.ts');
    let out = '';
    let err = '';
    const io: Io = { stdout: { write: (t: string) => { out += t; } }, stderr: { write: (t: string) => { err += t; } } };
    expect(await main(['scan', generated('inlined'), '--table', 'main.small', '--snapshot', '4'], io)).toBe(0);
    expect(canonicalRows(lines(out))).toEqual(canonicalExpected(readJson(join(ducklakeFixtures, 'lakelab-generated/inlined/expected/main.small/s4/rows.json'))));
    expect(await main(['scan', generated('inlined'), '--snapshot', '4'], io)).toBe(2);
    expect(err).toContain('needs --table schema.table (at snapshot 4: main.small)');
    err = '';
    expect(await main(['history', join(ducklakeFixtures, '..', 'delta', 'dat', 'basic_append', 'delta'), '--snapshot', '1'], io)).toBe(2);
    expect(err).toContain('unknown option --snapshot');
  });
});
