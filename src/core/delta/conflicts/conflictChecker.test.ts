/**
 * delta-rs's conflict verdicts, table-driven: (what the winner committed, what our transaction
 * read and writes, isolation) -> expected verdict. Rows follow delta-conflicts.md: delta-rs's
 * own test scenarios, then the subtleties that change outcomes.
 */
import { describe, expect, it } from 'vitest';
import type { Commit } from '../actions.ts';
import { checkConflictDeltaRs } from './deltaRsRules.ts';
import { checkConflictSpark } from './sparkRules.ts';
import { checkConflict, checkConflictBothRules } from './conflictChecker.ts';
import { toUserMessage } from './conflict.ts';
import { expectedVerdict, levelsOf, table, toTransaction, winners } from './conflictCases.ts';


describe('delta-rs conflict checks', () => {
  for (const row of table) {
    const [winner, our, , , why] = row;
    for (const level of levelsOf(row)) {
      const expected = expectedVerdict(row, 'delta-rs', level);
      it(`${winner} vs ${our} under ${level}: ${expected} (${why})`, () => {
        const commit: Commit = { version: 5, actions: winners[winner]! };
        const conflict = checkConflictDeltaRs(toTransaction(our, level), commit);
        expect(conflict?.kind ?? 'ok').toBe(expected);
        if (conflict) {
          expect(conflict.winningVersion).toBe(5);
          expect(conflict.explanation.length).toBeGreaterThan(40);
        }
      });
    }
  }

  it('gives delta-rs\'s message for a pinned merge that lost to a delete', () => {
    const conflict = checkConflictDeltaRs(toTransaction('mergeWholeTable', 'Serializable'), { version: 5, actions: winners.deleteA! });
    expect(toUserMessage(conflict!)).toBe(
      "Failed to commit transaction: Commit failed: a concurrent transaction deleted data this operation read.\nHelp: This transaction's query must be rerun to exclude the removed data. Also, if you don't care to require this check to pass in the future, the isolation level can be set to Snapshot Isolation.",
    );
    expect(conflict!.files).toEqual(['a.parquet']);
    expect(conflict!.winningOperation).toBe('DELETE');
  });
});

describe('Spark Delta conflict checks, beside delta-rs', () => {
  for (const row of table) {
    const [winner, our, , , why] = row;
    for (const level of levelsOf(row)) {
      const expected = expectedVerdict(row, 'spark', level);
      it(`${winner} vs ${our} under ${level}: ${expected} (${why})`, () => {
        const conflict = checkConflictSpark(toTransaction(our, level), { version: 5, actions: winners[winner]! });
        expect(conflict?.kind ?? 'ok').toBe(expected);
        if (conflict) expect(conflict.message).toContain('Conflicting commit: {"version":5');
      });
    }
  }

  it('gives Spark\'s message for an OPTIMIZE racing a whole-table merge', () => {
    const conflict = checkConflictSpark(toTransaction('mergeWholeTable', 'WriteSerializable'), { version: 5, actions: winners.compactA! });
    expect(conflict!.message).toBe(
      'ConcurrentDeleteReadException: [DELTA_CONCURRENT_DELETE_READ] Transaction conflict detected. a concurrent OPTIMIZE deleted data from table delta table (committed at version 5) that this transaction read. Please try the operation again.\nConflicting commit: {"version":5,"operation":"OPTIMIZE"}',
    );
    expect(conflict!.explanation).toContain('dataChange=false');
  });
});

describe('checking against several winning commits', () => {
  it('reports the first conflicting commit in version order, under either rule set', () => {
    const tx = toTransaction('blindAppend', 'Serializable');
    const winnersInOrder: Commit[] = [
      { version: 7, actions: winners.metadata! },
      { version: 5, actions: winners.append! },
      { version: 6, actions: winners.deleteA! },
    ];
    expect(checkConflict(tx, winnersInOrder)?.winningVersion).toBe(6);
    expect(checkConflict(tx, winnersInOrder)?.kind).toBe('ConcurrentDeleteRead');
    expect(checkConflict(tx, winnersInOrder, 'spark')?.kind).toBe('MetadataChanged');
    const both = checkConflictBothRules(tx, winnersInOrder.slice(1));
    expect(both['delta-rs']?.kind).toBe('ConcurrentDeleteRead');
    expect(both.spark).toBeUndefined();
  });
});
