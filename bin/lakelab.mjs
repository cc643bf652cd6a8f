#!/usr/bin/env node
// The lakelab command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const { endQuietlyWhenClosed } = await import('../src/cli/closedPipe.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: endQuietlyWhenClosed(process.stdout), stderr: endQuietlyWhenClosed(process.stderr) });
