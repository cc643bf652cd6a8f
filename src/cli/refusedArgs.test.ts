/**
 * The typos that used to destroy data (issue 11), end to end on a copy of a real table
 * (PySpark's dat/basic_append): each is refused with exit code 2 and the command's usage, and
 * the table's folder is byte for byte what it was. The correctly spelled command then does
 * what it says, on the same copy.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixturesDir } from '../../test/support/fixtures.ts';
import { main } from './main.ts';

let dir: string;
let table: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lakelab-refused-'));
  table = join(dir, 'basic_append');
  cpSync(join(fixturesDir, 'dat', 'basic_append', 'delta'), table, { recursive: true });
  writeFileSync(join(dir, 'rows.csv'), 'letter,number,a_float\na,1,9.9\nz,26,26.26\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

/** Every file of the folder with its bytes and time. */
function folderState(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(root, path)] = `${statSync(path).mtimeMs} ${readFileSync(path).toString('base64')}`;
    }
  };
  walk(root);
  return out;
}

const numbers = async () => (await run('scan', table)).stdout.trim().split('\n').map((l) => (JSON.parse(l) as { number: number }).number).sort((a, b) => a - b);

const typos: [what: string, argv: () => string[], refusal: () => string][] = [
  ['delete --wher', () => ['delete', table, '--wher', 'number = 1'], () => 'lakelab delete: unknown option --wher; did you mean --where?'],
  ['update --wehre', () => ['update', table, '--set', 'a_float = 0', '--wehre', 'number = 1'], () => 'lakelab update: unknown option --wehre; did you mean --where?'],
  ['overwrite --wehre', () => ['overwrite', table, '--source', join(dir, 'rows.csv'), '--wehre', "letter = 'a'"], () => 'lakelab overwrite: unknown option --wehre; did you mean --where?'],
  ['scan --wher', () => ['scan', table, '--wher', 'number = 5'], () => 'lakelab scan: unknown option --wher; did you mean --where?'],
  ['merge --when-matched-updte-all', () => ['merge', table, '--source', join(dir, 'rows.csv'), '--on', 't.number = s.number', '--when-matched-updte-all', '--when-matched-delete'],
    () => 'lakelab merge: unknown option --when-matched-updte-all; did you mean --when-matched-update-all?'],
  ['append with a second source as a stray argument', () => ['append', table, '--source', join(dir, 'rows.csv'), join(dir, 'rows.csv')],
    () => `lakelab append: unexpected argument "${join(dir, 'rows.csv')}": append takes only <table> (here "${table}"); to give --source several values, repeat --source or separate the values with commas`],
];

describe('mistyped arguments on a real table', () => {
  it.each(typos)('%s: exit 2, the usage on stderr, nothing on stdout, the table untouched', async (_, argv, refusal) => {
    const before = folderState(table);
    const result = await run(...argv());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const [first, , usage] = result.stderr.split('\n');
    expect(first).toBe(refusal());
    expect(usage).toMatch(new RegExp(`^Usage: lakelab ${argv()[0]} <table> \\[options\\]$`));
    expect(result.stderr).toContain('\nOptions:\n  --');
    expect(folderState(table)).toEqual(before);
    expect(await numbers()).toEqual([1, 2, 3, 4, 5]);
  });

  it('spelled right, the same commands change only the rows they name', async () => {
    expect((await run('delete', table, '--where', 'number = 1')).code).toBe(0);
    expect(await numbers()).toEqual([2, 3, 4, 5]);
    expect((await run('update', table, '--set', 'a_float = 0', '--where', 'number = 2')).code).toBe(0);
    const floats = (await run('scan', table, '--where', 'a_float = 0')).stdout.trim().split('\n');
    expect(floats.map((l) => (JSON.parse(l) as { number: number }).number)).toEqual([2]);
    expect((await run('merge', table, '--source', join(dir, 'rows.csv'), '--on', 't.number = s.number', '--when-matched-delete', '--when-not-matched-insert-all')).code).toBe(0);
    expect(await numbers()).toEqual([1, 2, 3, 4, 5, 26]);
    expect((await run('scan', table, '--where', 'number = 5')).stdout.trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('reads every --source, repeated and comma-separated', async () => {
    writeFileSync(join(dir, 'more.csv'), 'letter,number,a_float\ny,25,1.0\n');
    writeFileSync(join(dir, 'most.csv'), 'letter,number,a_float\nx,24,1.0\n');
    const appended = await run('append', table, '--source', `${join(dir, 'rows.csv')},${join(dir, 'more.csv')}`, '--source', join(dir, 'most.csv'));
    expect(JSON.parse(appended.stdout)).toMatchObject({ version: 2, metrics: { num_added_rows: 4 } });
    expect(await numbers()).toEqual([1, 1, 2, 3, 4, 5, 24, 25, 26]);
  }, 30_000);
});
