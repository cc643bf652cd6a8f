/**
 * One deterministic simulator run, answered as the page receives it: the trace, the outcomes,
 * the figures and the invariants checked under the same rule set, with the run id it was asked
 * under. The simulator worker runs it; tests in Node run it with Node's dependencies.
 */
import { runScenario, type SimDependencies } from '../sim/runScenario.ts';
import { checkInvariants } from '../sim/invariants.ts';
import { summarise } from '../sim/figures.ts';
import { toScenario } from './scenarioInput.ts';
import type { SimRequest, SimRunResult } from './simProtocol.ts';
import { tableObjects } from './simTableObjects.ts';
import { conflictDetails } from '../sim/conflictDetails.ts';

export async function runSimRequest(request: Omit<SimRequest, 'id' | 'samplesUrl'>, deps: SimDependencies): Promise<SimRunResult> {
  const { seed, rules = 'delta-rs', runId, withTable = false } = request;
  const scenario = toScenario(request.scenario);
  const run = await runScenario(scenario, seed, deps, rules);
  return {
    runId,
    scenario: scenario.name,
    seed,
    trace: run.trace,
    outcomes: run.outcomes,
    finalVersion: run.finalVersion,
    events: run.events,
    summary: summarise(run),
    invariantViolations: await checkInvariants(run, rules),
    ...(withTable ? { table: await tableObjects(run.store), conflictDetails: await conflictDetails(run, deps.operations.codec) } : {}),
  };
}

