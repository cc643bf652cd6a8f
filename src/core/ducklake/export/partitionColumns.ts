/**
 * DuckLake identity partitions as Delta partition columns. Delta has one set of partition columns
 * for every file, so they are used only when the table kept one partitioning, by identity only,
 * for all its files; otherwise the export is unpartitioned (the files still hold the values).
 */
import type { DucklakeCatalog } from '../catalog.ts';
import type { Id } from '../catalogRows.ts';
import type { TableFiles } from '../tableFiles.ts';

export function identityPartitionIds(catalog: DucklakeCatalog, tableId: Id, files: TableFiles): Id[] {
  const infos = catalog.partitionInfo.filter((p) => p.table_id === tableId);
  if (infos.length === 0) return [];
  const specs = new Set(infos.map((info) => JSON.stringify(catalog.partitionColumns
    .filter((c) => c.partition_id === info.partition_id)
    .sort((a, b) => a.partition_key_index - b.partition_key_index)
    .map((c) => [c.column_id, c.transform ?? 'identity']))));
  if (specs.size !== 1) return [];
  const spec = JSON.parse([...specs][0]!) as [Id, string][];
  if (spec.length === 0 || spec.some(([, transform]) => transform !== 'identity')) return [];
  if (files.dataFiles.some((f) => f.partition_id === null)) return [];
  return spec.map(([id]) => id);
}
