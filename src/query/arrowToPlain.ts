/**
 * Arrow tables to the plain rows a ParquetCodec returns (src/core/parquetCodec.ts), column by
 * column with the one recursive conversion (arrowValues.ts): structs -> objects, maps ->
 * objects keyed by their keys' text, lists -> arrays, 64-bit integers -> numbers when safe
 * (bigint otherwise), binary -> Uint8Array, dates -> "YYYY-MM-DD", timestamps -> ISO text ("Z"
 * when adjusted to UTC), decimals -> exact text: the forms stats take in JSON.
 */
import type { Table } from 'apache-arrow';
import { toDeltaType } from './arrowSchema.ts';
import { toVectorValues, type ValueForms } from './arrowValues.ts';

const plainForms: ValueForms = { bigLong: 'bigint', nonFinite: 'number', binary: 'bytes', map: 'object', columnMapping: 'none' };

export function toPlainRows(table: Table): Record<string, unknown>[] {
  const columns = table.schema.fields.map((field, i) => ({
    name: field.name,
    values: toVectorValues(table.getChildAt(i)!, toDeltaType(field.type), plainForms, { path: field.name }),
  }));
  const rows = new Array<Record<string, unknown>>(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, unknown> = {};
    for (const column of columns) row[column.name] = column.values[r] ?? null;
    rows[r] = row;
  }
  return rows;
}
