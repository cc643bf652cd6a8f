/** What every transaction that reads a snapshot takes from it: its version, protocol, schema, isolation, in-commit timestamps. */
import type { DeltaSnapshot } from '../snapshot.ts';
import { hasInCommitTimestamps, type IsolationLevel, type Transaction } from '../transaction.ts';
import { toTableIsolation } from './createTable.ts';

export type ReadContext = Pick<Transaction, 'tableRoot' | 'readVersion' | 'readProtocol' | 'isolationLevel' | 'operation' | 'readSchema' | 'partitionColumns' | 'inCommitTimestamps'>;

export function toReadContext(snapshot: DeltaSnapshot, operation: string, isolationLevel?: IsolationLevel): ReadContext {
  return {
    tableRoot: snapshot.tableRoot,
    readVersion: snapshot.version,
    readProtocol: snapshot.protocol,
    isolationLevel: isolationLevel ?? toTableIsolation(snapshot.metadata.configuration),
    operation,
    readSchema: snapshot.schema,
    partitionColumns: snapshot.metadata.partitionColumns,
    inCommitTimestamps: hasInCommitTimestamps(snapshot.metadata.configuration),
  };
}
