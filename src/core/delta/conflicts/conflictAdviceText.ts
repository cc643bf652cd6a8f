/**
 * The re-checked verdicts of a lost race in plain words: what would have let it through (or
 * that nothing would), each other isolation level of its rule set and what it gives up, and
 * the other rule sets. Every claim is one of the verdicts it is given.
 */
import type { IsolationLevel, Transaction } from '../transaction.ts';
import type { ConflictRules } from './conflictChecker.ts';
import type { RecheckedVerdict } from './conflictAdvice.ts';

const ruleNames: Record<ConflictRules, string> = { 'delta-rs': "delta-rs's rules", spark: "Spark Delta's rules", ducklake: "DuckLake's table-level rules" };
const ruleOrder: ConflictRules[] = ['delta-rs', 'spark', 'ducklake'];

type Found = NonNullable<RecheckedVerdict['conflict']>;

const commitOf = (c: Found) => (c.winningOperation ? `the ${c.winningOperation} at version ${c.winningVersion}` : `version ${c.winningVersion}`);
const describe = (c: Found) => `${c.kind} against ${commitOf(c)}`;
const isSame = (a: Found, b: Found) => a.kind === b.kind && a.winningVersion === b.winningVersion;
const levelsOf = (verdicts: readonly RecheckedVerdict[]) => verdicts.flatMap((v) => (v.isolationLevel ? [v.isolationLevel] : []));

/** What each level gives up to let a race through that a stronger one fails. */
function tradeOf(level: IsolationLevel, operation: string): string {
  if (level === 'SnapshotIsolation') {
    return `that is SnapshotIsolation's trade: it skips the check for data added meanwhile, so this ${operation} commits without seeing rows its read would have included, and the table can end in a state that no one-at-a-time order of the writes gives`;
  }
  if (level === 'WriteSerializable') {
    return `WriteSerializable does not count data appended blindly meanwhile: the writes still have one order, but this ${operation} did not see those rows`;
  }
  return 'Serializable checks everything the weaker levels check';
}

function levelSentence(v: RecheckedVerdict, judged: Found, operation: string): string {
  const level = v.isolationLevel!;
  if (!v.conflict) return `Under ${level} it would have committed: ${tradeOf(level, operation)}.`;
  const onlyAppends = level === 'SnapshotIsolation' ? ': that level gives up only the check for data added meanwhile' : '';
  return isSame(v.conflict, judged)
    ? `Under ${level} it fails the same way (${describe(v.conflict)})${onlyAppends}.`
    : `Under ${level} it fails too, on another check (${describe(v.conflict)})${onlyAppends}.`;
}

function ruleSetPhrase(verdicts: readonly RecheckedVerdict[]): string {
  const failing = verdicts.filter((v) => v.conflict);
  // DuckLake's conflicts are table-level: its kinds are only the nearest Delta names.
  if (verdicts.length === 1) return failing.length === 0 ? 'it would have committed' : `it fails too (a table-level conflict with ${commitOf(failing[0]!.conflict!)})`;
  if (failing.length === 0) return 'it would have committed at every isolation level';
  const failures = failing.map((v) => `${v.isolationLevel}: ${describe(v.conflict!)}`);
  const allSame = failing.every((v) => isSame(v.conflict!, failing[0]!.conflict!));
  if (failing.length === verdicts.length) return allSame ? `it fails at every isolation level (${describe(failing[0]!.conflict!)})` : `it fails at every isolation level (${failures.join('; ')})`;
  return `it would have committed under ${levelsOf(verdicts.filter((v) => !v.conflict)).join(' and ')}, and fails under ${failures.join('; ')}`;
}

function waysThrough(letThrough: readonly RecheckedVerdict[], judgedRules: ConflictRules): string {
  const ways = ruleOrder.flatMap((rules) => {
    const passing = letThrough.filter((v) => v.rules === rules);
    if (passing.length === 0) return [];
    if (rules === judgedRules) return levelsOf(passing);
    if (rules === 'ducklake') return [ruleNames.ducklake];
    return [`${ruleNames[rules]}${passing.length === 3 ? ' (at any level)' : ` at ${levelsOf(passing).join(' or ')}`}`];
  });
  return ways.join(', or under ');
}

export function toAdviceText(advice: { tx: Pick<Transaction, 'operation'>; versions: number[]; judged: RecheckedVerdict; verdicts: RecheckedVerdict[]; letThrough: RecheckedVerdict[] }): string {
  const { tx, versions, judged, verdicts, letThrough } = advice;
  const against = versions.length === 1 ? `version ${versions[0]}` : `versions ${versions[0]} to ${versions.at(-1)}`;
  if (!judged.conflict) return `Re-checked against ${against}: it does not conflict with them.`;
  const redo = judged.conflict.kind === 'ConcurrentTransaction' ? 'the batch is already written: skip it' : 'read the table again and redo the write';
  const sentences = [letThrough.length === 0
    ? `Re-checked against ${against} under every isolation level and rule set: nothing would have let it through; ${redo}.`
    : `Re-checked against ${against} under every isolation level and rule set, it would have committed under ${waysThrough(letThrough, judged.rules)}.`];
  for (const v of verdicts.filter((x) => x.rules === judged.rules && judged.rules !== 'ducklake' && x.isolationLevel !== judged.isolationLevel)) {
    sentences.push(levelSentence(v, judged.conflict, tx.operation));
  }
  for (const rules of ruleOrder.filter((r) => r !== judged.rules)) {
    sentences.push(`Under ${ruleNames[rules]}: ${ruleSetPhrase(verdicts.filter((v) => v.rules === rules))}.`);
  }
  return sentences.join(' ');
}
