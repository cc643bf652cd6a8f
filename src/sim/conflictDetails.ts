/**
 * What each side of a conflict touched, for the page: the files the losing transaction read
 * (at the version it read, with partitions and stats) and the predicate it read them with, the
 * files the winning commit added and removed, which of them decided it, and the rule that fired
 * in delta-rs's words and in plain ones. Read from the run's own store after the run.
 */
import type { ObjectStore } from '../core/objectStore.ts';
import type { ParquetCodec } from '../core/parquetCodec.ts';
import type { Add } from '../core/delta/actions.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { loadCommit } from '../core/delta/loadCommits.ts';
import { parseStats } from '../core/delta/stats.ts';
import type { Transaction } from '../core/delta/transaction.ts';
import { explainConflictKind } from './conflictStories.ts';
import type { TraceEvent } from './trace.ts';

export interface FileSummary {
  path: string;
  partitionValues: Record<string, string | null>;
  records?: number;
  min?: Record<string, unknown>;
  max?: Record<string, unknown>;
}

export interface ConflictDetail {
  writer: string;
  operation: string;
  readVersion: number;
  /** The predicate the read used; none when it read the whole table. */
  predicate?: string;
  readWholeTable: boolean;
  read: FileSummary[];
  winner: { writer?: string; version: number; operation?: string; added: FileSummary[]; removed: FileSummary[] };
  /** The files that decided it (the winner's removed or added files the loser read or would have read). */
  decisive: string[];
  conflictKind: string;
  deltaRsWords: string;
  plainWords: string;
}

type Summarised = Pick<Add, 'path' | 'stats' | 'stats_parsed'> & { partitionValues?: Record<string, string | null> | null };

function summarise(file: Summarised): FileSummary {
  const stats = parseStats(file);
  return {
    path: file.path,
    partitionValues: file.partitionValues ?? {},
    ...(stats?.numRecords !== undefined ? { records: stats.numRecords } : {}),
    ...(stats?.minValues ? { min: stats.minValues } : {}),
    ...(stats?.maxValues ? { max: stats.maxValues } : {}),
  };
}

/** The details of every conflict in `trace`, keyed by the conflict event's index. */
export async function conflictDetails(
  run: { trace: readonly TraceEvent[]; store: ObjectStore; lost: readonly { at: number; transaction: Transaction }[] },
  codec: ParquetCodec,
): Promise<Record<number, ConflictDetail>> {
  const details: Record<number, ConflictDetail> = {};
  for (const { at, transaction } of run.lost) {
    const event = run.trace[at];
    if (event?.kind !== 'conflict' || event.winningVersion === undefined) continue;
    const snapshot = await loadSnapshot(run.store, transaction.tableRoot, { codec, version: transaction.readVersion });
    const readFiles = new Set(transaction.readFiles);
    const read = snapshot.files.filter((f) => transaction.readWholeTable || readFiles.has(f.path)).map(summarise);
    const winning = await loadCommit(run.store, transaction.tableRoot, event.winningVersion);
    const added = winning.actions.flatMap((a) => ('add' in a ? [summarise(a.add)] : []));
    const removed = winning.actions.flatMap((a) => ('remove' in a ? [summarise(a.remove)] : []));
    const winner = run.trace.find((e) => e.kind === 'committed' && e.version === event.winningVersion && !e.catalog);
    details[at] = {
      writer: event.writer,
      operation: transaction.operation,
      readVersion: transaction.readVersion,
      ...(transaction.readPredicateText ? { predicate: transaction.readPredicateText } : {}),
      readWholeTable: transaction.readWholeTable,
      read,
      winner: { writer: winner?.writer, version: event.winningVersion, operation: winner?.operation, added, removed },
      decisive: event.files ?? [],
      conflictKind: event.conflictKind ?? '',
      deltaRsWords: event.message ?? '',
      plainWords: explainConflictKind(event.conflictKind ?? ''),
    };
  }
  return details;
}
