/**
 * What a snapshot did to a table's files (for the Files view: added data and delete files,
 * removed data files, compaction marked as a rearrangement), and two snapshots compared by
 * their files (for the Diff view's counts), as Delta's are from its add and remove actions.
 */
import type { FilesDiffSummary, VersionFiles } from '../table.ts';
import type { DucklakeCatalog } from './catalog.ts';
import type { Id } from './catalogRows.ts';
import { parseChangesMade } from './changesMade.ts';
import { describeLocation, fileLocation, tableBase } from './dataPaths.ts';
import type { FileAtSnapshot, TableFiles } from './tableFiles.ts';

const rearranging = new Set(['compacted_table', 'merge_adjacent', 'rewrite_delete', 'inline_flush', 'flushed_inlined']);

export function toVersionFiles(catalog: DucklakeCatalog, files: TableFiles, snapshotId: Id): VersionFiles {
  const base = tableBase(catalog, files.tableId, snapshotId);
  const where = (path: string, relative: boolean | null) => describeLocation(fileLocation(catalog, base, path, relative));
  const changes = parseChangesMade(catalog.changes.get(snapshotId)?.changes_made ?? null).filter((c) => c.id === files.tableId);
  const rearranged = changes.length > 0 && changes.every((c) => rearranging.has(c.kind));
  return {
    version: snapshotId,
    added: [
      ...files.dataFiles.filter((f) => f.begin_snapshot === snapshotId).map((f) => ({ path: where(f.path, f.path_is_relative), size: f.file_size_bytes })),
      ...files.deleteFiles.filter((f) => f.begin_snapshot === snapshotId).map((f) => ({ path: where(f.path, f.path_is_relative), size: f.file_size_bytes, deletes: true })),
    ],
    removed: files.dataFiles.filter((f) => f.end_snapshot === snapshotId).map((f) => ({ path: where(f.path, f.path_is_relative), rearranged })),
  };
}

export function diffFiles(fromVersion: Id, from: readonly FileAtSnapshot[], toVersion: Id, to: readonly FileAtSnapshot[]): FilesDiffSummary {
  const before = new Map(from.map((f) => [f.dataFile.data_file_id, f]));
  const after = new Map(to.map((f) => [f.dataFile.data_file_id, f]));
  let exact = true;
  const live = (f: FileAtSnapshot) => {
    if (f.dataFile.partial_max !== null || f.deleteFile?.partial_max) exact = false;
    return f.dataFile.record_count - (f.deleteFile?.delete_count ?? 0);
  };
  const summary = { fromVersion, toVersion, removedFiles: 0, addedFiles: 0, changedDeletes: 0, rowsRemoved: 0, rowsAdded: 0 };
  for (const [id, file] of before) {
    const other = after.get(id);
    if (!other) {
      summary.removedFiles++;
      summary.rowsRemoved += live(file);
    } else if (file.deleteFile?.delete_file_id !== other.deleteFile?.delete_file_id) {
      summary.changedDeletes++;
      const change = live(file) - live(other);
      if (change >= 0) summary.rowsRemoved += change;
      else summary.rowsAdded -= change;
    }
  }
  for (const [id, file] of after) {
    if (before.has(id)) continue;
    summary.addedFiles++;
    summary.rowsAdded += live(file);
  }
  return exact ? summary : { ...summary, rowsRemoved: null, rowsAdded: null };
}
