import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { scenarioLibrary } from '../sim/scenarioLibrary.ts';
import { fixturesDir } from '../../test/support/fixtures.ts';
import { MemoryStore } from '../storage/memoryStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { simOperations } from '../workers/simOperationsNode.ts';
import { runSimRequest } from '../workers/simRun.ts';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

describe('lakelab sim', () => {
  it('runs a built-in scenario and prints the trace and a summary as JSON lines, the same for the same seed', async () => {
    const a = await run('sim', 'delete-vs-delete', '--seed', '5', '--format', 'jsonl');
    expect(a.code).toBe(0);
    const lines = a.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const summary = lines.at(-1)!.summary as Record<string, unknown>;
    expect(summary).toMatchObject({ scenario: 'delete-vs-delete', seed: 5, commits: 1, conflicts: { ConcurrentDeleteRead: 1 }, invariantViolations: [] });
    expect(lines.slice(0, -1).every((e) => typeof e.t === 'number' && typeof e.writer === 'string')).toBe(true);
    expect((await run('sim', 'delete-vs-delete', '--seed', '5', '--format', 'jsonl')).stdout).toBe(a.stdout);
  });

  it('--rules judges the commits by another rule set: its figures are those the page\'s rule comparison shows', async () => {
    await loadParquetWasm();
    const deps = { makeStore: (clock: { now(): number }) => new MemoryStore({ clock }), operations: simOperations, settle: () => new Promise<void>((settled) => setImmediate(settled)) };
    for (const rules of ['delta-rs', 'spark', 'ducklake'] as const) {
      const printed = await run('sim', 'compaction-vs-writers', '--seed', '2', '--rules', rules, '--format', 'jsonl');
      expect(printed.stderr).toBe('');
      const summary = (JSON.parse(printed.stdout.trim().split('\n').at(-1)!) as { summary: Record<string, unknown> }).summary;
      const page = await runSimRequest({ scenario: 'compaction-vs-writers', seed: 2, rules }, deps);
      expect(summary, rules).toEqual({ scenario: 'compaction-vs-writers', seed: 2, ...page.summary, outcomes: page.outcomes, finalVersion: page.finalVersion, invariantViolations: [] });
    }
    const table = await run('sim', 'compaction-vs-writers', '--seed', '2', '--rules', 'spark');
    expect(table.stdout).toContain('(seed 2, spark rules)');
    expect(table.stdout).toMatch(/ {2}ingest: ConcurrentDeleteRead; commits 0, conflicts: ConcurrentDeleteRead 1, version retries \d+, recomputes 0, wasted writes 1 \(1 data file\)/);
    const wrong = await run('sim', 'compaction-vs-writers', '--rules', 'sparks');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('--rules must be delta-rs, spark, ducklake, got "sparks"');
  });

  it('runs a scenario file, and explains a malformed one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-sim-'));
    try {
      const file = join(dir, 'scenario.json');
      writeFileSync(file, JSON.stringify(scenarioLibrary.find((s) => s.name === 'blind-appenders')));
      expect((await run('sim', file, '--seed', '2')).stdout).toContain('invariants: all hold');
      writeFileSync(file, JSON.stringify({ version: 1, name: 'x', title: 'x', explanation: 'x', table: { schema: { type: 'struct', fields: [] }, rows: [] }, writers: [] }));
      const bad = await run('sim', file);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/InvalidInput: scenario \.writers: must list at least one writer/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('runs a scenario file that starts from a fixture, the same for the same seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-sim-'));
    try {
      const file = join(dir, 'scenario.json');
      writeFileSync(file, JSON.stringify({
        version: 1, name: 'spark-table', title: 'Appends on a table Spark wrote', explanation: 'Starts from version 0 of the DAT table.',
        table: { fixture: 'dat/basic_append/delta', version: 0 },
        writers: [1, 2].map((w) => ({ name: `appender-${w}`, steps: [{ read: 'HEAD' }, { append: [{ letter: 'x', number: 10 + w, a_float: 1.5 }] }] })),
      }));
      const a = await run('sim', file, '--seed', '4', '--format', 'jsonl');
      expect(a.stderr).toBe('');
      expect(a.code).toBe(0);
      const summary = (JSON.parse(a.stdout.trim().split('\n').at(-1)!) as { summary: Record<string, unknown> }).summary;
      expect(summary).toMatchObject({ scenario: 'spark-table', outcomes: { 'appender-1': 'committed', 'appender-2': 'committed' }, finalVersion: 2, invariantViolations: [] });
      expect((await run('sim', file, '--seed', '4', '--format', 'jsonl')).stdout).toBe(a.stdout);
      expect((await run('sim', 'spark-table-file-stats', '--seed', '2')).stdout).toMatch(/fix-low: committed;.*\n {2}fix-high: committed;.*\n {2}trim: ConcurrentAppend;|fix-high: committed;.*\n {2}fix-low: committed;.*\n {2}trim: ConcurrentAppend;/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds fixtures in a folder given with --fixtures, and lists the fixtures there are when one is unknown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-sim-'));
    try {
      cpSync(join(fixturesDir, 'dat', 'basic_append', 'delta'), join(dir, 'tables', 'orders'), { recursive: true });
      const file = join(dir, 'scenario.json');
      const scenario = (fixture: string) => JSON.stringify({
        version: 1, name: 'mine', title: 'x', explanation: 'x', table: { fixture },
        writers: [{ name: 'cleanup', steps: [{ read: 'HEAD' }, { delete: 'number = 1' }] }],
      });
      writeFileSync(file, scenario('orders'));
      const ok = await run('sim', file, '--fixtures', join(dir, 'tables'), '--format', 'jsonl');
      expect(ok.stderr).toBe('');
      expect(ok.stdout).toContain('"outcomes":{"cleanup":"committed"},"finalVersion":2');
      expect((await run('sim', file, '--fixtures', join(dir, 'tables', 'orders'), '--format', 'jsonl')).stdout).toContain('"finalVersion":2');
      const missing = await run('sim', file);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/^lakelab: InvalidInput: scenario \.table\.fixture: no fixture "orders"; available: basic_append, .*seed_merge, .*dat\/basic_append\/delta, .*delta-rs\/simple_table, /);
      writeFileSync(file, JSON.stringify({ ...JSON.parse(scenario('basic_append')) as object, table: { fixture: 'basic_append', rows: [] } }));
      expect((await run('sim', file)).stderr).toMatch(/scenario \.table: give either a fixture or rows, not both/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
