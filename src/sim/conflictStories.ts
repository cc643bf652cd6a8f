/** A conflict kind in plain words, for the simulator's timeline. */
const stories: Record<string, string> = {
  ConcurrentDeleteRead: 'The winner removed a file this transaction read (a delete, update or merge rewrote it). Committing would act on rows that no longer exist: recompute against the table as it is now.',
  ConcurrentAppend: 'The winner added data this transaction would have read. Under Serializable (and WriteSerializable for non-blind appends) a transaction must not miss rows committed before it.',
  ConcurrentDeleteDelete: 'Both removed the same file; only one can.',
  MetadataChanged: 'The winner changed the table\'s metadata: every racing commit fails, since its files were written for the old schema and properties.',
  ProtocolChanged: 'The winner changed the protocol this transaction was planned for.',
  ConcurrentTransaction: 'The winner carries the same application transaction id: this batch is already written.',
};

export function explainConflictKind(kind: string): string {
  return stories[kind] ?? '';
}
