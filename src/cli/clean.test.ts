/**
 * lakelab clean: the temporary files of writers that died mid-write go (those older than any
 * live writer), each named as it goes; a young one stays; the data files no version names are
 * listed with what VACUUM would remove by the Maintenance view's rules, and nothing else is touched.
 */
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './main.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lakelab-clean-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

const hoursAgo = (path: string, hours: number) => {
  const at = new Date(Date.now() - hours * 3_600_000);
  utimesSync(path, at, at);
};

describe('lakelab clean', () => {
  it('removes old temporary commit files, keeps young ones, lists orphans and the VACUUM plan, and --dry-run removes nothing', async () => {
    const table = join(dir, 't');
    writeFileSync(join(dir, 'a.csv'), 'id,name\n1,a\n2,b\n');
    expect((await run('create', table, '--schema', 'id long, name string')).code).toBe(0);
    expect((await run('append', table, '--source', join(dir, 'a.csv'))).code).toBe(0);
    expect((await run('delete', table, '--where', 'id = 1')).code).toBe(0);
    const old = join(table, '_delta_log', '00000000000000000003.json.0b9a7c61-9a5d-4d0c-8f3e-1c2d3e4f5a6b.lakelab-tmp');
    const young = join(table, '_delta_log', '00000000000000000003.json.7f0e2d1c-3b4a-4c5d-9e8f-0a1b2c3d4e5f.lakelab-tmp');
    const orphan = join(table, 'part-00000-11111111-2222-4333-8444-555555555555-c000.snappy.parquet');
    writeFileSync(old, '{"commitInfo":{}}\n');
    writeFileSync(young, '{"commitInfo":{}}\n');
    writeFileSync(orphan, 'PAR1');
    hoursAgo(old, 3);

    const dry = await run('clean', table, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would remove _delta_log/00000000000000000003.json.0b9a7c61-9a5d-4d0c-8f3e-1c2d3e4f5a6b.lakelab-tmp (3 h old');
    expect(existsSync(old)).toBe(true);

    const done = await run('clean', table);
    expect(done.stdout).toContain('removed _delta_log/00000000000000000003.json.0b9a7c61-9a5d-4d0c-8f3e-1c2d3e4f5a6b.lakelab-tmp');
    expect(done.stdout).toMatch(/kept _delta_log\/00000000000000000003\.json\.7f0e2d1c-.*younger than --older-than 1 h/);
    expect(done.stdout).toContain('Data files no version names and no tombstone covers (lost races, writers that died before committing): 1 (4 bytes)');
    expect(done.stdout).toContain('part-00000-11111111-2222-4333-8444-555555555555-c000.snappy.parquet');
    expect(done.stdout).toMatch(/lite \(the default\) would remove 0 file\(s\)/);
    // delta-rs's full mode spares a file written within the retention: it may be a writer's, not yet committed.
    expect(done.stdout).toContain('full would also remove 0 file(s), 0 bytes');
    expect(done.stdout).toContain('kept for time travel: 1 file(s) removed within the retention');
    expect(existsSync(old)).toBe(false);
    expect(existsSync(young)).toBe(true);
    expect(existsSync(orphan)).toBe(true);

    const zero = await run('clean', table, '--older-than', '0s', '--retention', '0s');
    expect(zero.stdout).toMatch(/lite \(the default\) would remove 1 file\(s\)/);
    expect(zero.stdout).toContain('full would also remove 1 file(s), 4 bytes');
    expect(zero.stdout).toContain("delta-rs refuses a retention shorter than the table's 168 h");
    expect(existsSync(young)).toBe(false);
    expect((await run('scan', table, '--format', 'jsonl')).stdout.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a duration it cannot read, naming the flag', async () => {
    const result = await run('clean', dir, '--older-than', 'soon');
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('--older-than must be a duration such as 90s, 15m, 1h or 7d, got "soon"') });
  });
});
