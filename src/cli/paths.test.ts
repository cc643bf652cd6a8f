/** The table path a command names: missing, a file, a log folder, a folder that is no table; never an empty name. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../../test/support/fixtures.ts';
import { main } from './main.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lakelab-paths-'));
  writeFileSync(join(dir, 'a-file.csv'), 'id\n1\n');
  mkdirSync(join(dir, 'empty'));
  cpSync(join(fixturesDir, 'dat', 'basic_append', 'delta'), join(dir, 'table'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function stderrOf(...argv: string[]): Promise<string> {
  let stderr = '';
  const code = await main(argv, { stdout: { write: () => undefined }, stderr: { write: (s: string) => (stderr += s) } });
  expect(code).toBe(1);
  return stderr;
}

const reading = ['history', 'schema', 'files', 'scan'];
const writing: string[][] = [['append', '--source', 'x.csv'], ['delete'], ['update', '--set', 'number = 1'], ['overwrite', '--source', 'x.csv'], ['merge', '--on', 't.id = s.id', '--when-matched-delete']];

describe('table paths', () => {
  it('a missing path: the path, and that it does not exist', async () => {
    const missing = join(dir, 'nowhere');
    for (const command of [...reading, 'index']) expect(await stderrOf(command, missing)).toBe(`lakelab: NotFound: ${missing} does not exist\n`);
    for (const [command, ...rest] of writing) expect(await stderrOf(command ?? '', missing, ...rest)).toBe(`lakelab: NotFound: ${missing} does not exist\n`);
  });

  it('a file: that it is a file, not a table folder', async () => {
    const file = join(dir, 'a-file.csv');
    for (const command of [...reading, 'index', 'create']) {
      expect(await stderrOf(command, file, ...(command === 'create' ? ['--schema', 'id long'] : []))).toBe(`lakelab: InvalidInput: ${file} is a file, not a table: give the folder that holds _delta_log/\n`);
    }
  });

  it("a table's _delta_log: give the table's folder", async () => {
    const log = join(dir, 'table', '_delta_log');
    expect(await stderrOf('scan', log)).toBe(`lakelab: InvalidInput: ${log} is a table's log: give the table's folder, the one that holds _delta_log/\n`);
  });

  it('a folder that is no table: the folder, and what it lacks', async () => {
    const empty = join(dir, 'empty');
    for (const command of reading) expect(await stderrOf(command, empty)).toBe(`lakelab: NotFound: folder ${empty} is not a Delta table: it has no _delta_log/ folder (or it is empty)\n`);
  });

  it('creating where a table exists names the folder, not ""', async () => {
    const table = join(dir, 'table');
    expect(await stderrOf('create', table, '--schema', 'id long')).toBe(
      `lakelab: InvalidInput: a Delta table already exists in folder ${table} (_delta_log/00000000000000000000.json): Tried committing existing table version: 0\n`,
    );
  });
});
