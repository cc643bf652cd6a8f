/** A SQL result (Arrow) as rows in the JSON value forms. */
import type { Table } from 'apache-arrow';
import { toDeltaType } from './arrowSchema.ts';
import { toJsonValue, type JsonValue } from './jsonValues.ts';

export function toResultRows(table: Table, limit = table.numRows): { columns: string[]; rows: Record<string, JsonValue>[]; total: number } {
  const columns = table.schema.fields.map((f) => f.name);
  const vectors = table.schema.fields.map((f) => ({ name: f.name, vector: table.getChild(f.name)!, type: toDeltaType(f.type) }));
  const rows: Record<string, JsonValue>[] = [];
  for (let r = 0; r < Math.min(limit, table.numRows); r++) {
    const row: Record<string, JsonValue> = {};
    for (const { name, vector, type } of vectors) row[name] = toJsonValue(vector, r, type);
    rows.push(row);
  }
  return { columns, rows, total: table.numRows };
}
