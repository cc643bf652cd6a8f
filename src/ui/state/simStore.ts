/**
 * The simulator page's state and actions: which scenario and seed, the run (from the worker),
 * and a cursor that steps through the trace like a debugger. Every run has an id that its
 * result carries back; a result whose id is not the run the page waits for (the user switched
 * scenario or seed, or started another run meanwhile) is dropped, never shown under another.
 */
import { createStore } from 'zustand/vanilla';
import { toLakeError } from '../../core/errors.ts';
import type { SimBatch, SimBatchResult, SimRunResult } from '../../workers/simProtocol.ts';
import type { Loadable } from './explorerStore.ts';
import type { LiveTarget } from '../../workers/liveTarget.ts';
import type { ConflictRules } from '../../core/delta/conflicts/conflictChecker.ts';
import { scenarioLibrary } from '../../sim/scenarioLibrary.ts';
import { createWorkshopActions } from './workshopActions.ts';
import { checkComparable, comparedRuleSets, toRuleComparison, type RuleComparison, type RuleRun } from '../../sim/ruleComparison.ts';

export interface SimState {
  scenario: string;
  seed: number;
  run: Loadable<SimRunResult>;
  /** Index of the trace event in focus (-1: before the first). */
  cursor: number;
  /** The page shows the simulator instead of the explorer. */
  open: boolean;
  /** The scenario the sweep scaled (none: the built-in workload). */
  sweepOf?: string;
  /** Conflict rate and throughput against the number of writers. */
  sweep: Loadable<import('../../sim/sweep.ts').SweepPoint[]>;
  /** A scenario the user imported (its JSON), instead of a built-in one. */
  custom?: import('../../sim/scenario.ts').Scenario;
  /** The same scenario and seed judged by each rule set. */
  comparison: Loadable<RuleComparison>;
  /** The run the page waits for or shows; a result carrying another id is stale. */
  runId: number;
  /** A run that finished after the user moved on: its result was dropped. */
  dropped?: { scenario: string; live: boolean };
  /** A live run is in progress (it can be cancelled). */
  liveRunning?: boolean;
  /** The scenario over many seeds: outcome counts, commits, conflicts, the seeds whose invariants broke. */
  seedStatistics?: Loadable<import('../../sim/seedStatistics.ts').SeedStatistics>;
  /** A sweep or a many-seed run in the worker: how far it is (it can be cancelled). */
  batch?: { kind: SimBatch['kind']; done: number; total: number };
  /** Workshop mode, when on: what is hidden, and the room's predictions. */
  workshop?: import('./workshopActions.ts').WorkshopState;
}

export interface SimRunner {
  run(scenario: string | unknown, seed: number, options?: { rules?: ConflictRules; runId?: number; withTable?: boolean }): Promise<SimRunResult>;
  runLive?(scenario: string | unknown, options?: { target?: LiveTarget; runId?: number; signal?: AbortSignal }): Promise<SimRunResult>;
  /** Many runs as one job, off the page's thread, reporting after each run. */
  runBatch(batch: SimBatch, options?: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal }): Promise<SimBatchResult>;
}

/** How many seeds the statistics run. */
export const statisticsSeeds = 500;

export function createSimStore(initial: Partial<SimState> = {}) {
  return createStore<SimState>()(() => ({ scenario: 'seed-pinned-merge', seed: 1, run: { status: 'idle' }, cursor: -1, open: false, comparison: { status: 'idle' }, sweep: { status: 'idle' }, runId: 0, ...initial }));
}

export type SimStore = ReturnType<typeof createSimStore>;

export function createSimActions(store: SimStore, runner: SimRunner) {
  const trace = () => {
    const run = store.getState().run;
    return run.status === 'ready' ? run.value.trace : [];
  };
  /** Whatever the page waited for is no longer wanted: a new id, so that any result still on its way is stale. */
  const moveOn = (changes: Partial<SimState>) => {
    const workshop = store.getState().workshop && { revealed: false, guesses: {} };
    store.setState({ ...changes, runId: store.getState().runId + 1, run: changes.run ?? { status: 'idle' }, cursor: -1, comparison: { status: 'idle' }, dropped: undefined, workshop });
    return store.getState().runId;
  };
  const isCurrent = (runId: number) => store.getState().runId === runId;
  /** A result must be the one asked for: the worker protocol carries the run's id there and back. */
  const resultOf = (runId: number, result: SimRunResult) => {
    if (result.runId !== runId) throw new Error(`run ${runId} was answered with the result of run ${String(result.runId)}`);
    return result;
  };
  /** Show a run's result if it is the run the page waits for; otherwise say it was dropped. */
  const settle = (runId: number, outcome: { result: SimRunResult } | { error: unknown }) => {
    if (!isCurrent(runId)) {
      if ('result' in outcome) store.setState({ dropped: { scenario: outcome.result.scenario, live: outcome.result.live === true } });
      return;
    }
    if ('result' in outcome) store.setState({ run: { status: 'ready', value: outcome.result } });
    else {
      const e = toLakeError(outcome.error);
      store.setState({ run: { status: 'error', code: e.code, message: e.message } });
    }
  };
  const target = () => store.getState().custom ?? store.getState().scenario;
  let liveRun: AbortController | undefined;
  let batchRun: AbortController | undefined;
  /** One batch at a time: a new one cancels the one before. */
  const runBatch = async (batch: SimBatch): Promise<SimBatchResult> => {
    batchRun?.abort();
    const controller = (batchRun = new AbortController());
    store.setState({ batch: { kind: batch.kind, done: 0, total: batch.kind === 'seeds' ? batch.runs : 0 } });
    try {
      return await runner.runBatch(batch, { signal: controller.signal, onProgress: (done, total) => batchRun === controller && store.setState({ batch: { kind: batch.kind, done, total } }) });
    } finally {
      if (batchRun === controller) {
        batchRun = undefined;
        store.setState({ batch: undefined });
      }
    }
  };
  const toLoadableError = (error: unknown) => {
    const e = toLakeError(error);
    return { status: 'error' as const, code: e.code, message: e.message };
  };
  return {
    ...createWorkshopActions(store, trace),
    async runSimulation(scenario = store.getState().scenario, seed = store.getState().seed): Promise<void> {
      const runId = moveOn({ scenario, seed, run: { status: 'loading' } });
      try {
        settle(runId, { result: resultOf(runId, await runner.run(target(), seed, { runId, withTable: true })) });
      } catch (error) {
        settle(runId, { error });
      }
    },
    /** Real Web Workers at full speed: the same code, an interleaving no seed can replay. */
    async runLiveSimulation(liveTarget?: LiveTarget): Promise<void> {
      const runId = moveOn({ run: { status: 'loading' }, liveRunning: true });
      liveRun?.abort();
      const controller = (liveRun = new AbortController());
      try {
        if (!runner.runLive) throw new Error('live mode needs Web Workers');
        settle(runId, { result: resultOf(runId, await runner.runLive(target(), { target: liveTarget, runId, signal: controller.signal })) });
      } catch (error) {
        settle(runId, { error });
      } finally {
        if (liveRun === controller) {
          liveRun = undefined;
          store.setState({ liveRunning: false });
        }
      }
    },
    /** Stops the live run in progress: its workers end where they are. */
    cancelLive(): void {
      liveRun?.abort();
    },
    /** Conflicts and throughput against the number of writers: the built-in workload, or (`selected`) the scenario shown, scaled. */
    async runSweep(selected = false): Promise<void> {
      const scenario = store.getState().custom?.title ?? scenarioLibrary.find((s) => s.name === store.getState().scenario)?.title ?? store.getState().scenario;
      store.setState({ sweep: { status: 'loading' }, sweepOf: selected ? scenario : undefined });
      try {
        const result = await runBatch({ kind: 'sweep', seed: store.getState().seed, ...(selected ? { scenario: target() } : {}) });
        if (result.kind === 'sweep') store.setState({ sweep: { status: 'ready', value: result.points } });
      } catch (error) {
        store.setState({ sweep: toLoadableError(error) });
      }
    },
    /** The scenario shown over seeds 1 to 500, in the worker. */
    async runSeedStatistics(runs = statisticsSeeds): Promise<void> {
      store.setState({ seedStatistics: { status: 'loading' } });
      try {
        const result = await runBatch({ kind: 'seeds', scenario: target(), firstSeed: 1, runs });
        if (result.kind === 'seeds') store.setState({ seedStatistics: { status: 'ready', value: result.statistics } });
      } catch (error) {
        store.setState({ seedStatistics: toLoadableError(error) });
      }
    },
    /** Stops the sweep or the many-seed run in progress, between two runs. */
    cancelBatch(): void {
      batchRun?.abort();
    },
    /** The shown run's scenario and seed under each rule set; it belongs to that run, and is dropped if the user moves on. */
    async compareRules(): Promise<void> {
      const { scenario, seed, custom, runId } = store.getState();
      const document = custom ?? scenarioLibrary.find((s) => s.name === scenario);
      const asked = custom ?? scenario;
      store.setState({ comparison: { status: 'loading' } });
      try {
        const why = document ? checkComparable(document) : undefined;
        const runs = {} as Record<ConflictRules, RuleRun>;
        for (const rules of why ? [] : comparedRuleSets) {
          runs[rules] = resultOf(runId, await runner.run(asked, seed, { rules, runId }));
          if (!isCurrent(runId)) return; // the user moved on: the other rule sets are not wanted either
        }
        if (!isCurrent(runId)) return;
        store.setState({ comparison: { status: 'ready', value: why ? { compared: false, why } : toRuleComparison(document!, runs) } });
      } catch (error) {
        if (!isCurrent(runId)) return;
        const e = toLakeError(error);
        store.setState({ comparison: { status: 'error', code: e.code, message: e.message } });
      }
    },
    step(by: number): void {
      const last = trace().length - 1;
      store.setState({ cursor: Math.max(-1, Math.min(last, store.getState().cursor + by)) });
    },
    jumpTo(index: number): void {
      store.setState({ cursor: Math.max(-1, Math.min(trace().length - 1, index)) });
    },
    nextConflict(): void {
      const events = trace();
      const from = store.getState().cursor + 1;
      const at = events.findIndex((e, i) => i >= from && e.kind === 'conflict');
      if (at >= 0) store.setState({ cursor: at });
    },
    setScenario(scenario: string): void {
      moveOn({ scenario, custom: undefined });
    },
    /** A scenario document from a file: validated, then run at the current seed. */
    async importScenario(text: string): Promise<void> {
      try {
        const { validateScenario } = await import('../../sim/scenario.ts');
        const custom = validateScenario(JSON.parse(text));
        moveOn({ custom, scenario: custom.name });
      } catch (error) {
        const e = toLakeError(error);
        moveOn({ run: { status: 'error', code: e.code, message: e.message } });
        return;
      }
      await this.runSimulation(store.getState().scenario, store.getState().seed);
    },
    /** A scenario from the editor (already validated there) or a link's: becomes the page's scenario and runs. */
    async runCustomScenario(custom: import('../../sim/scenario.ts').Scenario, seed = store.getState().seed): Promise<void> {
      moveOn({ custom, scenario: custom.name, seed });
      await this.runSimulation(custom.name, seed);
    },
    /** A link's scenario (base64url JSON): decoded and validated; a broken one is said where the run would be. */
    async runScenarioLink(text: string, seed = store.getState().seed): Promise<void> {
      let custom: import('../../sim/scenario.ts').Scenario;
      try {
        const { decodeScenario } = await import('../../sim/scenarioLink.ts');
        custom = decodeScenario(text);
      } catch (error) {
        const e = toLakeError(error);
        moveOn({ seed, run: { status: 'error', code: e.code, message: e.message } });
        return;
      }
      await this.runCustomScenario(custom, seed);
    },
    show(open: boolean): void {
      store.setState({ open });
    },
    setSeed(seed: number): void {
      moveOn({ seed });
    },
  };
}

export type SimActions = ReturnType<typeof createSimActions>;
