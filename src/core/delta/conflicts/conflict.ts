/**
 * A lost race, as a value: which check failed, against which winning commit, the files
 * involved, delta-rs's message and help text verbatim, and a plain-words explanation.
 */
import type { IsolationLevel } from '../transaction.ts';

export type ConflictKind =
  | 'ProtocolChanged'
  | 'MetadataChanged'
  | 'ConcurrentAppend'
  | 'ConcurrentDeleteRead'
  | 'ConcurrentDeleteDelete'
  | 'ConcurrentTransaction';

export interface Conflict {
  kind: ConflictKind;
  winningVersion: number;
  winningOperation?: string;
  /** Paths of the files that decided it (added, removed, or removed by both). */
  files: string[];
  /** delta-rs's error text, as the user sees it from `commit()`. */
  message: string;
  isolationLevel: IsolationLevel;
  /** One paragraph in plain words: why this rule applies here. */
  explanation: string;
}

/** delta-rs's CommitConflictError texts (conflict_checker.rs), wrapped as TransactionError does. */
export const deltaRsMessages: Record<ConflictKind, (detail?: string) => string> = {
  ProtocolChanged: (detail) => `Protocol changed since last commit: ${detail ?? 'protocol changed'}`,
  MetadataChanged: () => 'Metadata changed since last commit.',
  ConcurrentAppend: () =>
    "Commit failed: a concurrent transactions added new data.\nHelp: This transaction's query must be rerun to include the new data. Also, if you don't care to require this check to pass in the future, the isolation level can be set to Snapshot Isolation.",
  ConcurrentDeleteRead: () =>
    "Commit failed: a concurrent transaction deleted data this operation read.\nHelp: This transaction's query must be rerun to exclude the removed data. Also, if you don't care to require this check to pass in the future, the isolation level can be set to Snapshot Isolation.",
  ConcurrentDeleteDelete: () =>
    'Commit failed: a concurrent transaction deleted the same data your transaction deletes.\nHelp: you should retry this write operation. If it was based on data contained in the table, you should rerun the query generating the data.',
  ConcurrentTransaction: () => 'Concurrent transaction failed.',
};

export const commitFailedPrefix = 'Failed to commit transaction: ';

export function toUserMessage(conflict: Pick<Conflict, 'message'>): string {
  return commitFailedPrefix + conflict.message;
}
