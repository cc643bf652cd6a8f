/**
 * A log with a commit missing, or with a 0-byte commit file, is Corrupt wherever it is read
 * (the CLI's history, files, scan and schema; the page's worker session), and the message names
 * the file. Copies of real tables, mutated in a temp folder.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixturesDir } from './support/fixtures.ts';
import { main } from '../src/cli/main.ts';
import { TableSession } from '../src/workers/tableSession.ts';
import { NodeFsStore } from '../src/storage/nodeFsStore.ts';
import { parquetCodec } from '../src/query/parquetRows.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'lakelab-corrupt-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function copyOf(fixture: string): string {
  const table = join(dir, fixture.replace(/\//g, '_'));
  cpSync(join(fixturesDir, fixture), table, { recursive: true });
  return table;
}
const commitFile = (table: string, version: number) => join(table, '_delta_log', `${String(version).padStart(20, '0')}.json`);

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

async function expectCorruptEverywhere(table: string, message: string): Promise<void> {
  for (const command of ['history', 'files', 'scan', 'schema']) {
    const result = await run(command, table);
    expect({ command, code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({ command, code: 1, stdout: '', stderr: `lakelab: Corrupt: ${message}\n` });
  }
  const session = new TableSession({ openStore: async () => new NodeFsStore(table), codec: parquetCodec });
  await expect(session.open({ kind: 'sample', url: 'unused' }, '')).rejects.toMatchObject({ code: 'Corrupt', message });
  await expect(session.history({ limit: 3 })).rejects.toMatchObject({ code: 'Corrupt', message });
}

describe('a missing commit', () => {
  it('is Corrupt for history, files, scan, schema and the page, naming the file', async () => {
    const table = copyOf('delta-rs/simple_table');
    unlinkSync(commitFile(table, 2));
    const history = 'delta log is missing commit 00000000000000000002.json: every version from 0 to 4 needs its commit file, and version 2 has none';
    expect((await run('history', table)).stderr).toBe(`lakelab: Corrupt: ${history}\n`);
    const latest = 'delta log is missing commit 00000000000000000002.json: versions 0 to 4 must all be present to read version 4';
    for (const command of ['files', 'scan', 'schema']) expect((await run(command, table)).stderr).toBe(`lakelab: Corrupt: ${latest}\n`);
    const session = new TableSession({ openStore: async () => new NodeFsStore(table), codec: parquetCodec });
    await expect(session.open({ kind: 'sample', url: 'unused' }, '')).rejects.toMatchObject({ code: 'Corrupt', message: latest });
    // The versions before the gap are whole: they can still be read, to recover what they hold.
    const ids = (text: string) => text.trim().split('\n').map((l) => Number((JSON.parse(l) as { id: number | string }).id)).sort((a, b) => a - b);
    const expected = readFileSync(join(fixturesDir, 'delta-rs-expected', 'simple_table', 'v1', 'rows.jsonl'), 'utf8');
    expect(ids((await run('scan', table, '--version', '1')).stdout)).toEqual(ids(expected));
  });

  it('is Corrupt for the history even where a later checkpoint bridges it for the latest version', async () => {
    const table = copyOf('delta-rs/simple_table_with_checkpoint');
    unlinkSync(commitFile(table, 5));
    const result = await run('history', table);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe('lakelab: Corrupt: delta log is missing commit 00000000000000000005.json: every version from 0 to 10 needs its commit file, and version 5 has none\n');
    expect((await run('scan', table, '--version', '7')).stderr).toMatch(/^lakelab: Corrupt: delta log is missing commit 00000000000000000005\.json/);
    expect((await run('scan', table)).code).toBe(0);
  });
});

describe('a 0-byte commit file', () => {
  it('is Corrupt, not an empty commit, for history, files, scan, schema and the page', async () => {
    const table = copyOf('delta-rs/simple_table');
    truncateSync(commitFile(table, 4), 0);
    await expectCorruptEverywhere(table, 'delta log 00000000000000000004.json is empty (0 bytes): a commit holds at least one action');
  });

  it('and one of blank lines', async () => {
    const table = copyOf('dat/basic_append/delta');
    writeFileSync(commitFile(table, 1), '\n\n');
    await expectCorruptEverywhere(table, 'delta log 00000000000000000001.json is empty (2 bytes of blank lines): a commit holds at least one action');
  });
});
