/**
 * What the export plan needs to know beyond the catalog rows, read by the query layer: the row
 * positions each delete file deletes (and, for delete files that carry them, the snapshot of
 * each), the inlined deletes of data-file rows, the snapshot of each row of a partial data
 * file, and the rows of each inlined data table. With these the plan knows, purely, which rows
 * of every file each snapshot hides.
 */
import type { Id } from '../catalogRows.ts';
import type { FileAtSnapshot } from '../tableFiles.ts';

export interface ExportFacts {
  deleteFiles: ReadonlyMap<Id, { positions: readonly number[]; snapshots?: readonly number[] }>;
  /** ducklake_inlined_delete_<table>: per data file, each deleted position and the snapshot that deleted it. */
  inlinedDeletes: ReadonlyMap<Id, readonly { position: number; snapshot: Id }[]>;
  /** Partial data files: each row's _ducklake_internal_snapshot_id, by position. */
  partialRows: ReadonlyMap<Id, readonly number[]>;
  inlinedTables: readonly InlinedTableFacts[];
  /** Each data file's columns as its Parquet footer has them (field ids, names, Arrow types), where read. */
  fileSchemas?: ReadonlyMap<Id, readonly FileField[]>;
}

/** A column of a Parquet file: its field id, name and Arrow type ("Int32", "Utf8", "Struct<...>"), with its children. */
export interface FileField {
  id?: number;
  name: string;
  type: string;
  children: FileField[];
}

export interface InlinedTableFacts {
  tableName: string;
  schemaVersion: number;
  /** Ordered by row_id. */
  rows: readonly { rowId: number; begin: Id; end: Id | null }[];
}

export const noFacts: ExportFacts = { deleteFiles: new Map(), inlinedDeletes: new Map(), partialRows: new Map(), inlinedTables: [] };

/** The positions of a data file a snapshot does not see: its deletes then, and a partial file's later rows. */
export function hiddenRows(file: FileAtSnapshot, snapshotId: Id, facts: ExportFacts): number[] {
  const hidden = new Set<number>();
  if (file.deleteFile) {
    const deletes = facts.deleteFiles.get(file.deleteFile.delete_file_id);
    deletes?.positions.forEach((position, i) => {
      const at = deletes.snapshots?.[i];
      if (at === undefined || at <= snapshotId) hidden.add(position);
    });
  }
  for (const d of facts.inlinedDeletes.get(file.dataFile.data_file_id) ?? []) if (d.snapshot <= snapshotId) hidden.add(d.position);
  facts.partialRows.get(file.dataFile.data_file_id)?.forEach((at, position) => {
    if (at > snapshotId) hidden.add(position);
  });
  return [...hidden].sort((a, b) => a - b);
}

/** One inlined insert: the rows an inlined data table got at one snapshot, exported as one Parquet file. */
export interface InlinedBatch {
  key: string;
  tableName: string;
  schemaVersion: number;
  begin: Id;
  rows: readonly { rowId: number; end: Id | null }[];
}

export function inlinedBatches(facts: ExportFacts): InlinedBatch[] {
  const out: InlinedBatch[] = [];
  for (const table of facts.inlinedTables) {
    const byBegin = new Map<Id, { rowId: number; end: Id | null }[]>();
    for (const row of table.rows) {
      const list = byBegin.get(row.begin) ?? [];
      list.push({ rowId: row.rowId, end: row.end });
      byBegin.set(row.begin, list);
    }
    for (const [begin, rows] of [...byBegin].sort((a, b) => a[0] - b[0])) {
      out.push({ key: `inlined:${table.tableName}:${begin}`, tableName: table.tableName, schemaVersion: table.schemaVersion, begin, rows });
    }
  }
  return out;
}

/** The batch's positions a snapshot does not see (rows deleted since), or undefined when it sees none of its rows yet. */
export function hiddenBatchRows(batch: InlinedBatch, snapshotId: Id): number[] | undefined {
  if (batch.begin > snapshotId) return undefined;
  const hidden: number[] = [];
  batch.rows.forEach((row, i) => {
    if (row.end !== null && row.end <= snapshotId) hidden.push(i);
  });
  return hidden;
}
