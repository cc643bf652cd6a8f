/**
 * delta-rs's conflict checks (conflict_checker.rs), in its order; the first that fails decides.
 * The facts are in shared/notes/delta-conflicts.md; each rule's test is in the table-driven
 * conflictChecker.test.ts.
 */
import type { Action, Add, Commit, Remove } from '../actions.ts';
import { changesData, isMetadataChanged, type IsolationLevel, type Transaction } from '../transaction.ts';
import { deltaRsMessages, type Conflict, type ConflictKind } from './conflict.ts';
import { addMatchesPredicate } from './predicateMatch.ts';
import { explain } from './explanations.ts';

export function checkConflictDeltaRs(tx: Transaction, winner: Commit): Conflict | undefined {
  const summary = summarise(winner.actions);
  const conflict = (kind: ConflictKind, files: string[], detail?: string): Conflict => ({
    kind,
    winningVersion: winner.version,
    winningOperation: summary.operation,
    files,
    message: deltaRsMessages[kind](detail),
    isolationLevel: tx.isolationLevel,
    explanation: explain(kind, tx, summary.operation, winner.version, files),
  });

  // 1. Protocol.
  for (const protocol of summary.protocols) {
    const read = tx.readProtocol;
    if (read && (read.minReaderVersion < protocol.minReaderVersion || protocol.minWriterVersion < read.minWriterVersion)) {
      return conflict('ProtocolChanged', [], `required read/write ${protocol.minReaderVersion}/${protocol.minWriterVersion}, current read/write ${read.minReaderVersion}/${read.minWriterVersion}`);
    }
  }
  if (summary.protocols.length > 0 && tx.actions.some((a) => 'protocol' in a)) return conflict('ProtocolChanged', [], 'protocol changed');

  // 2. Metadata.
  if (summary.hasMetadata) return conflict('MetadataChanged', []);

  // 3. Files added that the transaction should have read.
  const isolation = effectiveIsolation(tx, summary);
  if (isolation !== 'SnapshotIsolation') {
    const candidates = isolation === 'WriteSerializable' && !isMetadataChanged(tx)
      ? (summary.isBlindAppend ? [] : summary.dataAdds)
      : summary.dataAdds;
    const matching = tx.readWholeTable
      ? candidates
      : tx.readPredicate
        ? candidates.filter((add) => addMatchesPredicate(add, tx.readPredicate!, tx))
        : [];
    if (matching.length > 0) return conflict('ConcurrentAppend', matching.map((a) => a.path));
  }

  // 4. Files deleted that the transaction read.
  const dataRemoves = summary.removes.filter((r) => r.dataChange);
  if (dataRemoves.length > 0) {
    const read = new Set(tx.readFiles);
    const hit = tx.readWholeTable ? dataRemoves : dataRemoves.filter((r) => read.has(r.path));
    if (hit.length > 0) return conflict('ConcurrentDeleteRead', hit.map((r) => r.path));
  }

  // 5. Files both deleted (only when the winner deleted any).
  if (summary.removes.length > 0) {
    const ours = new Set(tx.actions.flatMap((a) => ('remove' in a ? [a.remove.path] : [])));
    const both = summary.removes.filter((r) => ours.has(r.path));
    if (both.length > 0) return conflict('ConcurrentDeleteDelete', both.map((r) => r.path));
  }

  // 6. Application transactions (only when the winner recorded any).
  if (summary.appIds.length > 0) {
    const ourApps = new Set(tx.actions.flatMap((a) => ('txn' in a ? [a.txn.appId] : [])));
    const clash = summary.appIds.filter((id) => ourApps.has(id));
    if (clash.length > 0) return conflict('ConcurrentTransaction', []);
  }

  return undefined;
}

export interface CommitSummary {
  operation?: string;
  isBlindAppend: boolean;
  protocols: Extract<Action, { protocol: unknown }>['protocol'][];
  hasMetadata: boolean;
  /** Adds that change data (compaction adds, dataChange=false, are not new data). */
  dataAdds: Add[];
  removes: Remove[];
  appIds: string[];
  /** True when the commit holds only add/remove actions (no commitInfo or other action). */
  onlyFileActions: boolean;
}

export function summarise(actions: readonly Action[]): CommitSummary {
  const summary: CommitSummary = { isBlindAppend: false, protocols: [], hasMetadata: false, dataAdds: [], removes: [], appIds: [], onlyFileActions: true };
  for (const action of actions) {
    if ('add' in action) {
      if (action.add.dataChange) summary.dataAdds.push(action.add);
    } else if ('remove' in action) {
      summary.removes.push(action.remove);
    } else {
      summary.onlyFileActions = false;
      if ('commitInfo' in action) {
        summary.operation = action.commitInfo.operation;
        summary.isBlindAppend = action.commitInfo.isBlindAppend === true;
      } else if ('protocol' in action) summary.protocols.push(action.protocol);
      else if ('metaData' in action) summary.hasMetadata = true;
      else if ('txn' in action) summary.appIds.push(action.txn.appId);
    }
  }
  return summary;
}

/**
 * delta-rs downgrades to snapshot isolation when the winning commit holds only file actions
 * that change no data (and, under WriteSerializable, the transaction changes none either).
 * Every delta-rs commit carries a commitInfo, so in practice this never applies.
 */
function effectiveIsolation(tx: Transaction, winner: CommitSummary): IsolationLevel {
  if (tx.isolationLevel === 'SnapshotIsolation' || !winner.onlyFileActions) return tx.isolationLevel;
  const winnerChangesData = winner.dataAdds.length > 0 || winner.removes.some((r) => r.dataChange);
  if (winnerChangesData) return tx.isolationLevel;
  if (tx.isolationLevel === 'Serializable') return 'SnapshotIsolation';
  return changesData(tx.operation) ? tx.isolationLevel : 'SnapshotIsolation';
}
