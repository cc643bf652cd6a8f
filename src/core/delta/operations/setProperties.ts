/** ALTER TABLE SET TBLPROPERTIES: a metadata change, which every concurrent commit conflicts with. */
import type { DeltaSnapshot } from '../snapshot.ts';
import type { IsolationLevel, Transaction } from '../transaction.ts';
import { toTableIsolation } from './createTable.ts';

export function planSetProperties(snapshot: DeltaSnapshot, properties: Record<string, string>, options: { isolationLevel?: IsolationLevel } = {}): Transaction {
  return {
    tableRoot: snapshot.tableRoot,
    readVersion: snapshot.version,
    readProtocol: snapshot.protocol,
    isolationLevel: options.isolationLevel ?? toTableIsolation(snapshot.metadata.configuration),
    operation: 'SET TBLPROPERTIES',
    operationParameters: { properties: JSON.stringify(properties) },
    readFiles: [],
    readWholeTable: false,
    actions: [{ metaData: { ...snapshot.metadata, configuration: { ...snapshot.metadata.configuration, ...properties } } }],
    isBlindAppend: false,
    readSchema: snapshot.schema,
    partitionColumns: snapshot.metadata.partitionColumns,
  };
}
