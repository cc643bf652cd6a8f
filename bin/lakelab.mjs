#!/usr/bin/env node
// The lakelab command: runs the CLI bundled into build/cli/ (`npm run build:cli`; `npm install`
// and `npm ci` build it). No TypeScript is compiled when it starts (docs/decisions/0018).
import { existsSync } from 'node:fs';

const bundle = new URL('../build/cli/bin.js', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write(`lakelab: the CLI is not built (no ${bundle.pathname}): run \`npm run build:cli\` (or \`npm install\`) in ${new URL('..', import.meta.url).pathname}\n`);
  process.exitCode = 1;
}
