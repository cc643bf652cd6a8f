/**
 * What a delete or update touches: the table's rows at the snapshot it reads, each with where
 * it lives (a data file and its position, or an inlined table and its row id), filtered by the
 * predicate (Lakelab's predicate language, evaluated in the columns' Delta types as Delta
 * deletes are). And rows to insert, checked against the table's columns and coerced to their
 * types.
 */
import { LakeError } from '../../../core/errors.ts';
import type { DataType } from '../../../core/delta/schemaTypes.ts';
import { parsePredicate } from '../../../core/delta/parsePredicate.ts';
import { columnsOf, evaluatePredicate } from '../../../core/delta/predicate.ts';
import type { CatalogTable } from '../../../core/ducklake/catalogAt.ts';
import type { DeleteFileRow, Id } from '../../../core/ducklake/catalogRows.ts';
import { toWriteType } from '../../../core/ducklake/write/writeTypes.ts';
import { coerceValue } from '../../jsonToArrow.ts';
import { readArrowTable } from '../../parquetRead.ts';
import { describeLocation } from '../../../core/ducklake/dataPaths.ts';
import type { OpenDucklake } from '../ducklakeCatalog.ts';
import { readData, scanDucklake, type DataFiles } from '../ducklakeScan.ts';
import { toDeletedPositions } from '../deleteFiles.ts';

export interface FileMatches {
  dataFileId: Id;
  deleteFile?: DeleteFileRow;
  /** Positions its delete file deletes now. */
  deleted: number[];
  /** Positions the predicate matches. */
  positions: number[];
}

export interface TableMatches {
  files: FileMatches[];
  inlined: { tableName: string; rowIds: number[] }[];
  /** The matching rows, in the reader's JSON forms. */
  rows: Record<string, unknown>[];
  /** Each matching row's row id (null where the catalog does not know it). */
  rowIds: (number | null)[];
}

export async function findMatches(lake: OpenDucklake, table: CatalogTable, snapshotId: Id, predicateText: string | undefined, data: DataFiles): Promise<TableMatches> {
  const types = new Map<string, DataType>(table.columns.map((c) => [c.name, toWriteType(c, table.qualifiedName)]));
  const predicate = predicateText === undefined || predicateText.trim() === '' ? undefined : parsePredicate(predicateText);
  if (predicate) {
    for (const column of columnsOf(predicate)) {
      if (!types.has(column)) throw new LakeError('InvalidInput', `${table.qualifiedName}: no column "${column}"; it has: ${[...types.keys()].join(', ')}`);
    }
  }
  const plan = await lake.plan(table, snapshotId);
  const files = await lake.tableFiles(table.tableId);
  const matches = (row: Record<string, unknown>) => !predicate || evaluatePredicate(predicate, (c) => row[c], (c) => types.get(c) ?? 'string') === true;
  const out: TableMatches = { files: [], inlined: [], rows: [], rowIds: [] };
  let index = 0;
  // The scan yields one batch per data file of the plan, in its order, then one per inlined table.
  for await (const batch of scanDucklake(lake.file, plan, data)) {
    const file = plan.files[index];
    const inlined = file ? undefined : plan.inlined[index - plan.files.length];
    index++;
    const hits = batch.rows.map((row, i) => ({ row, i })).filter(({ row }) => matches(row));
    if (hits.length === 0) continue;
    for (const { row, i } of hits) {
      out.rows.push(row);
      const rowId = batch.rowIds[i];
      out.rowIds.push(rowId === null || rowId === undefined ? null : Number(rowId));
    }
    if (file) {
      if (!batch.positions) throw new LakeError('Corrupt', `${lake.catalog.name}: no row positions for data file ${batch.source}`);
      const deleteFile = file.deleteFile ? files.deleteFiles.find((d) => d.delete_file_id === file.deleteFile!.deleteFileId) : undefined;
      const deleted = file.deleteFile ? [...await loadDeleted(data, plan, file.deleteFile.location, snapshotId, file.recordCount)] : [];
      out.files.push({ dataFileId: file.dataFileId, ...(deleteFile ? { deleteFile } : {}), deleted, positions: hits.map(({ i }) => batch.positions![i]!) });
    } else if (inlined) {
      out.inlined.push({ tableName: inlined.tableName, rowIds: hits.map(({ i }) => Number(batch.rowIds[i])) });
    }
  }
  return out;
}

async function loadDeleted(data: DataFiles, plan: Parameters<typeof readData>[2], location: Parameters<typeof readData>[1], snapshotId: Id, recordCount: number): Promise<Set<number>> {
  const name = describeLocation(location);
  return toDeletedPositions(await readArrowTable(await readData(data, location, plan, 'delete file'), { name }), name, snapshotId, recordCount);
}

/** Rows to insert, by column name: unknown columns refused, missing ones null (refused where the column is NOT NULL), values coerced. */
export function toWriteRows(table: CatalogTable, rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const columns = table.columns.map((c) => ({ field: c, type: toWriteType(c, table.qualifiedName) }));
  const known = new Set(table.columns.map((c) => c.name));
  return rows.map((row, r) => {
    for (const name of Object.keys(row)) {
      if (!known.has(name)) throw new LakeError('InvalidInput', `${table.qualifiedName}: row ${r + 1} has column "${name}", which the table does not; it has: ${[...known].join(', ')}`);
    }
    const out: Record<string, unknown> = {};
    for (const { field, type } of columns) {
      const value = coerceValue(row[field.name] ?? null, type, field.name);
      if (value === null && !field.nullable) throw new LakeError('InvalidInput', `${table.qualifiedName}: row ${r + 1} has no value for ${field.name}, which is NOT NULL`);
      out[field.name] = value;
    }
    return out;
  });
}
