/**
 * The same (scenario, seed) judged by each rule set, side by side: per rule set the commits,
 * conflicts by kind, version retries, recomputes and wasted writes, and each writer whose
 * figures or outcome differ between rule sets. The rule sets judge Delta commits: lease runs on
 * a catalog file are left out (their runs do not depend on them), and a scenario with only lease
 * runs is not compared at all. Writers on a DuckLake catalog database are judged by DuckLake's
 * own rules on their real snapshots whatever the rule set: their totals (from the run under
 * DuckLake's rules) stand beside the three rule sets' totals.
 */
import type { ConflictRules } from '../core/delta/conflicts/conflictChecker.ts';
import { noFigures, type SimFigures, type WriterFigures } from './figures.ts';
import type { Scenario } from './scenario.ts';

export const comparedRuleSets: readonly ConflictRules[] = ['delta-rs', 'spark', 'ducklake'];

/** One rule set's run: what `lakelab sim --rules <rules>` reports for it. */
export interface RuleRun {
  outcomes: Record<string, string>;
  summary: SimFigures;
}

export interface WriterComparison {
  writer: string;
  byRules: Record<ConflictRules, { outcome?: string; figures: WriterFigures }>;
}

export type RuleComparison =
  | { compared: false; why: string }
  | {
    compared: true;
    /** Writers left out: lease runs, which no rule set judges. */
    leaseWriters: string[];
    /** Writers on the catalog database, and their totals: DuckLake's rules on real DuckLake commits. */
    catalogWriters: string[];
    catalogTotals: WriterFigures;
    /** Totals over the compared writers. */
    totals: Record<ConflictRules, WriterFigures>;
    /** The compared writers whose outcome or figures differ between rule sets. */
    differing: WriterComparison[];
    writers: string[];
  };

/** Lease runs: no rule set judges them. */
export function leaseWritersOf(scenario: Pick<Scenario, 'writers'>): string[] {
  return scenario.writers.filter((w) => w.lease).map((w) => w.name);
}

/** Writers on the DuckLake catalog database: DuckLake's own rules judge their real commits. */
export function catalogWritersOf(scenario: Pick<Scenario, 'writers'>): string[] {
  return scenario.writers.filter((w) => w.ducklake).map((w) => w.name);
}

/** Why a scenario cannot be compared across rule sets, or undefined when it can. */
export function checkComparable(scenario: Pick<Scenario, 'writers'>): string | undefined {
  if (scenario.writers.every((w) => w.lease || w.ducklake) && scenario.writers.some((w) => w.ducklake)) {
    return 'Every writer here works on the DuckLake catalog (a database writer, judged by DuckLake\'s own rules on its real commits, or a lease run): no Delta commit for delta-rs\'s and Spark\'s rules to judge. Add Delta writers with the same workload to compare.';
  }
  if (scenario.writers.every((w) => w.lease)) {
    return 'Every writer here is a lease run on the DuckLake catalog file: it takes the lease or stops, and no rule set judges it (delta-rs\'s and Spark\'s rules judge Delta commits, DuckLake\'s the commits to a catalog database). There is nothing to compare.';
  }
  return undefined;
}

export function toRuleComparison(scenario: Pick<Scenario, 'writers'>, runs: Record<ConflictRules, RuleRun>): RuleComparison {
  const why = checkComparable(scenario);
  if (why) return { compared: false, why };
  const leaseWriters = leaseWritersOf(scenario);
  const catalogWriters = catalogWritersOf(scenario);
  const writers = scenario.writers.map((w) => w.name).filter((w) => !leaseWriters.includes(w) && !catalogWriters.includes(w));
  const catalogTotals = noFigures();
  for (const writer of catalogWriters) add(catalogTotals, runs.ducklake.summary.writers[writer] ?? noFigures());
  const totals = {} as Record<ConflictRules, WriterFigures>;
  const byWriter = new Map(writers.map((writer) => [writer, {} as WriterComparison['byRules']]));
  for (const rules of comparedRuleSets) {
    const run = runs[rules];
    const total = noFigures();
    for (const writer of writers) {
      const figures = run.summary.writers[writer] ?? noFigures();
      byWriter.get(writer)![rules] = { outcome: run.outcomes[writer], figures };
      add(total, figures);
    }
    totals[rules] = total;
  }
  const differing = writers.flatMap((writer) => {
    const byRules = byWriter.get(writer)!;
    const [first, ...others] = comparedRuleSets.map((rules) => toKey(byRules[rules]));
    return others.every((o) => o === first) ? [] : [{ writer, byRules }];
  });
  return { compared: true, leaseWriters, catalogWriters, catalogTotals, totals, differing, writers };
}

/** A writer's result as one comparable string (conflict kinds in a fixed order). */
function toKey({ outcome, figures }: WriterComparison['byRules'][ConflictRules]): string {
  const conflicts = Object.entries(figures.conflicts).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([outcome, figures.commits, conflicts, figures.retries, figures.recomputes, figures.wasted, figures.wastedFiles]);
}

function add(total: WriterFigures, f: WriterFigures): void {
  total.commits += f.commits;
  total.retries += f.retries;
  total.recomputes += f.recomputes;
  total.wasted += f.wasted;
  total.wastedFiles += f.wastedFiles;
  for (const [kind, n] of Object.entries(f.conflicts)) total.conflicts[kind] = (total.conflicts[kind] ?? 0) + n;
}
