import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('the lakelab bin', () => {
  it('runs as a command: rows on stdout, errors on stderr with exit code 1', () => {
    const table = join(root, 'test', 'fixtures', 'delta', 'delta-rs', 'simple_table');
    const ok = spawnSync(process.execPath, [join(root, 'bin', 'lakelab.mjs'), 'scan', table, '--version', '0'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(5);
    const failed = spawnSync(process.execPath, [join(root, 'bin', 'lakelab.mjs'), 'scan', join(root, 'nowhere')], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^lakelab: NotFound:/);
  }, 30_000);
});
