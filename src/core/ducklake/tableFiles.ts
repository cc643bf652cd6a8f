/**
 * A table's files, read from the catalog once for all snapshots (ducklake_data_file,
 * ducklake_delete_file, their column stats and partition values), and the files a snapshot sees:
 * data files visible at S in file_order, each with the one delete file visible at S for it.
 */
import type { CatalogDatabase } from './catalogDatabase.ts';
import type { DucklakeCatalog } from './catalog.ts';
import { readCatalogTable } from './catalogQueries.ts';
import type { DataFileRow, DeleteFileRow, FileColumnStatsRow, FilePartitionValueRow, FileScheduledForDeletionRow, Id } from './catalogRows.ts';
import { isVisibleAt } from './visibility.ts';

export interface TableFiles {
  tableId: Id;
  dataFiles: DataFileRow[];
  deleteFiles: DeleteFileRow[];
  columnStats: Map<Id, FileColumnStatsRow[]>;
  partitionValues: Map<Id, FilePartitionValueRow[]>;
}

export interface FileAtSnapshot {
  dataFile: DataFileRow;
  deleteFile?: DeleteFileRow;
  columnStats: FileColumnStatsRow[];
  partitionValues: FilePartitionValueRow[];
}

export async function loadTableFiles(db: CatalogDatabase, catalog: DucklakeCatalog, tableId: Id): Promise<TableFiles> {
  const where = `"table_id" = ${Math.trunc(tableId)}`;
  const dataFiles = (await readCatalogTable<DataFileRow & { partial_file_info: string | null }>(db, catalog.layout, 'ducklake_data_file', { where })).map(toPartialMax);
  const deleteFiles = await readCatalogTable<DeleteFileRow>(db, catalog.layout, 'ducklake_delete_file', { where });
  const stats = await readCatalogTable<FileColumnStatsRow>(db, catalog.layout, 'ducklake_file_column_stats', { where });
  const values = await readCatalogTable<FilePartitionValueRow>(db, catalog.layout, 'ducklake_file_partition_value', { where });
  return { tableId, dataFiles, deleteFiles, columnStats: groupBy(stats, (s) => s.data_file_id), partitionValues: groupBy(values, (v) => v.data_file_id) };
}

/** Spec 0.1-0.3 kept a partial file's last snapshot as text ("partial_max:12") in partial_file_info; 0.4 made it a column. */
function toPartialMax(row: DataFileRow & { partial_file_info?: string | null }): DataFileRow {
  const { partial_file_info: info, ...rest } = row;
  if (rest.partial_max !== null || !info) return rest;
  const match = /partial_max:(\d+)/.exec(info);
  return { ...rest, partial_max: match ? Number(match[1]) : null };
}

function groupBy<T>(rows: T[], key: (row: T) => Id): Map<Id, T[]> {
  const map = new Map<Id, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

export function filesAt(files: TableFiles, snapshotId: Id): FileAtSnapshot[] {
  const deletes = new Map<Id, DeleteFileRow>();
  for (const file of files.deleteFiles) {
    if (!isVisibleAt(file, snapshotId)) continue;
    const other = deletes.get(file.data_file_id);
    if (!other || other.begin_snapshot < file.begin_snapshot) deletes.set(file.data_file_id, file);
  }
  return files.dataFiles
    .filter((file) => isVisibleAt(file, snapshotId))
    .sort((a, b) => (a.file_order ?? a.data_file_id) - (b.file_order ?? b.data_file_id) || a.data_file_id - b.data_file_id)
    .map((dataFile) => ({
      dataFile,
      deleteFile: deletes.get(dataFile.data_file_id),
      columnStats: files.columnStats.get(dataFile.data_file_id) ?? [],
      partitionValues: files.partitionValues.get(dataFile.data_file_id) ?? [],
    }));
}

/** ducklake_files_scheduled_for_deletion: files no snapshot needs any more, waiting for cleanup. */
export function loadFilesScheduledForDeletion(db: CatalogDatabase, catalog: DucklakeCatalog): Promise<FileScheduledForDeletionRow[]> {
  return readCatalogTable<FileScheduledForDeletionRow>(db, catalog.layout, 'ducklake_files_scheduled_for_deletion', { orderBy: '"data_file_id"' });
}
