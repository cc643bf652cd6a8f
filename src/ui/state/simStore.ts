/**
 * The simulator page's state and actions: which scenario and seed, the run (from the worker),
 * and a cursor that steps through the trace like a debugger.
 */
import { createStore } from 'zustand/vanilla';
import { toLakeError } from '../../core/errors.ts';
import type { SimRunResult } from '../../workers/simProtocol.ts';
import type { Loadable } from './explorerStore.ts';
import type { LiveTarget } from '../../workers/liveTarget.ts';

export interface SimState {
  scenario: string;
  seed: number;
  run: Loadable<SimRunResult>;
  /** Index of the trace event in focus (-1: before the first). */
  cursor: number;
  /** The page shows the simulator instead of the explorer. */
  open: boolean;
  /** Conflict rate and throughput against the number of writers. */
  sweep: Loadable<import('../../sim/sweep.ts').SweepPoint[]>;
  /** A scenario the user imported (its JSON), instead of a built-in one. */
  custom?: import('../../sim/scenario.ts').Scenario;
  /** The same scenario and seed judged by each rule set. */
  comparison: Loadable<Record<'delta-rs' | 'spark' | 'ducklake', Record<string, string>>>;
}

export interface SimRunner {
  run(scenario: string | unknown, seed: number, rules?: 'delta-rs' | 'spark' | 'ducklake'): Promise<SimRunResult>;
  runLive?(scenario: string | unknown, target?: LiveTarget): Promise<SimRunResult>;
}

export function createSimStore(initial: Partial<SimState> = {}) {
  return createStore<SimState>()(() => ({ scenario: 'seed-pinned-merge', seed: 1, run: { status: 'idle' }, cursor: -1, open: false, comparison: { status: 'idle' }, sweep: { status: 'idle' }, ...initial }));
}

export type SimStore = ReturnType<typeof createSimStore>;

export function createSimActions(store: SimStore, runner: SimRunner) {
  const trace = () => {
    const run = store.getState().run;
    return run.status === 'ready' ? run.value.trace : [];
  };
  return {
    async runSimulation(scenario = store.getState().scenario, seed = store.getState().seed): Promise<void> {
      store.setState({ scenario, seed, run: { status: 'loading' }, cursor: -1, comparison: { status: 'idle' } });
      try {
        const result = await runner.run(store.getState().custom ?? scenario, seed);
        if (store.getState().scenario === scenario && store.getState().seed === seed) store.setState({ run: { status: 'ready', value: result } });
      } catch (error) {
        const e = toLakeError(error);
        store.setState({ run: { status: 'error', code: e.code, message: e.message } });
      }
    },
    /** Real Web Workers at full speed: the same code, an interleaving no seed can replay. */
    async runLiveSimulation(target?: LiveTarget): Promise<void> {
      const { scenario } = store.getState();
      store.setState({ run: { status: 'loading' }, cursor: -1, comparison: { status: 'idle' } });
      try {
        if (!runner.runLive) throw new Error('live mode needs Web Workers');
        store.setState({ run: { status: 'ready', value: await runner.runLive(store.getState().custom ?? scenario, target) } });
      } catch (error) {
        const e = toLakeError(error);
        store.setState({ run: { status: 'error', code: e.code, message: e.message } });
      }
    },
    async runSweep(): Promise<void> {
      store.setState({ sweep: { status: 'loading' } });
      try {
        const { sweepWriterCounts, toSweepPoint, toSweepScenario } = await import('../../sim/sweep.ts');
        const points = [];
        for (const writers of sweepWriterCounts) {
          const result = await runner.run(toSweepScenario(writers), store.getState().seed);
          points.push(toSweepPoint(writers, result.summary, result.trace.filter((e) => e.kind === 'attempt').length));
        }
        store.setState({ sweep: { status: 'ready', value: points } });
      } catch (error) {
        const e = toLakeError(error);
        store.setState({ sweep: { status: 'error', code: e.code, message: e.message } });
      }
    },
    async compareRules(): Promise<void> {
      const { scenario, seed } = store.getState();
      store.setState({ comparison: { status: 'loading' } });
      try {
        const target = store.getState().custom ?? scenario;
        const [deltaRs, spark, ducklake] = [await runner.run(target, seed, 'delta-rs'), await runner.run(target, seed, 'spark'), await runner.run(target, seed, 'ducklake')];
        store.setState({ comparison: { status: 'ready', value: { 'delta-rs': deltaRs.outcomes, spark: spark.outcomes, ducklake: ducklake.outcomes } } });
      } catch (error) {
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
      store.setState({ scenario, custom: undefined, run: { status: 'idle' }, cursor: -1, comparison: { status: 'idle' } });
    },
    /** A scenario document from a file: validated, then run at the current seed. */
    async importScenario(text: string): Promise<void> {
      try {
        const { validateScenario } = await import('../../sim/scenario.ts');
        const custom = validateScenario(JSON.parse(text));
        store.setState({ custom, scenario: custom.name, run: { status: 'idle' }, cursor: -1, comparison: { status: 'idle' } });
        await this.runSimulation(custom.name, store.getState().seed);
      } catch (error) {
        const e = toLakeError(error);
        store.setState({ run: { status: 'error', code: e.code, message: e.message } });
      }
    },
    show(open: boolean): void {
      store.setState({ open });
    },
    setSeed(seed: number): void {
      store.setState({ seed, run: { status: 'idle' }, cursor: -1, comparison: { status: 'idle' } });
    },
  };
}

export type SimActions = ReturnType<typeof createSimActions>;
