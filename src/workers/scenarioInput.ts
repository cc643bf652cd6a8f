/** A built-in scenario by name, or a scenario document, validated. */
import { LakeError } from '../core/errors.ts';
import { scenarioLibrary } from '../sim/scenarioLibrary.ts';
import { validateScenario, type Scenario } from '../sim/scenario.ts';

export function toScenario(nameOrJson: string | unknown): Scenario {
  if (typeof nameOrJson !== 'string') return validateScenario(nameOrJson);
  const builtIn = scenarioLibrary.find((s) => s.name === nameOrJson);
  if (!builtIn) throw new LakeError('NotFound', `no built-in scenario "${nameOrJson}": the built-in ones are ${scenarioLibrary.map((s) => s.name).join(', ')}`);
  return builtIn;
}
