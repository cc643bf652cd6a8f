/** SQL results for the page: rows in the JSON value forms, and exports as CSV or Parquet. */
import type { Table } from 'apache-arrow';
import type { JsonValue } from './jsonValues.ts';
import { toResultRows } from './sqlRows.ts';
import { toParquetBytes } from './parquetWrite.ts';
import { openSqlSession, type SqlSession } from './duckdbBrowser.ts';

export { openSqlSession, toResultRows, type SqlSession };

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
