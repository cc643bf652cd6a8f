/**
 * The conflict checker: a transaction against the commits that won the race, one by one in
 * version order, under delta-rs's rules (what Lakelab commits with) or Spark Delta's (shown
 * beside them). Pure: the caller loads the winning commits.
 */
import type { Commit } from '../actions.ts';
import type { Transaction } from '../transaction.ts';
import type { Conflict } from './conflict.ts';
import { checkConflictDeltaRs } from './deltaRsRules.ts';
import { checkConflictSpark } from './sparkRules.ts';
import { checkConflictDuckLake } from './duckLakeRules.ts';

export type ConflictRules = 'delta-rs' | 'spark' | 'ducklake';

const rulesByName: Record<ConflictRules, (tx: Transaction, winner: Commit) => Conflict | undefined> = {
  'delta-rs': checkConflictDeltaRs,
  spark: checkConflictSpark,
  ducklake: checkConflictDuckLake,
};

/** The first winning commit's conflict, in version order, or undefined when the transaction may commit after all of them. */
export function checkConflict(tx: Transaction, winners: readonly Commit[], rules: ConflictRules = 'delta-rs'): Conflict | undefined {
  const check = rulesByName[rules];
  // One winner (the commit loop checks them one at a time) needs no sorting.
  for (const winner of winners.length > 1 ? [...winners].sort((a, b) => a.version - b.version) : winners) {
    const conflict = check(tx, winner);
    if (conflict) return conflict;
  }
  return undefined;
}

/** Both rule sets' verdicts on the same race, for the comparison view. */
export function checkConflictBothRules(tx: Transaction, winners: readonly Commit[]): Record<ConflictRules, Conflict | undefined> {
  return { 'delta-rs': checkConflict(tx, winners, 'delta-rs'), spark: checkConflict(tx, winners, 'spark'), ducklake: checkConflict(tx, winners, 'ducklake') };
}

export { checkConflictDeltaRs, checkConflictSpark, checkConflictDuckLake };
