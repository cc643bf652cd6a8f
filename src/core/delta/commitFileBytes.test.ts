/** Each attempt's commit file from the parts encoded once equals the file written from its commitInfo. */
import { describe, expect, it } from 'vitest';
import type { Action } from './actions.ts';
import { commitFileBytes } from './commitFileBytes.ts';
import { toActionLines, toCommitInfo, withCommitInfo, type Transaction } from './transaction.ts';

const actions: Action[] = [{ add: { path: 'été.parquet', partitionValues: {}, size: 1, modificationTime: 1, dataChange: true } }];
const base: Transaction = {
  tableRoot: '', readVersion: 3, isolationLevel: 'Serializable', operation: 'WRITE', operationParameters: { mode: 'Append' },
  readFiles: [], readWholeTable: false, actions, isBlindAppend: true,
};

describe('commitFileBytes', () => {
  const transactions: Transaction[] = [
    base,
    { ...base, readVersion: -1, operation: 'CREATE TABLE' },
    { ...base, operationParameters: { predicate: 'name = \'日本 😀\'' }, operationMetrics: { num_added_rows: 1 }, txnId: 'tx-1' },
    { ...base, actions: [] },
  ];
  for (const [i, tx] of transactions.entries()) {
    it(`gives withCommitInfo's bytes and the same commitInfo at every attempt (transaction ${i + 1})`, () => {
      const lines = toActionLines(tx.actions);
      const fileAt = commitFileBytes(tx, 'Lakelab/sim:w1 ü', lines);
      for (const [timestamp, inCommitTimestamp] of [[1767225600000], [1767225600017], [0], [-5], [1.5], [1767225600000, 1767225600001], [Number.NaN]] as [number, number?][]) {
        const commitInfo = toCommitInfo(tx, { timestamp, engineInfo: 'Lakelab/sim:w1 ü', inCommitTimestamp });
        const file = fileAt(timestamp, inCommitTimestamp);
        expect(file.commitInfo).toEqual(commitInfo);
        expect(file.bytes).toEqual(withCommitInfo(commitInfo, lines));
      }
    });
  }
});
