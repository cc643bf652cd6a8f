/**
 * The simulator's traces are pinned: for every library scenario, the benchmark's 32 appenders
 * and two sweeps, several seeds each, a hash of the trace, the outcomes, the final version and
 * the catalog updates equals the one recorded before the simulator was made faster
 * (docs/decisions/0019). A change that alters what a seed does fails here; if it is meant to,
 * say why in a decision record and re-record: LAKELAB_RECORD_TRACE_HASHES=1 npx vitest run test/simTraces.test.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../src/storage/memoryStore.ts';
import { loadParquetWasm } from '../src/query/parquetWasm.ts';
import { simOperations } from '../src/workers/simOperationsNode.ts';
import { folderFixtures } from '../src/cli/fixtureFolders.ts';
import { runScenario, type SimDependencies } from '../src/sim/runScenario.ts';
import { scenarioLibrary } from '../src/sim/scenarioLibrary.ts';
import { toSweepScenario } from '../src/sim/sweep.ts';
import type { Scenario } from '../src/sim/scenario.ts';
import { appendersScenario } from '../bench/appendersScenario.ts';
import { simWaits } from '../src/workers/simSettle.ts';

const hashesFile = join(import.meta.dirname, 'simTraceHashes.json');
const recording = process.env.LAKELAB_RECORD_TRACE_HASHES === '1';
const recorded: Record<string, string> = recording ? {} : JSON.parse(readFileSync(hashesFile, 'utf8'));

const deps: SimDependencies = {
  makeStore: (clock) => new MemoryStore({ clock, newLeaseId: () => 'lease' }),
  operations: simOperations,
  ...simWaits, // the per-event wait the simulator runs with (the hashes were recorded with setImmediate)
  fixtures: folderFixtures(),
};

const cases: [Scenario, number[]][] = [
  ...scenarioLibrary.map((s): [Scenario, number[]] => [s, [1, 2, 7, 42]]),
  [appendersScenario(32, 5), [1, 2]],
  [toSweepScenario(4), [1, 3]],
  [toSweepScenario(16), [1]],
];

beforeAll(async () => {
  await loadParquetWasm();
});

afterAll(() => {
  if (recording) writeFileSync(hashesFile, `${JSON.stringify(recorded, null, 2)}\n`);
});

describe('the simulator gives the traces it gave before it was made faster', () => {
  for (const [scenario, seeds] of cases) {
    it(`${scenario.name}, seeds ${seeds.join(', ')}`, async () => {
      for (const seed of seeds) {
        const run = await runScenario(scenario, seed, deps);
        const hash = createHash('sha256')
          .update(JSON.stringify({ trace: run.trace, outcomes: run.outcomes, finalVersion: run.finalVersion, catalogUpdates: run.catalogUpdates }))
          .digest('hex');
        const key = `${scenario.name} seed ${seed}`;
        if (recording) recorded[key] = hash;
        else expect(hash, `${key}: lakelab sim ${scenario.name} --seed ${seed}`).toBe(recorded[key]);
      }
    }, 120_000);
  }
});
