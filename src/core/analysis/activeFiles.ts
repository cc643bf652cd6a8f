/** The Files view's data: a page of a snapshot's active files, their sizes and partitions. */
import type { Add } from '../delta/actions.ts';
import { parseStats } from '../delta/stats.ts';

export interface FileRow {
  path: string;
  size: number;
  modificationTime: number;
  partitionValues: Record<string, string | null>;
  numRecords: number | null;
  /** Rows a deletion vector removes from this file. */
  deletedRows: number | null;
  minValues: Record<string, unknown> | null;
  maxValues: Record<string, unknown> | null;
  nullCount: Record<string, unknown> | null;
}

export interface PartitionSummary {
  values: Record<string, string | null>;
  files: number;
  bytes: number;
  /** Live rows (after deletion vectors); null when a file has no stats. */
  rows: number | null;
}

export interface FilesPage {
  version: number;
  total: number;
  offset: number;
  files: FileRow[];
  /** Size of every active file, for the histogram. */
  sizes: number[];
  partitions: PartitionSummary[];
}

export function toFileRow(add: Add): FileRow {
  const stats = parseStats(add);
  return {
    path: add.path,
    size: add.size,
    modificationTime: add.modificationTime,
    partitionValues: add.partitionValues,
    numRecords: stats?.numRecords ?? null,
    deletedRows: add.deletionVector?.cardinality ?? null,
    minValues: (stats?.minValues as Record<string, unknown> | undefined) ?? null,
    maxValues: (stats?.maxValues as Record<string, unknown> | undefined) ?? null,
    nullCount: (stats?.nullCount as Record<string, unknown> | undefined) ?? null,
  };
}

export function toFilesPage(version: number, files: readonly Add[], partitionColumns: string[], offset: number, limit: number): FilesPage {
  return {
    version,
    total: files.length,
    offset,
    files: files.slice(offset, offset + limit).map(toFileRow),
    sizes: files.map((f) => f.size),
    partitions: toPartitionSummaries(files, partitionColumns),
  };
}

export function toPartitionSummaries(files: readonly Add[], partitionColumns: string[]): PartitionSummary[] {
  if (partitionColumns.length === 0) return [];
  const groups = new Map<string, PartitionSummary>();
  for (const file of files) {
    const values = Object.fromEntries(partitionColumns.map((c) => [c, file.partitionValues[c] ?? null]));
    const key = JSON.stringify(partitionColumns.map((c) => values[c]));
    let group = groups.get(key);
    if (!group) {
      group = { values, files: 0, bytes: 0, rows: 0 };
      groups.set(key, group);
    }
    group.files++;
    group.bytes += file.size;
    const records = parseStats(file)?.numRecords;
    group.rows = group.rows === null || records === undefined ? null : group.rows + records - (file.deletionVector?.cardinality ?? 0);
  }
  return [...groups.values()].sort((a, b) => JSON.stringify(Object.values(a.values)).localeCompare(JSON.stringify(Object.values(b.values))));
}
