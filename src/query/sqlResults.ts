/** SQL results for the page: rows in the JSON value forms, and exports as CSV or Parquet. */
import type { Table } from 'apache-arrow';
import { toDeltaType } from './arrowSchema.ts';
import { toJsonValue, type JsonValue } from './jsonValues.ts';
import { toParquetBytes } from './parquetWrite.ts';
import { openSqlSession, type SqlSession } from './duckdbBrowser.ts';

export { openSqlSession, type SqlSession };

export function toResultRows(table: Table, limit: number): { columns: string[]; rows: Record<string, JsonValue>[]; total: number } {
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

export function toCsvText(table: Table): string {
  const { columns, rows } = toResultRows(table, table.numRows);
  const field = (v: JsonValue) => {
    const text = v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.map((c) => field(c)).join(','), ...rows.map((row) => columns.map((c) => field(row[c] ?? null)).join(','))].join('\n') + '\n';
}

export function toParquetExport(table: Table): Promise<Uint8Array> {
  return toParquetBytes(table);
}
