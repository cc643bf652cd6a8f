/**
 * Scenarios of any depth or size get a typed refusal that names the limit: one nested 5,000
 * schema levels deep crashed `lakelab sim` with a RangeError from JSON.stringify.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from './scenario.ts';
import { scenarioLibrary } from './scenarioLibrary.ts';
import { scenarioLimits } from './scenarioLimits.ts';

const base = () => JSON.parse(JSON.stringify(scenarioLibrary[0])) as Record<string, unknown> & { writers: { name: string; steps: unknown[] }[] };

describe('scenario limits', () => {
  it('the built-in scenarios are all within the limits', () => {
    for (const scenario of scenarioLibrary) expect(() => validateScenario(JSON.parse(JSON.stringify(scenario)))).not.toThrow();
  });

  it('a schema nested 5,000 levels deep is refused before anything recurses into it', () => {
    const doc = base();
    const schema = JSON.parse(`${'{"type":"struct","fields":[{"name":"a","nullable":true,"metadata":{},"type":'.repeat(5_000)}"long"${'}]}'.repeat(5_000)}`) as unknown;
    doc.table = { schema, rows: [] };
    expect(() => validateScenario(doc)).toThrow(expect.objectContaining({ code: 'InvalidInput', message: expect.stringContaining(`nested more than ${scenarioLimits.depth} levels deep`) }));
  });

  it('a row value nested 100,000 levels deep is refused', () => {
    const doc = base();
    doc.writers[0]!.steps = [{ append: [{ id: JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown }] }];
    expect(() => validateScenario(doc)).toThrow(expect.objectContaining({ code: 'InvalidInput' }));
  });

  it('too many steps or rows are refused, saying the limit', () => {
    const steps = base();
    steps.writers[0]!.steps = Array.from({ length: scenarioLimits.steps + 1 }, () => ({ think: 1 }));
    expect(() => validateScenario(steps)).toThrow(/\d{2},\d{3} steps; a scenario has at most 10,000 steps/);
    const rows = base();
    rows.writers[0]!.steps = [{ append: Array.from({ length: scenarioLimits.rows + 1 }, (_, id) => ({ id })) }];
    expect(() => validateScenario(rows)).toThrow(/\d{3},\d{3} rows; a scenario holds at most 100,000 rows/);
    // A catalog database writer's transactions count too.
    const catalog = { ...base(), catalog: { table: 'main.t', columns: [{ name: 'id', type: 'int64' }] } } as Record<string, unknown>;
    catalog.writers = [{ name: 'dl', steps: [], ducklake: { steps: Array.from({ length: scenarioLimits.steps + 1 }, () => ({ think: 1 })) } }];
    expect(() => validateScenario(catalog)).toThrow(/\d{2},\d{3} steps; a scenario has at most 10,000 steps/);
    catalog.writers = [{ name: 'dl', steps: [], ducklake: { steps: [{ insert: Array.from({ length: scenarioLimits.rows + 1 }, (_, id) => ({ id })) }] } }];
    expect(() => validateScenario(catalog)).toThrow(/\d{3},\d{3} rows; a scenario holds at most 100,000 rows/);
  });
});

describe('scenario shapes', () => {
  it('a writer that is not an object is refused, naming it (null escaped as a TypeError; found by fuzzing)', () => {
    const doc = base();
    (doc.writers as unknown[])[1] = null;
    expect(() => validateScenario(doc)).toThrow(expect.objectContaining({ code: 'InvalidInput', message: 'scenario .writers[1]: must be an object with a name and steps' }));
  });
});
