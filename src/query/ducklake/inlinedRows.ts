/**
 * Inlined data: rows small inserts keep in the catalog itself, in
 * ducklake_inlined_data_<table>_<schema version>(row_id, begin_snapshot, end_snapshot, ...),
 * visible by the same begin/end rule as catalog rows, their columns those of the table at that
 * schema version (matched to the snapshot's fields by column id, names as they were then).
 */
import { quoteIdentifier } from '../../core/sqlNames.ts';
import { toSqlType, type DucklakeField } from '../../core/ducklake/columnTree.ts';
import type { InlinedDataSource } from '../../core/ducklake/planScan.ts';
import { visibleAtSql } from '../../core/ducklake/visibility.ts';
import type { JsonValue } from '../jsonValues.ts';
import type { CatalogFile } from './catalogFile.ts';
import { compileReader } from './ducklakeValues.ts';
import { byNames, childrenOf } from './fieldLocators.ts';
import { toDefaultValue } from './defaultValues.ts';
import type { RowsBatch } from './fileRows.ts';

/**
 * The rows visible at `snapshotId`; with `insertedAt`, only those inserted at that snapshot (one
 * inlined insert: an update's rows keep their row ids, so a row id alone may name two rows).
 */
export async function loadInlinedRows(file: CatalogFile, source: InlinedDataSource, fields: readonly DucklakeField[], snapshotId: number, insertedAt?: number): Promise<RowsBatch> {
  const list = source.columns.map((c, i) => `${quoteIdentifier(c.name)} AS "c${i}"`);
  const inserted = insertedAt === undefined ? '' : ` AND "begin_snapshot" = ${Math.trunc(insertedAt)}`;
  const sql = `SELECT "row_id", ${list.join(', ') || 'NULL AS "c0"'} FROM ${quoteIdentifier(source.tableName)} WHERE ${visibleAtSql(snapshotId)}${inserted} ORDER BY "row_id"`;
  // JSON, VARIANT and GEOMETRY are extension types duckdb-wasm lacks offline: their text (or bytes) is kept.
  const types = source.columns.map((c) => toSqlType(c.field.type, { json: 'VARCHAR', variant: 'VARCHAR', geometry: 'BLOB' }));
  const table = await file.queryTyped(sql, ['BIGINT', ...types]);
  const byId = new Map(source.columns.map((c, i) => [c.field.id, { column: c, index: i + 1 }]));
  const rows: Record<string, JsonValue>[] = [];
  const rowIds: (number | null)[] = [];
  const rowIdVector = table.getChildAt(0);
  let start = 0;
  for (let b = 0; b < table.batches.length; b++) {
    const batch = table.batches[b]!;
    const readers = fields.map((field) => {
      const at = byId.get(field.id);
      const data = at ? table.getChildAt(at.index)?.data[b] : undefined;
      if (!at || !data) return { name: field.name, constant: toDefaultValue(field.initialDefault, field), read: undefined };
      return { name: field.name, constant: null, read: compileReader(data, field, byNames(childrenOf(at.column.field)), `${field.name} of ${source.tableName}`) };
    });
    for (let r = 0; r < batch.numRows; r++) {
      const row: Record<string, JsonValue> = {};
      for (const reader of readers) row[reader.name] = reader.read ? reader.read(r) : reader.constant;
      rows.push(row);
      rowIds.push(rowIdVector ? Number(rowIdVector.get(start + r) as number | bigint) : null);
    }
    start += batch.numRows;
  }
  return { source: source.tableName, rows, rowIds };
}
