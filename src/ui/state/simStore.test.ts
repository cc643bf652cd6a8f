/**
 * The simulator's state and actions against the real engine (the worker's code, called
 * directly in Node): a result belongs to the run that produced it, whatever order the runs
 * finish in. The live runner here is the deterministic engine held back until the test lets it
 * answer, so that it can finish after the user moved on (real live workers run in the journeys).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { loadParquetWasm } from '../../query/parquetWasm.ts';
import { simOperations } from '../../workers/simOperationsNode.ts';
import { runSimRequest } from '../../workers/simRun.ts';
import { runSimBatch } from '../../workers/simBatch.ts';
import type { SimRunResult } from '../../workers/simProtocol.ts';
import type { SimDependencies } from '../../sim/runScenario.ts';
import { createSimActions, createSimStore, type SimRunner } from './simStore.ts';

const deps: SimDependencies = {
  makeStore: (clock) => new MemoryStore({ clock, newLeaseId: () => 'lease' }),
  operations: simOperations,
  settle: () => new Promise((resolve) => setImmediate(resolve)),
};

beforeAll(async () => { await loadParquetWasm(); });

/** The worker's batch runner, called directly; the signal stops it between two runs, as the worker's cancel message does. */
const runBatch: SimRunner['runBatch'] = (batch, options = {}) => runSimBatch(batch, deps, { onProgress: options.onProgress, isCancelled: () => options.signal?.aborted === true });

/** A runner over the real engine whose answers wait until released, one by one, in any order. */
function heldRunner() {
  const held: { release: () => void; key: string }[] = [];
  const hold = async (answer: Promise<SimRunResult>, key: string) => {
    const result = await answer;
    await new Promise<void>((release) => held.push({ release, key }));
    return result;
  };
  const runner: SimRunner = {
    run: (scenario, seed, options = {}) => hold(runSimRequest({ scenario, seed, ...options }, deps), `${String(scenario)} seed ${seed}`),
    runBatch,
    runLive: async (scenario, options = {}) => ({ ...(await hold(runSimRequest({ scenario, seed: 1, runId: options.runId }, deps), `${String(scenario)} live`)), live: true, seed: 0 }),
  };
  /** Let the held answer for `key` ("<scenario> seed <n>" or "<scenario> live") through, once it is held. */
  const release = async (key: string) => {
    await expect.poll(() => held.some((h) => h.key === key), { timeout: 30_000 }).toBe(true);
    held.splice(held.findIndex((h) => h.key === key), 1)[0]!.release();
  };
  return { runner, release };
}

function simulator() {
  const { runner, release } = heldRunner();
  const store = createSimStore({ open: true, scenario: 'blind-appenders' });
  return { store, actions: createSimActions(store, runner), release };
}

const shown = (store: ReturnType<typeof createSimStore>) => {
  const run = store.getState().run;
  return run.status === 'ready' ? run.value.scenario : run.status;
};

describe('a result belongs to the run that produced it', () => {
  it('a live run that finishes after the user switched scenario is dropped, not shown under the new one', async () => {
    const { store, actions, release } = simulator();
    const live = actions.runLiveSimulation();
    actions.setScenario('delete-vs-delete');
    await release('blind-appenders live');
    await live;
    expect(store.getState().scenario).toBe('delete-vs-delete');
    expect(store.getState().run).toEqual({ status: 'idle' });
    expect(store.getState().dropped).toEqual({ scenario: 'blind-appenders', live: true });
  });

  it('the new scenario\'s run keeps its result when the old live run finishes after it', async () => {
    const { store, actions, release } = simulator();
    const live = actions.runLiveSimulation();
    actions.setScenario('delete-vs-delete');
    const run = actions.runSimulation();
    await release('delete-vs-delete seed 1');
    await run;
    expect(shown(store)).toBe('delete-vs-delete');
    await release('blind-appenders live');
    await live;
    expect(shown(store)).toBe('delete-vs-delete');
    const result = store.getState().run as { value: SimRunResult };
    expect(Object.keys(result.value.outcomes).sort()).toEqual(['delete-1', 'delete-2']);
    expect(result.value.runId).toBe(store.getState().runId);
  });

  it('an earlier seed\'s run that finishes last does not replace the later seed\'s', async () => {
    const { store, actions, release } = simulator();
    const first = actions.runSimulation('retry-storm', 1);
    actions.setSeed(2);
    const second = actions.runSimulation('retry-storm', 2);
    const { runId } = store.getState();
    // Both are held; the later seed's answer comes first.
    await release('retry-storm seed 2');
    await release('retry-storm seed 1');
    await Promise.all([first, second]);
    const run = store.getState().run as { status: string; value: SimRunResult };
    expect(run.status).toBe('ready');
    expect(run.value.seed).toBe(2);
    expect(run.value.runId).toBe(runId);
  });

  it('a comparison started before the user switched scenario is dropped', async () => {
    const { store, actions, release } = simulator();
    const compare = actions.compareRules();
    actions.setScenario('delete-vs-delete');
    await release('blind-appenders seed 1');
    await compare;
    expect(store.getState().comparison).toEqual({ status: 'idle' });
  });

  it('refuses an answer that carries another run\'s id', async () => {
    const store = createSimStore({ open: true, scenario: 'delete-vs-delete' });
    const actions = createSimActions(store, { runBatch, run: async (scenario, seed, options = {}) => runSimRequest({ scenario, seed, runId: (options.runId ?? 0) + 1 }, deps) });
    await actions.runSimulation();
    expect(store.getState().run).toMatchObject({ status: 'error', message: expect.stringContaining('was answered with the result of run') });
  });
});

describe('the rule comparison', () => {
  const direct: SimRunner = { runBatch, run: (scenario, seed, options = {}) => runSimRequest({ scenario, seed, ...options }, deps) };

  it('gives each rule set\'s figures, and the writers that differ: a compaction fails a whole-table reader under Spark\'s rules only', async () => {
    const store = createSimStore({ open: true, scenario: 'compaction-vs-writers', seed: 2 });
    await createSimActions(store, direct).compareRules();
    const comparison = store.getState().comparison as { status: 'ready'; value: Extract<import('../../sim/ruleComparison.ts').RuleComparison, { compared: true }> };
    expect(comparison.status).toBe('ready');
    for (const rules of ['delta-rs', 'spark', 'ducklake'] as const) {
      const { summary } = await runSimRequest({ scenario: 'compaction-vs-writers', seed: 2, rules }, deps);
      const { throughput: _, writers: __, ...totals } = summary;
      expect(comparison.value.totals[rules], rules).toEqual(totals);
    }
    expect(comparison.value.totals['delta-rs'].conflicts).toEqual({});
    expect(comparison.value.totals.spark.conflicts).toEqual({ ConcurrentDeleteRead: 1 });
    expect(comparison.value.differing.map((d) => d.writer)).toContain('ingest');
    expect(comparison.value.differing.find((d) => d.writer === 'ingest')!.byRules.spark).toMatchObject({ outcome: 'ConcurrentDeleteRead', figures: { wasted: 1, wastedFiles: 1 } });
  });

  it('does not fill a lease scenario\'s columns with a non-answer: it says why there is nothing to compare', async () => {
    const store = createSimStore({ open: true, scenario: 'lease-single-writer' });
    let runs = 0;
    await createSimActions(store, { runBatch, run: (...args) => { runs++; return direct.run(...args); } }).compareRules();
    expect(store.getState().comparison).toEqual({ status: 'ready', value: { compared: false, why: expect.stringContaining('no rule set judges it') } });
    expect(runs).toBe(0);
  });
});

describe('sweeps and many seeds, as batches', () => {
  const direct: SimRunner = { runBatch, run: (scenario, seed, options = {}) => runSimRequest({ scenario, seed, ...options }, deps) };

  it('counts each writer\'s outcomes, the commits and conflicts over the seeds, with the progress after each run', async () => {
    const store = createSimStore({ open: true, scenario: 'delete-vs-delete' });
    const progress: number[] = [];
    store.subscribe((s) => { if (s.batch && progress.at(-1) !== s.batch.done) progress.push(s.batch.done); });
    await createSimActions(store, direct).runSeedStatistics(12);
    const statistics = store.getState().seedStatistics;
    expect(statistics?.status).toBe('ready');
    const value = (statistics as { value: import('../../sim/seedStatistics.ts').SeedStatistics }).value;
    const runs = await Promise.all(Array.from({ length: 12 }, (_, i) => runSimRequest({ scenario: 'delete-vs-delete', seed: i + 1 }, deps)));
    const outcomes: Record<string, Record<string, number>> = {};
    for (const run of runs) for (const [writer, outcome] of Object.entries(run.outcomes)) (outcomes[writer] ??= {})[outcome] = (outcomes[writer]![outcome] ?? 0) + 1;
    expect(value).toMatchObject({ scenario: 'delete-vs-delete', firstSeed: 1, runs: 12, outcomes, violations: [] });
    expect(value.commits.mean).toBeCloseTo(runs.reduce((n, r) => n + r.summary.commits, 0) / 12);
    expect(value.conflicts).toEqual({ ConcurrentDeleteRead: 12 });
    expect(progress).toEqual([0, ...Array.from({ length: 12 }, (_, i) => i + 1)].slice(0, progress.length));
    expect(progress.at(-1)).toBe(12);
    expect(store.getState().batch).toBeUndefined();
  });

  it('stops between two runs when cancelled, and says so', async () => {
    const store = createSimStore({ open: true, scenario: 'retry-storm' });
    const actions = createSimActions(store, direct);
    store.subscribe((s) => { if (s.batch && s.batch.done >= 2) actions.cancelBatch(); });
    await actions.runSeedStatistics(50);
    expect(store.getState().seedStatistics).toMatchObject({ status: 'error', code: 'Aborted', message: expect.stringMatching(/cancelled after 2 of 50 runs/) });
    expect(store.getState().batch).toBeUndefined();
  });

  it('sweeps the number of writers', async () => {
    const store = createSimStore({ open: true });
    await createSimActions(store, direct).runSweep();
    expect(store.getState().sweep).toMatchObject({ status: 'ready', value: [{ writers: 1, conflictRate: 0 }, { writers: 2 }, { writers: 4 }, { writers: 8 }, { writers: 16 }] });
  });
});
