/// <reference lib="webworker" />
/** Runs simulations off the main thread: the deterministic engine, the real commit code. */
import { toLakeError } from '../core/errors.ts';
import { MemoryStore } from '../storage/memoryStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { runScenario } from '../sim/runScenario.ts';
import { checkInvariants } from '../sim/invariants.ts';
import { scenarioLibrary } from '../sim/scenarioLibrary.ts';
import { validateScenario } from '../sim/scenario.ts';
import { summarise } from '../sim/trace.ts';
import { simOperations } from './simOperationsImpl.ts';
import type { SimRequest, SimResponse } from './simProtocol.ts';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

onmessage = async (event: MessageEvent<SimRequest>) => {
  const { id, scenario: nameOrJson, seed, rules = 'delta-rs' } = event.data;
  try {
    await loadParquetWasm();
    const scenario = typeof nameOrJson === 'string'
      ? scenarioLibrary.find((s) => s.name === nameOrJson) ?? (() => { throw new Error(`no built-in scenario "${nameOrJson}"`); })()
      : validateScenario(nameOrJson);
    const run = await runScenario(scenario, seed, { makeStore: (clock) => new MemoryStore({ clock, newLeaseId: () => 'lease' }), operations: simOperations, settle }, rules);
    const response: SimResponse = {
      id, ok: true,
      result: { scenario: scenario.name, seed, trace: run.trace, outcomes: run.outcomes, finalVersion: run.finalVersion, events: run.events, summary: summarise(run), invariantViolations: await checkInvariants(run, rules) },
    };
    postMessage(response);
  } catch (error) {
    postMessage({ id, ok: false, error: toLakeError(error).toJSON() } satisfies SimResponse);
  }
};
