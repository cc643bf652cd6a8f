/** A files page in the format-neutral model from a version's files: sizes for the histogram, partition totals, a page of the files. */
import type { TableFile, TableFilesPage, TablePartition } from '../table.ts';

export function toTableFilesPage(version: number, files: readonly TableFile[], offset: number, limit: number, extras: Pick<TableFilesPage, 'inlined' | 'scheduledForDeletion'>): TableFilesPage {
  return {
    version,
    total: files.length,
    offset,
    files: files.slice(offset, offset + limit),
    sizes: files.map((f) => f.size),
    partitions: toTablePartitions(files),
    ...extras,
  };
}

export function toTablePartitions(files: readonly TableFile[]): TablePartition[] {
  const groups = new Map<string, TablePartition>();
  for (const file of files) {
    const keys = Object.keys(file.partitionValues).sort();
    if (keys.length === 0) continue;
    const key = JSON.stringify(keys.map((k) => [k, file.partitionValues[k] ?? null]));
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { values: Object.fromEntries(keys.map((k) => [k, file.partitionValues[k] ?? null])), files: 0, bytes: 0, rows: 0 }));
    group.files++;
    group.bytes += file.size;
    group.rows = group.rows === null || file.records === null ? null : group.rows + file.records - (file.deletedRecords ?? 0);
  }
  return [...groups.values()].sort((a, b) => JSON.stringify(Object.values(a.values)).localeCompare(JSON.stringify(Object.values(b.values))));
}
