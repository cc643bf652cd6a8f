import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { scenarioLibrary } from '../sim/scenarioLibrary.ts';

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
});
