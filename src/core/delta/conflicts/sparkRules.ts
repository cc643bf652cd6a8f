/**
 * Spark Delta's conflict rules (delta-io/delta ConflictChecker.scala), for the side-by-side
 * comparison with delta-rs's (deltaRsRules.ts). Same input and output shape; the differences
 * that change verdicts are listed in shared/notes/delta-conflicts.md:
 * - a blind-append transaction records no reads, so no concurrent add or remove fails it;
 * - added files are judged on partition values only, and on an unpartitioned table any
 *   concurrent add conflicts with a transaction that read something;
 * - every concurrent remove of a read file conflicts, compaction (dataChange=false) included;
 * - a concurrent protocol change fails only a transaction that changes the protocol too
 *   (or a downgrade); app ids are checked before files.
 * Resolvable metadata changes and row-tracking fix-ups are not modelled: any metaData conflicts.
 */
import type { Add, Commit } from '../actions.ts';
import { isMetadataChanged, type IsolationLevel, type Transaction } from '../transaction.ts';
import type { Conflict, ConflictKind } from './conflict.ts';
import { summarise } from './deltaRsRules.ts';
import { addMatchesPredicate } from './predicateMatch.ts';
import { explain } from './explanations.ts';

/** Spark's error texts (delta-error-classes.json), with the table and winning commit filled in. */
export function toSparkMessage(kind: ConflictKind, winner: { operation?: string; version: number }, table: string): string {
  const operation = winner.operation ?? 'transaction';
  const conflictingCommit = `\nConflicting commit: {"version":${winner.version},"operation":"${operation}"}`;
  switch (kind) {
    case 'ProtocolChanged':
      return `ProtocolChangedException: The protocol version of the Delta table has been changed by a concurrent update. Please try the operation again.${conflictingCommit}`;
    case 'MetadataChanged':
      return `MetadataChangedException: The metadata of the Delta table has been changed by a concurrent update. Please try the operation again.${conflictingCommit}`;
    case 'ConcurrentAppend':
      return `ConcurrentAppendException: [DELTA_CONCURRENT_APPEND] Transaction conflict detected. a concurrent ${operation} added data to table ${table} committed at version ${winner.version}. Please try the operation again.${conflictingCommit}`;
    case 'ConcurrentDeleteRead':
      return `ConcurrentDeleteReadException: [DELTA_CONCURRENT_DELETE_READ] Transaction conflict detected. a concurrent ${operation} deleted data from table ${table} (committed at version ${winner.version}) that this transaction read. Please try the operation again.${conflictingCommit}`;
    case 'ConcurrentDeleteDelete':
      return `ConcurrentDeleteDeleteException: [DELTA_CONCURRENT_DELETE_DELETE] Transaction conflict detected. a concurrent ${operation} deleted data from table ${table} (committed at version ${winner.version}) that this transaction attempted to delete. Please try the operation again.${conflictingCommit}`;
    case 'ConcurrentTransaction':
      return `ConcurrentTransactionException: This error occurs when multiple streaming queries are using the same checkpoint to write into this table. Did you run multiple instances of the same streaming query at the same time?${conflictingCommit}`;
  }
}

export function checkConflictSpark(tx: Transaction, winner: Commit): Conflict | undefined {
  const summary = summarise(winner.actions);
  const table = tx.tableRoot === '' ? 'delta table' : `delta.\`${tx.tableRoot}\``;
  const conflict = (kind: ConflictKind, files: string[], sparkNote?: string): Conflict => ({
    kind,
    winningVersion: winner.version,
    winningOperation: summary.operation,
    files,
    message: toSparkMessage(kind, { operation: summary.operation, version: winner.version }, table),
    isolationLevel: tx.isolationLevel,
    explanation: `${explain(kind, tx, summary.operation, winner.version, files)}${sparkNote ? ` ${sparkNote}` : ''}`,
  });

  // 1. Protocol: both upgrading, or a downgrade below what the transaction read.
  if (summary.protocols.length > 0) {
    if (tx.actions.some((a) => 'protocol' in a)) return conflict('ProtocolChanged', []);
    const read = tx.readProtocol;
    const downgrade = read && summary.protocols.some((p) => p.minReaderVersion < read.minReaderVersion || p.minWriterVersion < read.minWriterVersion);
    if (downgrade) return conflict('ProtocolChanged', []);
  }

  // 2. Metadata.
  if (summary.hasMetadata) return conflict('MetadataChanged', []);

  // 3. Application transaction ids the transaction depends on.
  const ourApps = new Set(tx.actions.flatMap((a) => ('txn' in a ? [a.txn.appId] : [])));
  if (summary.appIds.some((id) => ourApps.has(id))) return conflict('ConcurrentTransaction', []);

  // A blind append records no read predicates and no read files.
  const readFiles = tx.isBlindAppend ? [] : tx.readFiles;
  const readSomething = !tx.isBlindAppend && (tx.readWholeTable || tx.readPredicate !== undefined || tx.readFiles.length > 0);

  // 4. Files added that the transaction should have read.
  const isolation = isolationToUse(tx);
  if (isolation !== 'SnapshotIsolation' && readSomething) {
    const candidates = isolation === 'WriteSerializable' && !isMetadataChanged(tx)
      ? (summary.isBlindAppend ? [] : summary.dataAdds)
      : summary.dataAdds;
    const unpartitioned = (tx.partitionColumns ?? []).length === 0;
    const matching = tx.readWholeTable || unpartitioned || !tx.readPredicate
      ? candidates
      : candidates.filter((add) => addMatchesPredicate(withoutStats(add), tx.readPredicate!, tx));
    const note = tx.readWholeTable ? undefined : unpartitioned
      ? 'Spark judges new files on partition values only, so on an unpartitioned table any new file conflicts; delta-rs would also look at file statistics.'
      : 'Spark judges new files on partition values only, not on file statistics.';
    if (matching.length > 0) return conflict('ConcurrentAppend', matching.map((a) => a.path), note);
  }

  // 5. Files deleted that the transaction read: any remove, compaction included.
  const read = new Set(readFiles);
  const hit = tx.readWholeTable && !tx.isBlindAppend ? summary.removes : summary.removes.filter((r) => read.has(r.path));
  const compactionOnly = hit.length > 0 && hit.every((r) => !r.dataChange);
  if (hit.length > 0) {
    return conflict('ConcurrentDeleteRead', hit.map((r) => r.path), compactionOnly
      ? 'Spark counts these removes even though they change no data (dataChange=false, a compaction); delta-rs lets them through.'
      : undefined);
  }

  // 6. Files both deleted.
  const ours = new Set(tx.actions.flatMap((a) => ('remove' in a ? [a.remove.path] : [])));
  const both = summary.removes.filter((r) => ours.has(r.path));
  if (both.length > 0) return conflict('ConcurrentDeleteDelete', both.map((r) => r.path));

  return undefined;
}

/** Spark runs a transaction that changes no data (OPTIMIZE, metadata-only) under snapshot isolation. */
function isolationToUse(tx: Transaction): IsolationLevel {
  const changesData = tx.actions.some((a) => ('add' in a && a.add.dataChange) || ('remove' in a && a.remove.dataChange));
  return changesData || isMetadataChanged(tx) ? tx.isolationLevel : 'SnapshotIsolation';
}

function withoutStats(add: Add): Add {
  return { ...add, stats: undefined, stats_parsed: undefined };
}
