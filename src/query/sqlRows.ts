/** An Arrow table (a SQL result, a Parquet source) as rows in the JSON value forms, column by column. */
import type { Table } from 'apache-arrow';
import { toDeltaType } from './arrowSchema.ts';
import { toJsonValues, type JsonValue } from './jsonValues.ts';

export function toResultRows(table: Table, limit = table.numRows): { columns: string[]; rows: Record<string, JsonValue>[]; total: number } {
  const columns = table.schema.fields.map((f) => f.name);
  const count = Math.min(limit, table.numRows);
  const head = count === table.numRows ? table : table.slice(0, count);
  const values = table.schema.fields.map((f, i) => toJsonValues(head.getChildAt(i)!, toDeltaType(f.type), { path: f.name }));
  const rows = new Array<Record<string, JsonValue>>(count);
  for (let r = 0; r < count; r++) {
    const row: Record<string, JsonValue> = {};
    columns.forEach((name, c) => (row[name] = values[c]?.[r] ?? null));
    rows[r] = row;
  }
  return { columns, rows, total: table.numRows };
}
