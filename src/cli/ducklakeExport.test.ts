/**
 * `lakelab ducklake-export` over the seed's shape: the SQLite catalog in Files/, its data under
 * Tables/, each table exported into its own folder under Tables/ (files referenced in place),
 * first up to a snapshot, then incrementally; the Delta table read back with `lakelab scan`
 * equals the extension's rows at each snapshot.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from './main.ts';
import { canonicalExpected, canonicalRows, ducklakeFixtures, readJson } from '../../test/support/ducklakeCases.ts';

async function lakelab(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: { write: (t: string) => { out += t; } }, stderr: { write: (t: string) => { err += t; } } };
  return { code: await main(argv, io), out, err };
}

const lines = (text: string) => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const expectedRows = (table: string, snapshot: number) => canonicalExpected(readJson(join(ducklakeFixtures, 'cases', 'seed', 'reference', 'rows', table, `s${snapshot}.json`)));

describe('lakelab ducklake-export', () => {
  let lake: string;
  let catalog: string;
  let tables: string;
  beforeAll(() => {
    lake = mkdtempSync(join(tmpdir(), 'lakelab-export-cli-'));
    mkdirSync(join(lake, 'Files'));
    cpSync(join(ducklakeFixtures, 'sqlite', 'seed-onelake', 'Files', 'metadata.db'), join(lake, 'Files', 'metadata.db'));
    cpSync(join(ducklakeFixtures, 'lakelab-generated', 'seed', 'data'), join(lake, 'Tables'), { recursive: true });
    catalog = join(lake, 'Files', 'metadata.db');
    tables = join(lake, 'Tables');
  });

  it('exports up to a snapshot, then incrementally only the snapshots since; each version reads as its snapshot', async () => {
    const to = join(tables, 'staging', 'orders');
    const first = await lakelab('ducklake-export', catalog, '--table', 'staging.orders', '--to', to, '--data-path', tables, '--snapshot', '3');
    expect(first.code, first.err).toBe(0);
    const one = lines(first.out)[0] as { commits: { version: number; snapshotId: number }[]; outsideFiles: number };
    expect(one.commits.map((c) => c.snapshotId)).toEqual([2, 3]);
    expect(one.outsideFiles).toBe(0);
    const second = await lakelab('ducklake-export', catalog, '--table', 'staging.orders', '--to', to, '--data-path', tables);
    expect(second.code, second.err).toBe(0);
    const two = lines(second.out)[0] as { previousSnapshot: number; commits: { version: number; snapshotId: number }[] };
    expect(two.previousSnapshot).toBe(3);
    expect(two.commits.map((c) => c.snapshotId)).toEqual([4, 5]);
    const third = await lakelab('ducklake-export', catalog, '--table', 'staging.orders', '--to', to, '--data-path', tables);
    expect(lines(third.out)[0]).toMatchObject({ status: 'up-to-date', commits: [] });
    const versionOf = new Map([...one.commits, ...two.commits].map((c) => [c.snapshotId, c.version]));
    for (const snapshot of [2, 3, 4, 5, 6]) {
      const version = versionOf.get(Math.min(snapshot, 5))!;
      const scan = await lakelab('scan', to, '--version', String(version));
      expect(scan.code, scan.err).toBe(0);
      expect(canonicalRows(lines(scan.out)), `snapshot ${snapshot}`).toEqual(expectedRows('staging.orders', snapshot));
    }
    const history = lines((await lakelab('history', to, '--format', 'jsonl')).out);
    expect(history.map((h) => (h.operationParameters as { ducklakeSnapshotId: number }).ducklakeSnapshotId)).toEqual([5, 4, 3, 2]);
  });

  it('prints the Delta log it would write with --dry-run, and writes nothing', async () => {
    const to = join(tables, 'main', 'customers');
    const { code, out } = await lakelab('ducklake-export', catalog, '--table', 'main.customers', '--to', to, '--data-path', tables, '--dry-run');
    expect(code).toBe(0);
    const text = out.split('\n');
    expect(text[0]).toBe('# _delta_log/00000000000000000000.json (DuckLake snapshot 6)');
    const actions = text.slice(1).filter((l) => l && !l.startsWith('#')).map((l) => Object.keys(JSON.parse(l) as object)[0]);
    expect(actions).toEqual(['commitInfo', 'protocol', 'metaData', 'add']);
    expect(existsSync(join(to, '_delta_log'))).toBe(false);
  });

  it('refuses a full export into a Delta table, and a table that is not there, saying what to do', async () => {
    const to = join(tables, 'staging', 'orders');
    await lakelab('ducklake-export', catalog, '--table', 'staging.orders', '--to', to, '--data-path', tables);
    const full = await lakelab('ducklake-export', catalog, '--table', 'staging.orders', '--to', to, '--data-path', tables, '--full');
    expect(full.code).toBe(1);
    expect(full.err).toMatch(/already holds a Delta table .* give an empty folder, or export incrementally/);
    const missing = await lakelab('ducklake-export', catalog, '--table', 'staging.nope', '--to', join(lake, 'x'), '--data-path', tables);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no table staging\.nope .*tables: main\.customers, staging\.orders/);
    expect(readdirSync(lake)).not.toContain('x');
  });

  it('refuses options it does not take, with exit code 2, before reading anything', async () => {
    const typo = await lakelab('ducklake-export', catalog, '--table', 'staging.orders', '--to', join(lake, 'y'), '--reader-verison', '1');
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/did you mean --reader-version\?/);
    const bad = await lakelab('ducklake-export', catalog, '--table', 'staging.orders', '--to', join(lake, 'y'), '--reader-version', '2');
    expect(bad.code).toBe(2);
    const both = await lakelab('ducklake-export', catalog, '--table', 'staging.orders', '--to', join(lake, 'y'), '--full', '--incremental');
    expect(both.code).toBe(2);
    expect((await lakelab('ducklake-export', catalog, '--to', join(lake, 'y'))).code).toBe(2);
  });
});
