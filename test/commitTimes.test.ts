/**
 * Commit times, against what the commits themselves hold (read here with JSON.parse): history
 * shows each commit's own time (`commitInfo.inCommitTimestamp`, else `commitInfo.timestamp`, as
 * delta-rs's history() does) with the file's time beside it; time travel by timestamp goes by
 * in-commit timestamps, else file times, says which, and finds the same version in the CLI and
 * in the page (the samples over HTTP, through their lakelab-index.json).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixturesDir } from './support/fixtures.ts';
import { main } from '../src/cli/main.ts';
import { TableSession } from '../src/workers/tableSession.ts';
import { HttpStore, listingIndexName, type ListingIndex } from '../src/storage/httpStore.ts';
import { parquetCodec } from '../src/query/parquetRows.ts';

const samplesDir = join(import.meta.dirname, '..', 'public', 'samples');

interface OwnTimes { timestamp?: number; inCommitTimestamp?: number }

/** Each commit file's commitInfo times, by version. */
function commitTimes(table: string): Map<number, OwnTimes> {
  const log = join(table, '_delta_log');
  const out = new Map<number, OwnTimes>();
  for (const file of readdirSync(log).filter((f) => /^\d{20}\.json$/.test(f))) {
    const info = readFileSync(join(log, file), 'utf8').split('\n').filter(Boolean)
      .map((line) => JSON.parse(line) as { commitInfo?: OwnTimes }).find((a) => a.commitInfo)?.commitInfo;
    out.set(Number(file.slice(0, 20)), { timestamp: info?.timestamp, inCommitTimestamp: info?.inCommitTimestamp });
  }
  return out;
}

function tablesUnder(root: string): string[] {
  if (existsSync(join(root, '_delta_log'))) return [root];
  return readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => tablesUnder(join(root, e.name)));
}

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

const iso = (ms: number) => new Date(ms).toISOString();
/** The version time travel should find at `at`, given each version's commit time. */
const expectedAt = (times: Map<number, number>, at: number) => Math.max(-1, ...[...times].filter(([, t]) => t <= at).map(([v]) => v));

const indexTimes = (table: string) => new Map(
  (JSON.parse(readFileSync(join(table, listingIndexName), 'utf8')) as ListingIndex).objects.map((o) => [o.key, o.lastModified]),
);

describe('history', () => {
  const tables = [...tablesUnder(fixturesDir), ...tablesUnder(samplesDir)];

  it.each(tables.map((t) => [relative(join(fixturesDir, '..', '..', '..'), t), t]))("%s: each commit's own time, and its file's time beside it", async (_, table) => {
    const result = await run('history', table, '--format', 'jsonl');
    expect(result.stderr).toBe('');
    const entries = result.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { version: number; timestamp: string; fileModificationTime: string });
    const own = commitTimes(table);
    const indexed = existsSync(join(table, listingIndexName)) ? indexTimes(table) : undefined;
    expect(entries.map((e) => e.version).sort((a, b) => a - b)).toEqual([...own.keys()].sort((a, b) => a - b));
    for (const entry of entries) {
      const times = own.get(entry.version) ?? {};
      const key = `_delta_log/${String(entry.version).padStart(20, '0')}.json`;
      const fileTime = indexed?.get(key) ?? statSync(join(table, key)).mtimeMs;
      expect(entry.fileModificationTime).toBe(iso(fileTime));
      expect(entry.timestamp).toBe(iso(times.inCommitTimestamp ?? times.timestamp ?? fileTime));
    }
  });

  it('shows the in-commit timestamp, not commitInfo.timestamp, where the table writes them', async () => {
    const entries = (await run('history', join(fixturesDir, 'delta-rs', 'cdc_ict_table'), '--format', 'jsonl')).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const v1 = entries.find((e) => e.version === 1);
    expect(v1).toMatchObject({ timestamp: '2023-05-12T06:50:06.883Z', inCommitTimestamp: 1683874206883 });
    expect(v1).not.toHaveProperty('commitInfo');
  });
});

describe('time travel by timestamp', () => {
  // The Delta samples (the DuckLake ones have snapshots in their catalog, not commit files).
  const samples = readdirSync(samplesDir).filter((name) => existsSync(join(samplesDir, name, listingIndexName)) && existsSync(join(samplesDir, name, '_delta_log')) && name !== 'unsupported_feature');
  const servePublic: typeof fetch = async (input) => {
    const file = join(samplesDir, decodeURIComponent(new URL(String(input)).pathname).replace(/^\/samples\//, ''));
    return existsSync(file) && statSync(file).isFile() ? new Response(readFileSync(file)) : new Response('not found', { status: 404 });
  };

  it.each(samples)('%s: at each commit\'s time, the CLI and the page find that commit', async (name) => {
    const table = join(samplesDir, name);
    const times = new Map([...commitTimes(table)].flatMap(([v, t]) => (t.timestamp === undefined ? [] : [[v, t.timestamp] as [number, number]])));
    const session = new TableSession({ openStore: async () => new HttpStore(`http://lakelab.test/samples/${name}/`, { fetch: servePublic }), codec: parquetCodec });
    await session.open({ kind: 'http', url: 'unused' }, '');
    for (const [version, at] of times) {
      const expected = expectedAt(times, at);
      const cli = await run('files', table, '--timestamp', iso(at), '--format', 'jsonl');
      expect(cli.stderr).toBe(`lakelab: --timestamp ${iso(at)} is version ${expected}, committed at ${iso(times.get(expected) ?? 0)} by the commit files' modification times\n`);
      expect((await session.snapshot({ timestamp: at })).version).toBe(expected);
      expect(expected).toBeGreaterThanOrEqual(version);
    }
  });

  describe('over a copy of a real table', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'lakelab-times-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it.each(['delta-rs/simple_table', 'delta-rs/simple_table_with_checkpoint', 'dat/basic_append/delta', 'dat/with_schema_change/delta'])(
      '%s: with the file times its writer gave it, each commit is found at its time, by file times', async (name) => {
        const table = join(dir, 'table');
        cpSync(join(fixturesDir, name), table, { recursive: true });
        const times = new Map([...commitTimes(table)].map(([v, t]) => [v, t.timestamp ?? 0]));
        for (const [version, at] of times) utimesSync(join(table, '_delta_log', `${String(version).padStart(20, '0')}.json`), new Date(at), new Date(at));
        for (const at of [...times.values()].flatMap((t) => [t, t + 1])) {
          const expected = expectedAt(times, at);
          expect((await run('schema', table, '--timestamp', iso(at))).stderr).toMatch(new RegExp(`^lakelab: --timestamp \\S+ is version ${expected}, committed at \\S+ by the commit files' modification times\\n$`));
        }
        const before = Math.min(...times.values()) - 1;
        const firstFileTime = statSync(join(table, '_delta_log', '00000000000000000000.json')).mtimeMs;
        expect((await run('scan', table, '--timestamp', iso(before))).stderr).toBe(
          `lakelab: NotFound: no version was committed at or before ${iso(before)} by the commit files' modification times: the earliest readable version is 0, at ${iso(firstFileTime)}\n`,
        );
      },
    );

    it('a copy whose file times were reset says which times it went by and what the commits say', async () => {
      const table = join(dir, 'table');
      cpSync(join(fixturesDir, 'delta-rs', 'simple_table'), table, { recursive: true });
      const copied = statSync(join(table, '_delta_log', '00000000000000000000.json')).mtimeMs;
      const at = commitTimes(table).get(2)?.timestamp ?? 0;
      expect((await run('scan', table, '--timestamp', iso(at))).stderr).toBe(
        `lakelab: NotFound: no version was committed at or before ${iso(at)} by the commit files' modification times: the earliest readable version is 0, at ${iso(copied)} `
        + `(its commitInfo.timestamp, ${iso(commitTimes(table).get(0)?.timestamp ?? 0)}, is earlier: a copy or a checkout resets files' times; \`lakelab index --commit-times <table>\` records the commit times for Lakelab to travel by)\n`,
      );
      expect((await run('index', table, '--commit-times')).code).toBe(0);
      expect((await run('scan', table, '--timestamp', iso(at))).stderr).toMatch(/ is version 2, committed at 2020-04-27T06:23:24\.143Z by the commit files' modification times\n$/);
    });

    it('in-commit timestamps are searched where the table writes them, and said so', async () => {
      const table = join(dir, 'table');
      cpSync(join(fixturesDir, 'delta-rs', 'cdc_ict_table'), table, { recursive: true });
      const ict = new Map([...commitTimes(table)].map(([v, t]) => [v, t.inCommitTimestamp ?? 0]));
      const at = ict.get(3) ?? 0;
      expect((await run('files', table, '--timestamp', iso(at))).stderr).toBe(`lakelab: --timestamp ${iso(at)} is version 3, committed at ${iso(at)} by in-commit timestamps\n`);
      const first = ict.get(0) ?? 0;
      expect((await run('files', table, '--timestamp', iso(first - 1))).stderr).toBe(
        `lakelab: NotFound: no version was committed at or before ${iso(first - 1)} by in-commit timestamps: the earliest readable version is 0, at ${iso(first)}\n`,
      );
    });
  });
});
