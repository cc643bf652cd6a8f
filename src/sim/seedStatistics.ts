/**
 * One scenario over many seeds: how often each writer ended each way, the commits and conflicts
 * per run, and the seeds whose invariants broke (each replayable from its link). Built one run
 * at a time, so a batch can report as it goes.
 */
import type { SimFigures } from './figures.ts';

export interface SeedRun {
  seed: number;
  outcomes: Record<string, string>;
  summary: Pick<SimFigures, 'commits' | 'conflicts'>;
  invariantViolations: readonly { invariant: string }[];
}

export interface SeedStatistics {
  scenario: string;
  /** The seeds run: from `firstSeed`, `runs` of them. */
  firstSeed: number;
  runs: number;
  /** Per writer, per outcome: in how many runs it ended so. */
  outcomes: Record<string, Record<string, number>>;
  commits: { min: number; mean: number; max: number };
  /** Conflicts of each kind over all the runs. */
  conflicts: Record<string, number>;
  /** The runs whose invariants broke, with which. */
  violations: { seed: number; invariants: string[] }[];
}

export function createSeedStatistics(scenario: string, firstSeed: number): SeedStatistics {
  return { scenario, firstSeed, runs: 0, outcomes: {}, commits: { min: 0, mean: 0, max: 0 }, conflicts: {}, violations: [] };
}

export function addSeedRun(stats: SeedStatistics, run: SeedRun): SeedStatistics {
  const runs = stats.runs + 1;
  const outcomes = { ...stats.outcomes };
  for (const [writer, outcome] of Object.entries(run.outcomes)) {
    const counts = { ...(outcomes[writer] ?? {}) };
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    outcomes[writer] = counts;
  }
  const conflicts = { ...stats.conflicts };
  for (const [kind, n] of Object.entries(run.summary.conflicts)) conflicts[kind] = (conflicts[kind] ?? 0) + n;
  const commits = run.summary.commits;
  const broken = [...new Set(run.invariantViolations.map((v) => v.invariant))];
  return {
    ...stats,
    runs,
    outcomes,
    conflicts,
    commits: {
      min: stats.runs === 0 ? commits : Math.min(stats.commits.min, commits),
      max: stats.runs === 0 ? commits : Math.max(stats.commits.max, commits),
      mean: (stats.commits.mean * stats.runs + commits) / runs,
    },
    violations: broken.length > 0 ? [...stats.violations, { seed: run.seed, invariants: broken }] : stats.violations,
  };
}
