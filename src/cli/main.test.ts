import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'delta');

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

const jsonLines = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('lakelab CLI', () => {
  it('scans a table at a version as JSON lines', async () => {
    const result = await run('scan', join(fixtures, 'delta-rs', 'simple_table'), '--version', '2');
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout).map((r) => r.id).sort()).toEqual([5, 6, 7, 8, 9]);
  });

  it('projects columns, filters rows and limits', async () => {
    const table = join(fixtures, 'delta-rs', 'delta-0.8.0-partitioned');
    const rows = jsonLines((await run('scan', table, '--columns', 'value,day', '--where', "year = '2021' AND month = '12'")).stdout);
    expect(rows.map((r) => Object.keys(r))).toEqual(rows.map(() => ['value', 'day']));
    expect(rows.map((r) => r.value).sort()).toEqual(['5', '6', '7']);
    expect(jsonLines((await run('scan', table, '--limit', '2')).stdout)).toHaveLength(2);
  });

  it('prints JSON values per the documented forms', async () => {
    const rows = jsonLines((await run('scan', join(fixtures, 'delta-rs', 'table_with_edge_timestamps'))).stdout);
    expect(rows.map((r) => r.BIG_DATE).sort()).toEqual(['9999-12-30T00:00:00.000000Z', '9999-12-31T00:00:00.000000Z']);
    const binary = jsonLines((await run('scan', join(fixtures, 'dat', 'multi_partitioned', 'delta'), '--where', "letter = 'b'")).stdout);
    expect(binary.map((r) => r.data)).toContain('8J+YiA==');
  });

  it('prints history as one object per commit with version, timestamp and commitInfo', async () => {
    const entries = jsonLines((await run('history', join(fixtures, 'delta-rs', 'simple_table'), '--format', 'jsonl')).stdout);
    expect(entries.map((e) => e.version)).toEqual([4, 3, 2, 1, 0]);
    expect(entries.map((e) => e.operation)).toEqual(['DELETE', 'UPDATE', 'WRITE', 'MERGE', 'WRITE']);
    expect(typeof entries[0]?.timestamp).toBe('string');
  });

  it('writes CSV with a header', async () => {
    const { stdout } = await run('scan', join(fixtures, 'delta-rs', 'simple_table'), '--version', '2', '--format', 'csv');
    expect(stdout.split('\n')[0]).toBe('id');
  });

  it('lists schema and files', async () => {
    const schema = jsonLines((await run('schema', join(fixtures, 'dat', 'multi_partitioned', 'delta'), '--format', 'jsonl')).stdout);
    expect(schema.map((c) => [c.column, c.type, c.partition])).toEqual([['letter', 'string', true], ['date', 'date', true], ['data', 'binary', true], ['number', 'long', false]]);
    const files = jsonLines((await run('files', join(fixtures, 'delta-rs', 'table-with-dv-small'), '--format', 'jsonl')).stdout);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ numRecords: 10, deletedRows: 2 });
  });

  it('fails with the error code on stderr and exit code 1', async () => {
    const refused = await run('scan', join(fixtures, 'delta-rs', 'simple_table_features'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^lakelab: Unsupported: .*"blahabl"/);
    const missing = await run('history', join(fixtures, 'no-such-table'));
    expect(missing.stderr).toMatch(/^lakelab: NotFound: /);
    expect((await run('scan', join(fixtures, 'delta-rs', 'simple_table'), '--columns', 'nope')).stderr).toMatch(/InvalidInput: no column "nope"/);
    expect((await run('frobnicate')).stderr).toMatch(/unknown command/);
  });
});
