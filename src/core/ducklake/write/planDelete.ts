/**
 * DELETE as plain data. Rows of a data file: one positional delete file
 * `ducklake-<uuid v7>-delete.parquet` (file_path, pos: every position deleted from that data
 * file as of this snapshot, the earlier delete file's too), which replaces the data file's
 * earlier delete file (its end_snapshot set): `deleted_from_table:<id>`. Inlined rows: their
 * end_snapshot set in the inlined data table: `inlined_delete:<id>`. The data file's rows the
 * ducklake_inlined_delete_<table> table deletes stay deleted by it.
 */
import { LakeError } from '../../errors.ts';
import type { CatalogTable } from '../catalogAt.ts';
import type { DataFileRow, DeleteFileRow, Id } from '../catalogRows.ts';
import { tableBase } from '../dataPaths.ts';
import { addChange, type CommitDraft } from './commitDraft.ts';
import type { WrittenFile } from './planInsert.ts';
import { toUuidV7 } from './uuidV7.ts';

export interface DeleteFileToWrite {
  deleteFileId: Id;
  tableId: Id;
  dataFileId: Id;
  /** Its key under the data path, and its path as the catalog keeps it (relative to the table's). */
  key: string;
  path: string;
  /** The data file's path as the extension writes it in file_path: the data path joined with its key. */
  dataFilePath: string;
  /** Sorted, distinct. */
  positions: number[];
  /** The data file's delete file this one replaces. */
  replaces?: DeleteFileRow;
}

export function planDeleteFile(draft: CommitDraft, table: CatalogTable, dataFile: DataFileRow, current: DeleteFileRow | undefined, positions: Iterable<number>): DeleteFileToWrite {
  const base = tableBase(draft.catalog, table.tableId, draft.readSnapshot.snapshot_id);
  if (base.kind !== 'relative' || dataFile.path_is_relative === false) {
    throw new LakeError('Unsupported', `${draft.catalog.name}: ${table.qualifiedName}'s data file ${dataFile.path} lies outside the data path; Lakelab deletes from files under it`);
  }
  const path = `ducklake-${toUuidV7(draft.now, draft.rng)}-delete.parquet`;
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  return {
    deleteFileId: draft.nextFileId++,
    tableId: table.tableId,
    dataFileId: dataFile.data_file_id,
    key: `${base.key}${path}`,
    path,
    dataFilePath: `${draft.catalog.dataPath ?? ''}${base.key}${dataFile.path}`,
    positions: sorted,
    ...(current ? { replaces: current } : {}),
  };
}

export function recordDeleteFile(draft: CommitDraft, file: DeleteFileToWrite, written: WrittenFile): void {
  if (file.replaces) {
    draft.statements.push({ kind: 'end', table: 'ducklake_delete_file', idColumn: 'delete_file_id', ids: [file.replaces.delete_file_id], snapshotId: draft.snapshotId });
  }
  draft.statements.push({
    kind: 'insert',
    table: 'ducklake_delete_file',
    rows: [{
      delete_file_id: file.deleteFileId, table_id: file.tableId, begin_snapshot: draft.snapshotId, end_snapshot: null, data_file_id: file.dataFileId,
      path: file.path, path_is_relative: true, format: 'parquet', delete_count: file.positions.length, file_size_bytes: written.size,
      footer_size: written.footerSize, encryption_key: null, partial_max: null,
    }],
  });
  addChange(draft, `deleted_from_table:${file.tableId}`);
}

/** Ends inlined rows (by row_id) of one inlined data table. */
export function planInlinedDelete(draft: CommitDraft, tableId: Id, inlinedTable: string, rowIds: readonly number[]): void {
  if (rowIds.length === 0) return;
  draft.statements.push({ kind: 'end', table: inlinedTable, idColumn: 'row_id', ids: [...rowIds].sort((a, b) => a - b), snapshotId: draft.snapshotId });
  addChange(draft, `inlined_delete:${tableId}`);
}
