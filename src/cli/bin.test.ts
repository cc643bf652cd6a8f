import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'lakelab.mjs');

/** What the bundle loads at start-up: the modules its entry imports statically (not `import()`), and theirs (esbuild's metafile). */
function startupImports(): string[] {
  const { outputs } = JSON.parse(readFileSync(join(root, 'build', 'cli', 'meta.json'), 'utf8')) as { outputs: Record<string, { imports: { path: string; kind: string }[] }> };
  const seen = new Set<string>();
  const visit = (output: string) => {
    for (const { path, kind } of outputs[output]?.imports ?? []) {
      if (kind !== 'import-statement' || seen.has(path)) continue;
      seen.add(path);
      visit(path);
    }
  };
  visit('build/cli/bin.js');
  return [...seen];
}

describe('the lakelab bin', () => {
  it('runs the bundle, which starts without any npm package (they load when a command needs them)', () => {
    expect(readFileSync(bin, 'utf8')).not.toMatch(/tsx/);
    expect(existsSync(join(root, 'build', 'cli', 'bin.js'))).toBe(true);
    const imports = startupImports();
    expect(imports.some((path) => path.startsWith('build/cli/chunk-'))).toBe(true);
    const packages = imports.filter((path) => !path.startsWith('build/cli/') && !path.startsWith('node:'));
    expect(packages).toEqual([]);
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: lakelab <command>/);
  });

  it('runs as a command: rows on stdout, errors on stderr with exit code 1', () => {
    const table = join(root, 'test', 'fixtures', 'delta', 'delta-rs', 'simple_table');
    const ok = spawnSync(process.execPath, [bin, 'scan', table, '--version', '0'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(5);
    const failed = spawnSync(process.execPath, [bin, 'scan', join(root, 'nowhere')], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^lakelab: NotFound:/);
  }, 30_000);

  it('stops quietly, with exit code 0, when the reader of its output goes (| head)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-pipe-'));
    try {
      const rows = Array.from({ length: 50_000 }, (_, i) => `${i},name ${i},${i / 4}`);
      writeFileSync(join(dir, 'rows.csv'), `id,name,value\n${rows.join('\n')}\n`);
      const created = spawnSync(process.execPath, [bin, 'create', join(dir, 'T'), '--source', join(dir, 'rows.csv')], { encoding: 'utf8' });
      expect(created.status).toBe(0);
      // Megabytes of rows against a pipe buffer of 64 KiB: the reader leaves after the first chunk.
      const child = spawn(process.execPath, [bin, 'scan', join(dir, 'T')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const first = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())));
      child.stdout.destroy();
      const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
      expect(first.split('\n')[0]).toMatch(/^\{"id":\d+,"name":"name \d+","value":[\d.]+\}$/);
      expect(stderr).toBe('');
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
