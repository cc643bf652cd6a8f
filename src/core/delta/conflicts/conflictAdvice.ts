/**
 * What would have let a lost race through, found by re-checking it: the same transaction
 * against the same winning commits, with the real checkers, under every isolation level and
 * every rule set. A level or a rule set is named as a way through only when its checker lets
 * the race through; nothing comes from a table of advice.
 */
import type { Commit } from '../actions.ts';
import type { IsolationLevel, Transaction } from '../transaction.ts';
import type { Conflict } from './conflict.ts';
import { checkConflict, type ConflictRules } from './conflictChecker.ts';
import { toAdviceText } from './conflictAdviceText.ts';

export interface RecheckedVerdict {
  rules: ConflictRules;
  /** Undefined for DuckLake, whose rules have no isolation levels. */
  isolationLevel?: IsolationLevel;
  /** The conflict it meets; undefined: it would have committed. */
  conflict?: Pick<Conflict, 'kind' | 'winningVersion' | 'winningOperation'>;
}

export interface ConflictAdvice {
  /** The winning commits re-checked, in version order. */
  versions: number[];
  /** The verdict the race got, under its own rules and level. */
  judged: RecheckedVerdict;
  /** Every rule set at every level it has. */
  verdicts: RecheckedVerdict[];
  /** The verdicts under which it would have committed. */
  letThrough: RecheckedVerdict[];
  /** The same in plain words. */
  text: string;
}

export const isolationLevels: IsolationLevel[] = ['Serializable', 'WriteSerializable', 'SnapshotIsolation'];

export function adviseOnConflict(tx: Transaction, winners: readonly Commit[], rules: ConflictRules = 'delta-rs'): ConflictAdvice {
  const recheck = (ruleSet: ConflictRules, isolationLevel?: IsolationLevel): RecheckedVerdict => {
    const conflict = checkConflict(isolationLevel ? { ...tx, isolationLevel } : tx, winners, ruleSet);
    const verdict: RecheckedVerdict = { rules: ruleSet, isolationLevel };
    if (conflict) verdict.conflict = { kind: conflict.kind, winningVersion: conflict.winningVersion, winningOperation: conflict.winningOperation };
    return verdict;
  };
  const verdicts = [
    ...isolationLevels.map((level) => recheck('delta-rs', level)),
    ...isolationLevels.map((level) => recheck('spark', level)),
    recheck('ducklake'),
  ];
  const judged = verdicts.find((v) => v.rules === rules && (rules === 'ducklake' || v.isolationLevel === tx.isolationLevel))!;
  const letThrough = verdicts.filter((v) => !v.conflict);
  const versions = winners.map((w) => w.version).sort((a, b) => a - b);
  return { versions, judged, verdicts, letThrough, text: toAdviceText({ tx, versions, judged, verdicts, letThrough }) };
}
