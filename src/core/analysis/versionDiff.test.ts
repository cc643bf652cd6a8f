import { describe, expect, it } from 'vitest';
import type { Add } from '../delta/actions.ts';
import { planVersionDiff, subtractRows } from './versionDiff.ts';

const file = (path: string, rows: number, dv?: { id: string; cardinality: number }): Add => ({
  path, partitionValues: {}, size: 1, modificationTime: 0, dataChange: true,
  stats: JSON.stringify({ numRecords: rows }),
  deletionVector: dv ? { storageType: 'u', pathOrInlineDv: dv.id.padEnd(20, '0'), offset: 1, sizeInBytes: 10, cardinality: dv.cardinality } : undefined,
});

describe('version diff planning', () => {
  it('finds removed, added and re-deleted files and counts rows from stats', () => {
    const from = [file('a', 10), file('b', 5), file('c', 8, { id: 'x', cardinality: 1 })];
    const to = [file('b', 5), file('c', 8, { id: 'y', cardinality: 3 }), file('d', 4)];
    const plan = planVersionDiff(1, from, 2, to);
    expect(plan.removedFiles.map((f) => f.path)).toEqual(['a']);
    expect(plan.addedFiles.map((f) => f.path)).toEqual(['d']);
    expect(plan.changedDeletionVectors.map((c) => c.after.path)).toEqual(['c']);
    expect(plan.rowsRemoved).toBe(12); // 10 rows of a, 2 more deleted in c
    expect(plan.rowsAdded).toBe(4);
  });

  it('says it cannot count when stats are missing', () => {
    const noStats: Add = { ...file('a', 1), stats: null };
    expect(planVersionDiff(0, [noStats], 1, []).rowsRemoved).toBeNull();
  });

  it('cancels rows rewritten unchanged, as multisets', () => {
    const result = subtractRows(['x', 'y', 'y', 'z'], ['y', 'z', 'w'], (r) => r);
    expect(result).toEqual({ removed: ['x', 'y'], added: ['w'] });
  });
});
