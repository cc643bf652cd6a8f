/** The rule comparison's model: who is compared, the totals, and who differs. */
import { describe, expect, it } from 'vitest';
import { toRuleComparison, type RuleRun } from './ruleComparison.ts';
import { noFigures, type SimFigures } from './figures.ts';
import type { WriterScript } from './scenario.ts';

const delta = (name: string): WriterScript => ({ name, steps: [] });
const lease = (name: string): WriterScript => ({ name, steps: [], lease: { mode: 'infinite-stamped', work: 10 } });
const runOf = (writers: Record<string, { outcome: string; commits: number; conflict?: string }>): RuleRun => {
  const summary: SimFigures = { ...noFigures(), throughput: 0, writers: {} };
  const outcomes: Record<string, string> = {};
  for (const [name, w] of Object.entries(writers)) {
    outcomes[name] = w.outcome;
    summary.writers[name] = { ...noFigures(), commits: w.commits, conflicts: w.conflict ? { [w.conflict]: 1 } : {}, wasted: w.conflict ? 1 : 0, wastedFiles: w.conflict ? 2 : 0 };
  }
  return { outcomes, summary };
};

describe('the rule comparison', () => {
  it('leaves lease runs out of a scenario that also has Delta writers, and says which', () => {
    const same = { a: { outcome: 'committed', commits: 1 }, l: { outcome: 'lease held', commits: 0 } };
    const comparison = toRuleComparison({ writers: [delta('a'), lease('l')] }, {
      'delta-rs': runOf({ ...same, b: { outcome: 'ConcurrentAppend', commits: 0, conflict: 'ConcurrentAppend' } }),
      spark: runOf({ ...same, b: { outcome: 'committed', commits: 1 } }),
      ducklake: runOf({ ...same, b: { outcome: 'committed', commits: 1 } }),
    });
    expect(comparison).toMatchObject({ compared: true, leaseWriters: ['l'], writers: ['a'] });
  });

  it('sums the compared writers per rule set and lists only those that differ', () => {
    const comparison = toRuleComparison({ writers: [delta('a'), delta('b')] }, {
      'delta-rs': runOf({ a: { outcome: 'committed', commits: 1 }, b: { outcome: 'ConcurrentAppend', commits: 0, conflict: 'ConcurrentAppend' } }),
      spark: runOf({ a: { outcome: 'committed', commits: 1 }, b: { outcome: 'committed', commits: 1 } }),
      ducklake: runOf({ a: { outcome: 'committed', commits: 1 }, b: { outcome: 'committed', commits: 1 } }),
    });
    if (!comparison.compared) throw new Error('not compared');
    expect(comparison.totals['delta-rs']).toEqual({ ...noFigures(), commits: 1, conflicts: { ConcurrentAppend: 1 }, wasted: 1, wastedFiles: 2 });
    expect(comparison.totals.spark).toEqual({ ...noFigures(), commits: 2 });
    expect(comparison.differing.map((d) => d.writer)).toEqual(['b']);
  });

  it('does not compare a scenario of lease runs only', () => {
    expect(toRuleComparison({ writers: [lease('l1'), lease('l2')] }, {} as never)).toEqual({ compared: false, why: expect.stringContaining('There is nothing to compare') });
  });
});
