/**
 * A write transaction as a value: what it read (pinned to `readVersion`), what it writes, and
 * under which isolation level. Plans (operations/*) build it; commitTransaction commits it;
 * the conflict checks and the simulator inspect it.
 */
import type { Action, Add, CommitInfo, Protocol } from './actions.ts';
import type { Predicate } from './predicate.ts';
import type { StructType } from './schemaTypes.ts';

export type IsolationLevel = 'Serializable' | 'WriteSerializable' | 'SnapshotIsolation';

export interface Transaction {
  tableRoot: string;
  /** The version the transaction read; -1 when it creates the table. */
  readVersion: number;
  /** The protocol of the read snapshot (conflict check 1 compares against it). */
  readProtocol?: Protocol;
  isolationLevel: IsolationLevel;
  /** delta-rs's operation name: WRITE, DELETE, UPDATE, MERGE, CREATE TABLE, OPTIMIZE, ... */
  operation: string;
  operationParameters: Record<string, unknown>;
  operationMetrics?: Record<string, unknown>;
  /** Paths of the read snapshot's files this transaction read. */
  readFiles: readonly string[];
  /** The predicate the read used, when it had one (recorded as the commit's read predicate). */
  readPredicate?: Predicate;
  readPredicateText?: string;
  /** The read snapshot's schema and partition columns, to judge which new files the predicate would have read. */
  readSchema?: StructType;
  partitionColumns?: readonly string[];
  /** True when the transaction read every row (e.g. a MERGE without an early filter). */
  readWholeTable: boolean;
  /** What it writes: add, remove, metaData, protocol, txn, domainMetadata (commitInfo is added at commit). */
  actions: Action[];
  /** True for appends that read nothing; written truthfully into commitInfo. */
  isBlindAppend: boolean;
  /**
   * The table writes `commitInfo.inCommitTimestamp` (delta.enableInCommitTimestamps). Left
   * undefined, the commit loop writes one when the previous commit has one.
   */
  inCommitTimestamps?: boolean;
  /**
   * A unique id for this transaction, written as `commitInfo.txnId` (Spark's field), so a
   * writer that lost track of its commit (a crash, a lost answer) can find it in the log.
   */
  txnId?: string;
}

/** delta-rs: operations that change data (the others, like OPTIMIZE, only rearrange it). */
const dataChangingOperations = new Set(['CREATE TABLE', 'WRITE', 'DELETE', 'MERGE', 'UPDATE', 'RESTORE', 'FSCK', 'STREAMING UPDATE']);

export function changesData(operation: string): boolean {
  return dataChangingOperations.has(operation);
}

export function isMetadataChanged(tx: Transaction): boolean {
  return tx.actions.some((a) => 'metaData' in a);
}

export function addsOf(actions: readonly Action[]): Add[] {
  return actions.flatMap((a) => ('add' in a ? [a.add] : []));
}

export function toIsolationLevel(value: string | undefined, fallback: IsolationLevel = 'Serializable'): IsolationLevel {
  return value === 'Serializable' || value === 'WriteSerializable' || value === 'SnapshotIsolation' ? value : fallback;
}

/** The commitInfo written first in the commit file, as delta-rs writes it (with the flag written truthfully). */
export function toCommitInfo(tx: Transaction, options: { timestamp: number; engineInfo: string; inCommitTimestamp?: number }): CommitInfo {
  const info: CommitInfo = {
    timestamp: options.inCommitTimestamp ?? options.timestamp,
    operation: tx.operation,
    operationParameters: tx.operationParameters,
    isolationLevel: tx.isolationLevel,
    isBlindAppend: tx.isBlindAppend,
    engineInfo: options.engineInfo,
  };
  if (tx.readVersion >= 0) info.readVersion = tx.readVersion;
  if (tx.operationMetrics) info.operationMetrics = tx.operationMetrics;
  if (options.inCommitTimestamp !== undefined) info.inCommitTimestamp = options.inCommitTimestamp;
  if (tx.txnId !== undefined) info.txnId = tx.txnId;
  return info;
}

/** Whether the table has in-commit timestamps switched on (PROTOCOL.md "In-Commit Timestamps"). */
export function hasInCommitTimestamps(configuration: Readonly<Record<string, string>> | undefined): boolean {
  return configuration?.['delta.enableInCommitTimestamps'] === 'true';
}

const encoder = new TextEncoder();

/** The bytes of a commit file: one action per line, commitInfo first. */
export function toCommitBytes(commitInfo: CommitInfo, actions: readonly Action[]): Uint8Array {
  return withCommitInfo(commitInfo, toActionLines(actions));
}

/**
 * A transaction's actions as the lines of its commit file, each ending in a line break:
 * encoded once, since every attempt at a version writes the same lines after its commitInfo.
 */
export function toActionLines(actions: readonly Action[]): Uint8Array {
  return encoder.encode(actions.map((a) => `${JSON.stringify(a)}\n`).join(''));
}

const ascii = /^[\x00-\x7f]*$/;

/** The bytes of a commit file: the commitInfo line, then the encoded action lines. */
export function withCommitInfo(commitInfo: CommitInfo, actionLines: Uint8Array): Uint8Array {
  const line = `${JSON.stringify({ commitInfo })}\n`;
  // An ASCII line is as many bytes as characters: encoded straight into the file's bytes (one allocation a retry, not two).
  const first = ascii.test(line) ? undefined : encoder.encode(line);
  const bytes = new Uint8Array((first?.length ?? line.length) + actionLines.length);
  if (first) bytes.set(first, 0);
  else encoder.encodeInto(line, bytes);
  bytes.set(actionLines, bytes.length - actionLines.length);
  return bytes;
}
