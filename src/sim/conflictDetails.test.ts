import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../storage/memoryStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { simOperations } from '../workers/simOperationsNode.ts';
import { runScenario, type SimDependencies } from './runScenario.ts';
import { scenarioLibrary } from './scenarioLibrary.ts';
import { conflictDetails } from './conflictDetails.ts';

const deps: SimDependencies = {
  makeStore: (clock) => new MemoryStore({ clock, newLeaseId: () => 'lease' }),
  operations: simOperations,
  settle: () => new Promise((resolve) => setImmediate(resolve)),
};

beforeAll(async () => {
  await loadParquetWasm();
});

describe('what each side of a conflict touched', () => {
  it('the seed merge read the file of batch_001, which the cleanup removed: that file decided it', async () => {
    const run = await runScenario(scenarioLibrary.find((s) => s.name === 'seed-pinned-merge')!, 7, deps);
    const details = await conflictDetails(run, simOperations.codec);
    const [index, detail] = Object.entries(details)[0]!;
    expect(run.trace[Number(index)]).toMatchObject({ kind: 'conflict', writer: 'merge' });
    expect(detail).toMatchObject({ writer: 'merge', operation: 'MERGE', readVersion: 0, conflictKind: 'ConcurrentDeleteRead', winner: { writer: 'cleanup', version: 1, operation: 'DELETE', added: [] } });
    // The starting table is batch 1's rows in one file; the cleanup's delete of batch_001.csv removes exactly it.
    expect(detail.read).toHaveLength(1);
    expect(detail.read[0]!.min).toMatchObject({ filename: 'batch_001.csv' });
    expect(detail.read[0]!.max).toMatchObject({ filename: 'batch_001.csv' });
    expect(detail.winner.removed.map((f) => f.path)).toEqual([detail.read[0]!.path]);
    expect(detail.decisive).toEqual([detail.read[0]!.path]);
    expect(detail.deltaRsWords).toContain('a concurrent transaction deleted data this operation read');
    expect(detail.plainWords).toContain('The winner removed a file this transaction read');
  });

  it('a delete that conflicts names the predicate it read with', async () => {
    const run = await runScenario(scenarioLibrary.find((s) => s.name === 'delete-vs-delete')!, 1, deps);
    const details = Object.values(await conflictDetails(run, simOperations.codec));
    expect(details.length).toBeGreaterThan(0);
    for (const detail of details) {
      expect(detail.operation).toBe('DELETE');
      expect(detail.predicate).toBeTruthy();
      expect(detail.decisive.every((path) => detail.read.some((f) => f.path === path))).toBe(true);
    }
  });
});
