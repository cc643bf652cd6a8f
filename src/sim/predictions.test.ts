import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../storage/memoryStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { simOperations } from '../workers/simOperationsNode.ts';
import { runScenario, type SimDependencies } from './runScenario.ts';
import { scenarioLibrary } from './scenarioLibrary.ts';
import { askedAs, decisiveMoments } from './predictions.ts';

const deps: SimDependencies = {
  makeStore: (clock) => new MemoryStore({ clock, newLeaseId: () => 'lease' }),
  operations: simOperations,
  settle: () => new Promise((resolve) => setImmediate(resolve)),
};
const run = (name: string, seed: number) => runScenario(scenarioLibrary.find((s) => s.name === name)!, seed, deps);

beforeAll(async () => {
  await loadParquetWasm();
});

describe("workshop mode's questions", () => {
  it('asks before the seed merge checks the delete that beat it, and the answer is its conflict', async () => {
    const { trace } = await run('seed-pinned-merge', 7);
    const moments = [...decisiveMoments(trace)];
    expect(moments).toHaveLength(1);
    const [index, question] = moments[0]!;
    expect(trace[index]).toMatchObject({ kind: 'checked', writer: 'merge', conflictKind: 'ConcurrentDeleteRead' });
    expect(question).toEqual({ kind: 'check', writer: 'merge', version: 1, choices: ['conflicts', 'retries'], answer: 'conflicts' });
    expect(askedAs(question, trace)).toBe("merge lost version 1 to cleanup's commit, and checks it against what it read and wrote. What happens?");
  });

  it('asks who wins each contested version of a race of appenders, among those that tried it, before it is settled', async () => {
    const { trace } = await run('blind-appenders', 1);
    const races = [...decisiveMoments(trace)].filter(([, q]) => q.kind === 'race');
    expect(races.length).toBeGreaterThan(0);
    for (const [index, question] of races) {
      if (question.kind !== 'race') continue;
      const event = trace[index]!;
      expect(event).toMatchObject({ kind: 'committed', version: question.version, writer: question.answer });
      // Every choice had attempted that version before the question is asked.
      for (const writer of question.choices) expect(trace.slice(0, index).some((e) => e.kind === 'attempt' && e.writer === writer && e.version === question.version)).toBe(true);
    }
    // Blind appends never conflict: every check says the loser retries.
    const checks = [...decisiveMoments(trace).values()].filter((q) => q.kind === 'check');
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((q) => q.answer === 'retries')).toBe(true);
  });
});
