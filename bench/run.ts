/** `npm run bench`: every benchmark, each with its peer measured in the same run. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runSnapshotBench } from './snapshotBench.ts';
import { runMergeBench } from './mergeBench.ts';
import { runBrowserBench } from './browserBench.ts';
import { runSimBench } from './simBench.ts';
import { runDucklakeBench } from './ducklakeBench.ts';
import { runCliBench } from './cliBench.ts';
import { formatResult, type BenchResult } from './timing.ts';

const outDir = join(import.meta.dirname, 'out');
mkdirSync(outDir, { recursive: true });

const benches: [string, () => Promise<BenchResult | BenchResult[]>][] = [
  ['cli', () => runCliBench(outDir)],
  ['snapshot', () => runSnapshotBench(outDir)],
  ['merge', () => runMergeBench(outDir)],
  ['browser', () => runBrowserBench(outDir)],
  ['sim', () => runSimBench(outDir)],
  ['ducklake', () => runDucklakeBench(outDir)],
];

const only = process.argv[2];
let failed = false;
for (const [name, run] of benches) {
  if (only && name !== only) continue;
  try {
    for (const result of [await run()].flat()) console.log(formatResult(result));
  } catch (error) {
    failed = true;
    console.error(`${name}: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
