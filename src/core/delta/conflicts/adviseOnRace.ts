/**
 * Advice for a race a writer lost: its transaction re-checked against every commit after its
 * read version that the log holds when it lost, under every isolation level and rule set
 * (conflictAdvice.ts). The CLI and the page's Write tab call it on a real store; the simulator
 * gives a store that takes no virtual time (the simulated store's own memory), so explaining a
 * conflict does not change the race.
 */
import type { ObjectStore } from '../../objectStore.ts';
import type { Transaction } from '../transaction.ts';
import { loadLogListingFrom } from '../logSegment.ts';
import { loadCommits } from '../loadCommits.ts';
import { adviseOnConflict, type ConflictAdvice } from './conflictAdvice.ts';
import type { ConflictRules } from './conflictChecker.ts';

export async function adviseOnRace(store: ObjectStore, tx: Transaction, rules: ConflictRules): Promise<ConflictAdvice> {
  const listing = await loadLogListingFrom(store, tx.tableRoot, tx.readVersion + 1);
  const versions = [...listing.commits.keys()].filter((v) => v > tx.readVersion).sort((a, b) => a - b);
  const winners = await loadCommits(store, tx.tableRoot, versions);
  return adviseOnConflict(tx, winners, rules);
}
