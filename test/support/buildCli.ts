/**
 * Tests that spawn `bin/lakelab.mjs` run the bundle in build/cli/: vitest's and Playwright's
 * global setups rebuild it first (esbuild, well under a second), so they never run a stale one.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export function buildCli(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'buildCli.mjs')], { stdio: 'inherit' });
}

/** Vitest's globalSetup. */
export default function setup(): void {
  buildCli();
}
