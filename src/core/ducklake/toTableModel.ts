/** A DuckLake table in the format-neutral model of core/table.ts: its snapshots, schema and files. */
import type { TableColumn, TableFile, TableSchema, TableTerms, TableVersion } from '../table.ts';
import type { DucklakeCatalog } from './catalog.ts';
import type { Id } from './catalogRows.ts';
import type { CatalogTable } from './catalogAt.ts';
import { toTypeLabel, type DucklakeField } from './columnTree.ts';
import { describeLocation, fileLocation, tableBase } from './dataPaths.ts';
import type { DucklakeHistoryEntry } from './history.ts';
import type { FileAtSnapshot } from './tableFiles.ts';
import type { GrowthPoint } from './tableGrowth.ts';
import { isVisibleAt } from './visibility.ts';

export const ducklakeTerms: TableTerms = {
  version: 'snapshot',
  deletes: 'delete file',
  commitEntry: 'catalog row',
  protocol: 'Catalog',
  historyDetails: [
    { key: 'schemaVersion', label: 'Schema version' },
    { key: 'changesMade', label: 'changes_made' },
    { key: 'commitExtraInfo', label: 'Extra info' },
  ],
};

/** Snapshots newest first; growth is the table's own, operations are the whole snapshot's changes. */
export function toTableVersions(history: readonly DucklakeHistoryEntry[], growth?: readonly GrowthPoint[]): TableVersion[] {
  // History is newest first, growth oldest first: walk the growth points down alongside.
  let at = (growth?.length ?? 0) - 1;
  return history.map((entry) => {
    while (growth && at >= 0 && (growth[at]?.snapshotId ?? 0) > entry.snapshotId) at--;
    const point = growth && at >= 0 ? growth[at] : undefined;
    return {
      version: entry.snapshotId,
      timestamp: entry.snapshotTime / 1000,
      operations: entry.changes.map((c) => c.words),
      author: entry.author,
      message: entry.commitMessage,
      details: { schemaVersion: entry.schemaVersion, changesMade: entry.changesMade, commitExtraInfo: entry.commitExtraInfo },
      growth: growth ? { files: point?.files ?? 0, bytes: point?.bytes ?? 0, rows: point ? point.rows : 0 } : undefined,
    };
  });
}

/** The field ids a table is partitioned by at a snapshot (identity or not). */
export function partitionFieldIds(catalog: DucklakeCatalog, tableId: Id, snapshotId: Id): Set<Id> {
  const partitions = catalog.partitionInfo.filter((p) => p.table_id === tableId && isVisibleAt(p, snapshotId)).map((p) => p.partition_id);
  return new Set(catalog.partitionColumns.filter((c) => partitions.includes(c.partition_id)).map((c) => c.column_id));
}

export function toTableSchema(catalog: DucklakeCatalog, table: CatalogTable, snapshotId: Id): TableSchema {
  const partitioned = partitionFieldIds(catalog, table.tableId, snapshotId);
  const tags = new Map<Id, Record<string, string>>();
  for (const tag of catalog.columnTags) {
    if (tag.table_id !== table.tableId || !isVisibleAt(tag, snapshotId)) continue;
    tags.set(tag.column_id, { ...tags.get(tag.column_id), [tag.key]: tag.value ?? '' });
  }
  const toColumn = (field: DucklakeField, top: boolean): TableColumn => ({
    name: field.name,
    type: toTypeLabel(field.type),
    nullable: field.nullable,
    fieldId: field.id,
    defaultValue: field.defaultValue,
    initialDefault: field.initialDefault,
    partition: top && partitioned.has(field.id),
    ...(tags.has(field.id) ? { metadata: tags.get(field.id) } : {}),
    children: childFields(field).map((child) => toColumn(child, false)),
  });
  return { version: snapshotId, columns: table.columns.map((f) => toColumn(f, true)) };
}

function childFields(field: DucklakeField): DucklakeField[] {
  if (field.type.kind === 'struct') return field.type.fields;
  if (field.type.kind === 'list') return [field.type.element];
  if (field.type.kind === 'map') return [field.type.key, field.type.value];
  return [];
}

/** Field id -> dotted column name at a snapshot ("payload.b.element"). */
export function columnNamesById(fields: readonly DucklakeField[], prefix = '', out = new Map<Id, string>()): Map<Id, string> {
  for (const field of fields) {
    out.set(field.id, prefix + field.name);
    columnNamesById(childFields(field), `${prefix}${field.name}.`, out);
  }
  return out;
}

export function toTableFiles(catalog: DucklakeCatalog, table: CatalogTable, snapshotId: Id, files: readonly FileAtSnapshot[]): TableFile[] {
  const base = tableBase(catalog, table.tableId, snapshotId);
  const names = columnNamesById(table.columns);
  const partitions = catalog.partitionColumns;
  return files.map(({ dataFile, deleteFile, columnStats, partitionValues }) => {
    const values: Record<string, string | null> = {};
    for (const value of partitionValues) {
      const column = partitions.find((c) => c.partition_id === dataFile.partition_id && c.partition_key_index === value.partition_key_index);
      const name = column ? names.get(column.column_id) ?? `column ${column.column_id}` : `key ${value.partition_key_index}`;
      values[column && column.transform && column.transform !== 'identity' ? `${column.transform}(${name})` : name] = value.partition_value;
    }
    return {
      path: describeLocation(fileLocation(catalog, base, dataFile.path, dataFile.path_is_relative)),
      size: dataFile.file_size_bytes,
      records: dataFile.record_count,
      deletedRecords: deleteFile ? deleteFile.delete_count : 0,
      partitionValues: values,
      addedIn: dataFile.begin_snapshot,
      deletes: deleteFile
        ? { path: describeLocation(fileLocation(catalog, base, deleteFile.path, deleteFile.path_is_relative)), size: deleteFile.file_size_bytes, records: deleteFile.delete_count }
        : undefined,
      stats: columnStats.map((s) => ({ column: names.get(s.column_id) ?? `column ${s.column_id}`, min: s.min_value, max: s.max_value, nullCount: s.null_count, valueCount: s.value_count })),
    };
  });
}
