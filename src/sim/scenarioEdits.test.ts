import { describe, expect, it } from 'vitest';
import { scenarioLibrary } from './scenarioLibrary.ts';
import { validateScenario } from './scenario.ts';
import { addStep, addWriter, editableStepKinds, moveStep, moveWriter, removeStep, removeWriter, setOption, setStep, changeWriter, toScenarioDocument } from './scenarioEdits.ts';
import { decodeScenario, encodeScenario, maxLinkedScenarioChars } from './scenarioLink.ts';

const seed = () => toScenarioDocument(scenarioLibrary.find((s) => s.name === 'seed-pinned-merge')!);

describe('scenario edits', () => {
  it('adds, moves and removes writers, keeping names unique and the document valid', () => {
    let doc = addWriter(addWriter(seed()));
    expect(doc.writers.map((w) => w.name)).toEqual(['merge', 'cleanup', 'writer-3', 'writer-4']);
    expect(() => validateScenario(doc)).not.toThrow();
    doc = moveWriter(doc, 3, -1);
    expect(doc.writers.map((w) => w.name)).toEqual(['merge', 'cleanup', 'writer-4', 'writer-3']);
    expect(moveWriter(doc, 0, -1).writers.map((w) => w.name)).toEqual(doc.writers.map((w) => w.name));
    doc = removeWriter(doc, 0);
    expect(doc.writers.map((w) => w.name)).toEqual(['cleanup', 'writer-4', 'writer-3']);
    expect(addWriter(doc).writers.at(-1)!.name).toBe('writer-5'); // writer-4 is taken
  });

  it('every step kind it offers starts valid for the starting table', () => {
    for (const kind of editableStepKinds) {
      const doc = addStep(seed(), 1, kind);
      expect(() => validateScenario(doc), kind).not.toThrow();
      expect(Object.keys(doc.writers[1]!.steps.at(-1)!)).toContain(kind);
    }
  });

  it('moves, changes and removes steps without touching the original', () => {
    const original = seed();
    const before = JSON.stringify(original);
    let doc = moveStep(original, 0, 2, -1);
    expect(doc.writers[0]!.steps.map((s) => Object.keys(s)[0])).toEqual(['read', 'merge', 'think']);
    doc = setStep(doc, 0, 2, { think: 5 });
    expect(doc.writers[0]!.steps[2]).toEqual({ think: 5 });
    doc = removeStep(doc, 0, 0);
    expect(doc.writers[0]!.steps.map((s) => Object.keys(s)[0])).toEqual(['merge', 'think']);
    expect(JSON.stringify(original)).toBe(before);
  });

  it('an option set to nothing is removed, so the validator sees the default', () => {
    const doc = changeWriter(seed(), 0, (w) => setOption(w, 'maxRetries', 3));
    expect(doc.writers[0]!.maxRetries).toBe(3);
    expect(changeWriter(doc, 0, (w) => setOption(w, 'maxRetries', undefined)).writers[0]).not.toHaveProperty('maxRetries');
  });

  it('an edit the validator refuses is refused with the path it names', () => {
    const doc = setStep(seed(), 1, 1, { delete: '' });
    expect(() => validateScenario(doc)).toThrow(/writers\[1\]\.steps\[1\]\.delete: must be a predicate/);
  });
});

describe('a scenario in a link', () => {
  it('round-trips every library scenario, names with any characters included', () => {
    for (const scenario of scenarioLibrary) expect(decodeScenario(encodeScenario(scenario))).toEqual(validateScenario(JSON.parse(JSON.stringify(scenario))));
    const named = { ...toScenarioDocument(scenarioLibrary[0]!), title: 'Ünïcödé 🦆 & "quotes"' };
    expect(decodeScenario(encodeScenario(named)).title).toBe(named.title);
  });

  it('a cut, changed or oversized link gets an error saying so, not a half scenario', () => {
    const text = encodeScenario(scenarioLibrary[0]);
    expect(() => decodeScenario(text.slice(0, text.length / 2))).toThrow(/cannot be read|cut/);
    expect(() => decodeScenario(`${text}!`)).toThrow(/not base64url/);
    expect(() => decodeScenario('a'.repeat(maxLinkedScenarioChars + 1))).toThrow(/share it as a JSON file/);
    expect(() => decodeScenario(encodeScenario({ version: 2 }))).toThrow(/\.version: must be 1/);
  });
});

describe('a scenario scaled for the sweep', () => {
  it('keeps its own writers first, then copies them in turn, and drops the outcomes that name them', async () => {
    const { scaleScenario } = await import('./sweep.ts');
    const seedScenario = scenarioLibrary.find((s) => s.name === 'seed-pinned-merge')!;
    expect(scaleScenario(seedScenario, 1).writers.map((w) => w.name)).toEqual(['merge']);
    const five = scaleScenario(seedScenario, 5);
    expect(five.writers.map((w) => w.name)).toEqual(['merge', 'cleanup', 'merge#2', 'cleanup#2', 'merge#3']);
    expect(five.writers[2]!.steps).toEqual(seedScenario.writers[0]!.steps);
    expect(five).not.toHaveProperty('expect');
    expect(() => validateScenario(JSON.parse(JSON.stringify(five)))).not.toThrow();
  });
});
