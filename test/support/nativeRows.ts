/**
 * Expected rows read by native DuckDB (@duckdb/node-api), never by Lakelab: DAT's expected
 * Parquet, a table's data files, CSV sources. Values take the CLI's JSON forms where the two
 * differ (binary as base64, dates and timestamps as text), so test/canonicalRows.ts compares them.
 */
import { DuckDBInstance } from '@duckdb/node-api';

const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;

/** `from` is a DuckDB table function call, e.g. read_parquet(['a.parquet']). */
async function readRows(from: string, extraColumns = ''): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    const described = (await db.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJS() as { column_name: string; column_type: string }[];
    const select = described.map(({ column_name: name, column_type: type }) => {
      const column = `"${name.replace(/"/g, '""')}"`;
      return type === 'BLOB' ? `to_base64(${column}) AS ${column}` : `${column}::VARCHAR AS ${column}`;
    });
    const result = await db.runAndReadAll(`SELECT ${select.join(', ')}${extraColumns} FROM ${from}`);
    return result.getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

export function readParquetRows(paths: string[]): Promise<Record<string, unknown>[]> {
  return readRows(`read_parquet([${paths.map(quote).join(', ')}])`);
}

/** read_csv_auto over the files, with each row's file name (no folder) as `filename`. */
export async function readCsvRowsWithFilename(paths: string[]): Promise<Record<string, unknown>[]> {
  const rows = await readRows(`read_csv_auto([${paths.map(quote).join(', ')}], filename = true)`);
  return rows.map((row) => ({ ...row, filename: String(row.filename).split('/').pop() }));
}
