/**
 * Conflict advice, table-tested over the conflict cases of delta-conflicts.md: for every race
 * that delta-rs fails, the advice's verdict under each other isolation level and under Spark
 * Delta's rules is the one the cases give, and its words name a way through only where there is one.
 */
import { describe, expect, it } from 'vitest';
import type { Commit } from '../actions.ts';
import type { IsolationLevel } from '../transaction.ts';
import { adviseOnConflict } from './conflictAdvice.ts';
import { checkConflictDeltaRs } from './deltaRsRules.ts';
import { expectedVerdict, isolations, levelsOf, table, toTransaction, winners, type Row } from './conflictCases.ts';

const winning = (name: string): Commit[] => [{ version: 5, actions: winners[name]! }];

/** What the cases say about one race (winner, ours): a verdict per rule set and level they speak for. */
function knownVerdicts(winner: string, our: string) {
  const rows = table.filter((r: Row) => r[0] === winner && r[1] === our);
  return rows.flatMap((row) => levelsOf(row).flatMap((level) => (['delta-rs', 'spark'] as const).map((rules) => ({ rules, level, verdict: expectedVerdict(row, rules, level) }))));
}

describe('conflict advice over the cases of delta-conflicts.md', () => {
  for (const row of table) {
    const [winner, our] = row;
    for (const level of levelsOf(row).filter((l) => expectedVerdict(row, 'delta-rs', l) !== 'ok')) {
      it(`${winner} vs ${our}, lost under ${level}: every re-checked verdict is the cases' own`, () => {
        const advice = adviseOnConflict(toTransaction(our, level), winning(winner));
        expect(advice.judged.conflict?.kind).toBe(expectedVerdict(row, 'delta-rs', level));
        for (const known of knownVerdicts(winner, our)) {
          const verdict = advice.verdicts.find((v) => v.rules === known.rules && v.isolationLevel === known.level)!;
          expect(verdict.conflict?.kind ?? 'ok', `${known.rules} under ${known.level}`).toBe(known.verdict);
          if (known.rules === 'delta-rs' && known.level !== level) {
            expect(advice.text).toContain(known.verdict === 'ok' ? `Under ${known.level} it would have committed` : `Under ${known.level} it fails`);
          }
        }
        expect(advice.text.includes('nothing would have let it through')).toBe(advice.letThrough.length === 0);
        expect(advice.versions).toEqual([5]);
      });
    }
  }
});

describe('conflict advice in words', () => {
  const advise = (winner: string, our: string, level: IsolationLevel) => adviseOnConflict(toTransaction(our, level), winning(winner));

  it('does not offer WriteSerializable for a ConcurrentAppend whose winner was a DELETE: nothing lets that race through', () => {
    const advice = advise('deleteRewritesA', 'deleteXBetween5And10', 'Serializable');
    expect(advice.judged.conflict).toEqual({ kind: 'ConcurrentAppend', winningVersion: 5, winningOperation: 'DELETE' });
    expect(advice.letThrough).toEqual([]);
    expect(advice.text).toContain('nothing would have let it through; read the table again and redo the write.');
    expect(advice.text).toContain('Under WriteSerializable it fails the same way (ConcurrentAppend against the DELETE at version 5).');
    expect(advice.text).toContain('Under SnapshotIsolation it fails too, on another check (ConcurrentDeleteRead against the DELETE at version 5): that level gives up only the check for data added meanwhile.');
    expect(advice.text).not.toMatch(/use WriteSerializable|WriteSerializable, which/);
    // The checker's own explanation offers no level either: which one helps is the advice's to find out.
    expect(checkConflictDeltaRs(toTransaction('deleteXBetween5And10', 'Serializable'), winning('deleteRewritesA')[0]!)!.explanation).not.toContain('WriteSerializable');
  });

  it('names SnapshotIsolation as the way through an append that matches the read, and what it gives up', () => {
    const advice = advise('appendMatchingX', 'deleteXBetween5And10', 'Serializable');
    expect(advice.letThrough.map((v) => `${v.rules} ${v.isolationLevel}`)).toEqual(expect.arrayContaining(['delta-rs SnapshotIsolation', 'spark SnapshotIsolation']));
    expect(advice.letThrough.some((v) => v.isolationLevel === 'WriteSerializable')).toBe(false);
    expect(advice.text).toMatch(/^Re-checked against version 5 under every isolation level and rule set, it would have committed under SnapshotIsolation, or under Spark Delta's rules at SnapshotIsolation/);
    expect(advice.text).toContain("Under SnapshotIsolation it would have committed: that is SnapshotIsolation's trade: it skips the check for data added meanwhile, so this DELETE commits without seeing rows its read would have included");
    expect(advice.text).toContain('Under WriteSerializable it fails the same way (ConcurrentAppend against the WRITE at version 5).');
  });

  it('names WriteSerializable where the winner is marked a blind append', () => {
    const advice = advise('sparkBlindAppend', 'mergeWholeTable', 'Serializable');
    expect(advice.text).toContain('Under WriteSerializable it would have committed: WriteSerializable does not count data appended blindly meanwhile');
  });

  it('says when another rule set lets it through: Spark Delta records no reads for a blind append', () => {
    const advice = advise('deleteA', 'blindAppend', 'Serializable');
    expect(advice.letThrough.filter((v) => v.rules === 'delta-rs')).toEqual([]);
    expect(advice.text).toContain("it would have committed under Spark Delta's rules (at any level)");
    expect(advice.text).toContain("Under Spark Delta's rules: it would have committed at every isolation level.");
  });

  it('re-checks every winning commit, not only the one it lost to', () => {
    // The append passes under snapshot isolation, but the delete after it removed a file this transaction read.
    const tx = toTransaction('deleteXBetween5And10', 'Serializable');
    const race: Commit[] = [{ version: 5, actions: winners.appendMatchingX! }, { version: 6, actions: winners.deleteA! }];
    const advice = adviseOnConflict(tx, race);
    expect(advice.versions).toEqual([5, 6]);
    const snapshot = advice.verdicts.find((v) => v.rules === 'delta-rs' && v.isolationLevel === 'SnapshotIsolation')!;
    expect(snapshot.conflict).toMatchObject({ kind: 'ConcurrentDeleteRead', winningVersion: 6 });
    expect(advice.text).toContain('Re-checked against versions 5 to 6');
    expect(isolations).toHaveLength(3);
  });
});
