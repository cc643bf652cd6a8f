/** ALTER TABLE SET TBLPROPERTIES: a metadata change, which every concurrent commit conflicts with. */
import type { DeltaSnapshot } from '../snapshot.ts';
import type { IsolationLevel, Transaction } from '../transaction.ts';
import { toReadContext } from './readTransaction.ts';

export function planSetProperties(snapshot: DeltaSnapshot, properties: Record<string, string>, options: { isolationLevel?: IsolationLevel } = {}): Transaction {
  return {
    ...toReadContext(snapshot, 'SET TBLPROPERTIES', options.isolationLevel),
    operationParameters: { properties: JSON.stringify(properties) },
    readFiles: [],
    readWholeTable: false,
    actions: [{ metaData: { ...snapshot.metadata, configuration: { ...snapshot.metadata.configuration, ...properties } } }],
    isBlindAppend: false,
  };
}
