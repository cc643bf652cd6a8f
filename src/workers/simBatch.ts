/**
 * Many deterministic runs as one job, in the simulator worker: a sweep of the number of writers,
 * or one scenario over many seeds. It reports after each run and stops, with an Aborted error,
 * when asked to between two runs (the scheduler's macrotask turns let the cancel message in).
 */
import { LakeError } from '../core/errors.ts';
import type { SimDependencies } from '../sim/runScenario.ts';
import { scaleScenario, sweepWriterCounts, toSweepPoint, toSweepScenario } from '../sim/sweep.ts';
import { toScenario } from './scenarioInput.ts';
import { addSeedRun, createSeedStatistics } from '../sim/seedStatistics.ts';
import { runSimRequest } from './simRun.ts';
import type { SimBatch, SimBatchResult } from './simProtocol.ts';

export interface BatchControl {
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
}

export async function runSimBatch(batch: SimBatch, deps: SimDependencies, control: BatchControl = {}): Promise<SimBatchResult> {
  const step = (done: number, total: number, what: string) => {
    control.onProgress?.(done, total);
    if (done < total && control.isCancelled?.()) throw new LakeError('Aborted', `${what} was cancelled after ${done} of ${total} runs`);
  };
  if (batch.kind === 'sweep') {
    const points = [];
    const selected = batch.scenario === undefined ? undefined : toScenario(batch.scenario);
    for (const [i, writers] of sweepWriterCounts.entries()) {
      const scenario = selected ? scaleScenario(selected, writers) : toSweepScenario(writers);
      const result = await runSimRequest({ scenario, seed: batch.seed }, deps);
      points.push(toSweepPoint(writers, result.summary, result.trace.filter((e) => e.kind === 'attempt').length));
      step(i + 1, sweepWriterCounts.length, 'the sweep');
    }
    return { kind: 'sweep', points };
  }
  let statistics = createSeedStatistics('', batch.firstSeed);
  for (let i = 0; i < batch.runs; i++) {
    const result = await runSimRequest({ scenario: batch.scenario, seed: batch.firstSeed + i, rules: batch.rules }, deps);
    statistics = addSeedRun({ ...statistics, scenario: result.scenario }, result);
    step(i + 1, batch.runs, `${batch.runs} seeds of ${result.scenario}`);
  }
  return { kind: 'seeds', statistics };
}
