/**
 * The rows that changed between two snapshots, as the ducklake extension's table_changes
 * reports them: matched by row id, a row only in the newer snapshot is an insert, only in the
 * older a delete, and one in both with other values an update (its preimage and postimage).
 * Both sides are read with the newer snapshot's columns, by field id, and only the data files
 * that differ between them (added, removed, with other deletes, partial past the older one);
 * the inlined rows, which live in the catalog, are read whole. Like table_changes, a row
 * ducklake_rewrite_data_files moved into a new file counts as updated (its preimage and
 * postimage are equal); rows merge_adjacent_files or a flush of inlined data moved do not.
 */
import { LakeError } from '../../core/errors.ts';
import type { Id } from '../../core/ducklake/catalogRows.ts';
import type { JsonValue } from '../jsonValues.ts';
import type { OpenDucklake } from './ducklakeCatalog.ts';
import type { DataFiles } from './ducklakeScan.ts';
import { loadDucklakeRows, readData } from './ducklakeScan.ts';
import { loadInlinedDeletes, toDeletedPositions } from './deleteFiles.ts';
import { readArrowTable } from '../parquetRead.ts';
import { describeLocation } from '../../core/ducklake/dataPaths.ts';
import type { DucklakeScanPlan, ScanDataFile } from '../../core/ducklake/planScan.ts';
import { parseChangesMade } from '../../core/ducklake/changesMade.ts';
import type { RowsBatch } from './fileRows.ts';

export type ChangeType = 'insert' | 'delete' | 'update_preimage' | 'update_postimage';

export interface RowChange {
  rowid: number;
  change_type: ChangeType;
  row: Record<string, JsonValue>;
}

export interface TableChanges {
  fromSnapshot: Id;
  toSnapshot: Id;
  columns: string[];
  changes: RowChange[];
}

export async function loadTableChanges(lake: OpenDucklake, tableName: string, fromSnapshot: Id, toSnapshot: Id, data: DataFiles): Promise<TableChanges> {
  if (fromSnapshot > toSnapshot) throw new LakeError('InvalidInput', `a row diff goes from an older snapshot to a newer one, got ${fromSnapshot} to ${toSnapshot}`);
  const table = lake.table(tableName, toSnapshot);
  const newerPlan = await lake.plan(table, toSnapshot);
  const older = lake.at(fromSnapshot).tables.find((t) => t.tableId === table.tableId);
  const olderPlan: DucklakeScanPlan = older ? { ...(await lake.plan(older, fromSnapshot)), table } : { ...newerPlan, snapshotId: fromSnapshot, files: [], inlined: [] };
  const changed = await changedFiles(lake, olderPlan, newerPlan, data);
  const newer = await loadDucklakeRows(lake.file, { ...newerPlan, files: newerPlan.files.filter((f) => changed.has(f.dataFileId)) }, data);
  const before = await loadDucklakeRows(lake.file, { ...olderPlan, files: olderPlan.files.filter((f) => changed.has(f.dataFileId)) }, data);
  const beforeRows = byRowId(before, tableName, fromSnapshot);
  const after = byRowId(newer, tableName, toSnapshot);
  const rewritten = wasRewritten(lake, table.tableId, fromSnapshot, toSnapshot);
  const changes: RowChange[] = [];
  for (const [rowid, { row, source }] of after) {
    const old = beforeRows.get(rowid);
    if (!old) changes.push({ rowid, change_type: 'insert', row });
    else if (JSON.stringify(old.row) !== JSON.stringify(row) || (rewritten && old.source !== source)) {
      changes.push({ rowid, change_type: 'update_preimage', row: old.row });
      changes.push({ rowid, change_type: 'update_postimage', row });
    }
  }
  for (const [rowid, { row }] of beforeRows) if (!after.has(rowid)) changes.push({ rowid, change_type: 'delete', row });
  changes.sort((a, b) => a.rowid - b.rowid || (a.change_type < b.change_type ? -1 : 1));
  return { fromSnapshot, toSnapshot, columns: table.columns.map((c) => c.name), changes };
}

function byRowId(rows: RowsBatch, table: string, snapshotId: Id): Map<number, { row: Record<string, JsonValue>; source: string }> {
  const map = new Map<number, { row: Record<string, JsonValue>; source: string }>();
  rows.rows.forEach((row, i) => {
    const id = rows.rowIds[i];
    if (id === null || id === undefined) throw new LakeError('Unsupported', `${table} at snapshot ${snapshotId}: a data file has no row ids (row_id_start), so rows cannot be matched across snapshots`);
    map.set(id, { row, source: rows.sources?.[i] ?? rows.source });
  });
  return map;
}

function wasRewritten(lake: OpenDucklake, tableId: Id, fromSnapshot: Id, toSnapshot: Id): boolean {
  return lake.catalog.snapshots.some((s) => s.snapshot_id > fromSnapshot && s.snapshot_id <= toSnapshot
    && parseChangesMade(lake.catalog.changes.get(s.snapshot_id)?.changes_made ?? null).some((c) => c.kind === 'rewrite_delete' && c.id === tableId));
}

/** The data files whose rows differ between the two plans' snapshots. */
async function changedFiles(lake: OpenDucklake, older: DucklakeScanPlan, newer: DucklakeScanPlan, data: DataFiles): Promise<Set<Id>> {
  const before = new Map(older.files.map((f) => [f.dataFileId, f]));
  const after = new Map(newer.files.map((f) => [f.dataFileId, f]));
  const inlinedBefore = await loadInlinedDeletes(lake.file, older.inlinedDeleteTable, older.snapshotId);
  const inlinedAfter = await loadInlinedDeletes(lake.file, newer.inlinedDeleteTable, newer.snapshotId);
  const changed = new Set<Id>();
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(id);
    const b = after.get(id);
    if (!a || !b || a.deleteFile?.deleteFileId !== b.deleteFile?.deleteFileId || (b.partialMax !== null && b.partialMax > older.snapshotId)
      || (inlinedBefore.get(id)?.size ?? 0) !== (inlinedAfter.get(id)?.size ?? 0) || (await deletesDiffer(b, older, newer, data))) {
      changed.add(id);
    }
  }
  return changed;
}

/** One delete file can hold deletes of several snapshots (_ducklake_internal_snapshot_id per row). */
async function deletesDiffer(file: ScanDataFile, older: DucklakeScanPlan, newer: DucklakeScanPlan, data: DataFiles): Promise<boolean> {
  if (!file.deleteFile) return false;
  const name = describeLocation(file.deleteFile.location);
  const table = await readArrowTable(await readData(data, file.deleteFile.location, newer, 'delete file'), { name });
  return toDeletedPositions(table, name, older.snapshotId, file.recordCount).size !== toDeletedPositions(table, name, newer.snapshotId, file.recordCount).size;
}
