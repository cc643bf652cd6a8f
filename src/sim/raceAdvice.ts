/**
 * Advice for a race a simulated writer lost: its transaction re-checked against every commit
 * after its read version that the log holds when it lost, under every isolation level and rule
 * set (core/delta/conflicts/conflictAdvice.ts). The caller gives a store that takes no virtual
 * time (the simulated store's own memory), so explaining a conflict does not change the race.
 */
import type { ObjectStore } from '../core/objectStore.ts';
import type { Transaction } from '../core/delta/transaction.ts';
import { loadLogListingFrom } from '../core/delta/logSegment.ts';
import { loadCommits } from '../core/delta/loadCommits.ts';
import { adviseOnConflict, type ConflictAdvice } from '../core/delta/conflicts/conflictAdvice.ts';
import type { ConflictRules } from '../core/delta/conflicts/conflictChecker.ts';

export async function adviseOnRace(store: ObjectStore, tx: Transaction, rules: ConflictRules): Promise<ConflictAdvice> {
  const listing = await loadLogListingFrom(store, tx.tableRoot, tx.readVersion + 1);
  const versions = [...listing.commits.keys()].filter((v) => v > tx.readVersion).sort((a, b) => a - b);
  const winners = await loadCommits(store, tx.tableRoot, versions);
  return adviseOnConflict(tx, winners, rules);
}
