/// <reference lib="webworker" />
/** Runs simulations off the main thread: the deterministic engine, the real commit code. */
import { toLakeError } from '../core/errors.ts';
import { MemoryStore } from '../storage/memoryStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { runScenario } from '../sim/runScenario.ts';
import { checkInvariants } from '../sim/invariants.ts';
import { summarise } from '../sim/trace.ts';
import { simOperations } from './simOperationsImpl.ts';
import { sampleFixtures } from './sampleFixtures.ts';
import { toScenario } from './scenarioInput.ts';
import type { FixtureLoader } from '../sim/fixtureTable.ts';
import type { SimRequest, SimResponse } from './simProtocol.ts';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
let fixtures: { url: string; loader: FixtureLoader } | undefined;
const fixturesAt = (url: string | undefined) => {
  if (url === undefined) return undefined;
  if (fixtures?.url !== url) fixtures = { url, loader: sampleFixtures(url) };
  return fixtures.loader;
};

onmessage = async (event: MessageEvent<SimRequest>) => {
  const { id, scenario: nameOrJson, seed, rules = 'delta-rs', samplesUrl } = event.data;
  try {
    await loadParquetWasm();
    const scenario = toScenario(nameOrJson);
    const run = await runScenario(scenario, seed, { makeStore: (clock) => new MemoryStore({ clock, newLeaseId: () => 'lease' }), operations: simOperations, settle, fixtures: fixturesAt(samplesUrl) }, rules);
    const response: SimResponse = {
      id, ok: true,
      result: { scenario: scenario.name, seed, trace: run.trace, outcomes: run.outcomes, finalVersion: run.finalVersion, events: run.events, summary: summarise(run), invariantViolations: await checkInvariants(run, rules) },
    };
    postMessage(response);
  } catch (error) {
    postMessage({ id, ok: false, error: toLakeError(error).toJSON() } satisfies SimResponse);
  }
};
