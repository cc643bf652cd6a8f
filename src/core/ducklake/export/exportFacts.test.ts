import { describe, expect, it } from 'vitest';
import type { FileAtSnapshot } from '../tableFiles.ts';
import { hiddenBatchRows, hiddenRows, inlinedBatches, noFacts, type ExportFacts } from './exportFacts.ts';

const file = (deleteFileId?: number): FileAtSnapshot => ({
  dataFile: { data_file_id: 4, begin_snapshot: 1, end_snapshot: null } as FileAtSnapshot['dataFile'],
  deleteFile: deleteFileId === undefined ? undefined : ({ delete_file_id: deleteFileId } as FileAtSnapshot['deleteFile']),
  columnStats: [],
  partitionValues: [],
});

describe('the rows a snapshot hides', () => {
  it('joins the delete file (its rows up to the snapshot), inlined deletes and a partial file\'s later rows', () => {
    const facts: ExportFacts = {
      ...noFacts,
      deleteFiles: new Map([[9, { positions: [5, 1, 7], snapshots: [2, 3, 6] }]]),
      inlinedDeletes: new Map([[4, [{ position: 0, snapshot: 3 }, { position: 2, snapshot: 8 }]]]),
      partialRows: new Map([[4, [1, 1, 1, 1, 1, 1, 1, 1, 5, 5]]]),
    };
    expect(hiddenRows(file(9), 3, facts)).toEqual([0, 1, 5, 8, 9]);
    expect(hiddenRows(file(9), 6, facts)).toEqual([0, 1, 5, 7]);
    expect(hiddenRows(file(), 8, facts)).toEqual([0, 2]);
  });

  it('groups inlined rows by the snapshot that inserted them; later deletes hide positions in that batch', () => {
    const [first, second] = inlinedBatches({ ...noFacts, inlinedTables: [{ tableName: 'ducklake_inlined_data_1_1', schemaVersion: 1, rows: [
      { rowId: 0, begin: 2, end: null }, { rowId: 1, begin: 2, end: 4 }, { rowId: 2, begin: 3, end: null },
    ] }] });
    expect(first!.key).toBe('inlined:ducklake_inlined_data_1_1:2');
    expect(hiddenBatchRows(first!, 1)).toBeUndefined();
    expect(hiddenBatchRows(first!, 3)).toEqual([]);
    expect(hiddenBatchRows(first!, 4)).toEqual([1]);
    expect(second!.rows).toEqual([{ rowId: 2, end: null }]);
  });
});
