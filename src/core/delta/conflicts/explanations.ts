/** Plain-words explanations of each conflict, for the page and the simulator. */
import type { Transaction } from '../transaction.ts';
import type { ConflictKind } from './conflict.ts';

export function explain(kind: ConflictKind, tx: Transaction, winningOperation: string | undefined, winningVersion: number, files: string[]): string {
  const winner = `version ${winningVersion}${winningOperation ? ` (${winningOperation})` : ''}`;
  const pinned = `This ${tx.operation} read the table at version ${tx.readVersion}`;
  const count = files.length === 1 ? '1 file' : `${files.length} files`;
  switch (kind) {
    case 'ProtocolChanged':
      return `${winner} changed the table's protocol after this transaction read it. Its plan was made for the old protocol, so it cannot be committed on top of the new one: read the table again and redo the write.`;
    case 'MetadataChanged':
      return `${winner} changed the table's metadata (schema, partitioning or properties). Any commit racing a metadata change fails, whatever it touched, because its files were written for the old schema. Read the table again and redo the write.`;
    case 'ConcurrentAppend':
      return `${pinned}${tx.readWholeTable ? ', all of it' : tx.readPredicateText ? ` where ${tx.readPredicateText}` : ''}. ${winner} added ${count} of new data that this read would have seen. Under ${tx.isolationLevel} isolation a transaction must not miss rows committed before it, so the commit fails; rerun the query to include them.`;
    case 'ConcurrentDeleteRead':
      return `${pinned}${tx.readWholeTable ? ', all of it' : ''}. ${winner} then removed ${count} that this read used (a delete, update or merge rewrote ${files.length === 1 ? 'it' : 'them'}). Committing would act on rows that no longer exist, so it fails: recompute against the table as it is now and retry.`;
    case 'ConcurrentDeleteDelete':
      return `Both this transaction and ${winner} remove the same ${count}. Only one of them can; the later one fails. Retry: the rows you meant to change may already be changed.`;
    case 'ConcurrentTransaction':
      return `${winner} committed with the same application id (txn appId) as this transaction: it is the same streaming batch or idempotent write, already done. Skip it rather than write it twice.`;
  }
}
