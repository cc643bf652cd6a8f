/**
 * One data file's rows as a DuckLake reader sees them at a snapshot: its Parquet read with
 * parquet-wasm, each field found by field id (or the file's name mapping), fields the file
 * predates filled with their initial default (or the file's identity partition value), rows its
 * delete file and the inlined deletes remove dropped, and for a partial file only the rows whose
 * _ducklake_internal_snapshot_id the snapshot sees.
 */
import type { Table } from 'apache-arrow';
import { LakeError } from '../../core/errors.ts';
import type { DucklakeField } from '../../core/ducklake/columnTree.ts';
import type { ScanDataFile } from '../../core/ducklake/planScan.ts';
import type { JsonValue } from '../jsonValues.ts';
import { byFieldId, byNameMapping, indexByFieldId } from './fieldLocators.ts';
import { compileReader, type ChildLocator, type ValueReader } from './ducklakeValues.ts';
import { toDefaultValue } from './defaultValues.ts';

export const rowIdColumn = '_ducklake_internal_row_id';
export const snapshotIdColumn = '_ducklake_internal_snapshot_id';

export interface RowsBatch {
  /** What the rows came from, for messages and the row diff: a data file's location or an inlined table's name. */
  source: string;
  rows: Record<string, JsonValue>[];
  /** Each row's DuckLake row id (null when the catalog does not know it). */
  rowIds: (number | null)[];
  /** Each row's own source, when the batch joins several (loadDucklakeRows). */
  sources?: string[];
  /** Each row's position in its data file (a data file's batch; deletes are written by position). */
  positions?: number[];
}

export interface FileRowsInput {
  file: ScanDataFile;
  /** What the file is called in messages. */
  name: string;
  table: Table;
  fields: readonly DucklakeField[];
  snapshotId: number;
  /** Positions deleted: from the delete file and the inlined deletes. */
  deleted: ReadonlySet<number>;
}

export function toFileRows(input: FileRowsInput): RowsBatch {
  const { file, name, table, fields, snapshotId, deleted } = input;
  if (table.numRows !== file.recordCount) {
    throw new LakeError('Corrupt', `data file ${name} has ${table.numRows} rows, the catalog says ${file.recordCount} (a different file?)`);
  }
  const columns = table.schema.fields;
  const locate = (field: DucklakeField, i: number): { index: number; locator: ChildLocator; partition: boolean } => {
    if (!file.nameMapping) return { index: fieldIndex[i] ?? -1, locator: byFieldId, partition: false };
    const node = file.nameMapping.find((n) => n.fieldId === field.id);
    if (!node) return { index: -1, locator: byNameMapping([]), partition: false };
    return { index: node.isPartition ? -1 : columns.findIndex((c) => c.name === node.sourceName), locator: byNameMapping(node.children), partition: node.isPartition };
  };
  const fieldIndex = indexByFieldId(columns, fields);
  const special = (name: string, id: number) => columns.findIndex((c) => c.name === name || c.metadata.get('PARQUET:field_id') === String(id));
  const rowIdAt = special(rowIdColumn, 2147483540);
  const snapshotAt = special(snapshotIdColumn, 2147483539);
  const sources = fields.map((field, i) => {
    const found = locate(field, i);
    if (found.index < 0) {
      const text = file.partitionValues.has(field.id) ? file.partitionValues.get(field.id) ?? null : field.initialDefault;
      const value = toDefaultValue(text, field);
      return { name: field.name, constant: value, vector: undefined, locator: found.locator, field };
    }
    return { name: field.name, constant: null, vector: table.getChildAt(found.index), locator: found.locator, field };
  });
  const rowIds = rowIdAt >= 0 ? table.getChildAt(rowIdAt) : null;
  const snapshots = snapshotAt >= 0 ? table.getChildAt(snapshotAt) : null;
  const rows: Record<string, JsonValue>[] = [];
  const ids: (number | null)[] = [];
  const positions: number[] = [];
  let start = 0;
  for (let b = 0; b < table.batches.length; b++) {
    const batch = table.batches[b]!;
    const readers: (ValueReader | undefined)[] = sources.map((s) => (s.vector ? compileReader(s.vector.data[b]!, s.field, s.locator, `${s.name} of ${name}`) : undefined));
    for (let r = 0; r < batch.numRows; r++) {
      const position = start + r;
      if (deleted.has(position)) continue;
      if (snapshots && Number(snapshots.get(position) as number | bigint) > snapshotId) continue;
      const row: Record<string, JsonValue> = {};
      sources.forEach((source, c) => { row[source.name] = readers[c] ? readers[c]!(r) : source.constant; });
      rows.push(row);
      positions.push(position);
      ids.push(rowIds ? Number(rowIds.get(position) as number | bigint) : file.rowIdStart === null ? null : file.rowIdStart + position);
    }
    start += batch.numRows;
  }
  return { source: name, rows, rowIds: ids, positions };
}
