/**
 * Native DuckDB's own reading of Parquet files, as rows in the CLI's documented JSON forms
 * (README, "scan"): exact integers (strings past 2^53), decimals as exact strings with their
 * scale, NaN/Infinity as strings, binary as base64, dates as text, timestamps as ISO text with
 * six fractional digits ("Z" for timestamps with a time zone), structs as objects, lists as
 * arrays, maps as [{key, value}]. The conversion is DuckDB's values, formatted here, with no
 * Lakelab code, so tests compare Lakelab with an independent reader.
 */
import {
  DuckDBArrayValue, DuckDBBlobValue, DuckDBDateValue, DuckDBDecimalValue, DuckDBInstance, DuckDBListValue, DuckDBMapValue,
  DuckDBStructValue, DuckDBTimestampMillisecondsValue, DuckDBTimestampNanosecondsValue, DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue, DuckDBTimestampValue, type DuckDBConnection, type DuckDBValue,
} from '@duckdb/node-api';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export async function withDuckdb<T>(use: (db: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    await db.run("SET TimeZone = 'UTC'");
    return await use(db);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/** The rows of a query, every value in the CLI's JSON form, columns in the query's order. */
export async function queryJsonRows(db: DuckDBConnection, sql: string): Promise<Record<string, JsonValue>[]> {
  const reader = await db.runAndReadAll(sql);
  const names = reader.columnNames();
  return reader.getRows().map((values) => Object.fromEntries(names.map((name, i) => [name, toCliJson(values[i] ?? null)])));
}

/** DuckDB's reading of Parquet files (every column), as CLI JSON rows. */
export function readParquetJsonRows(paths: string[]): Promise<Record<string, JsonValue>[]> {
  const list = paths.map((p) => `'${p.replace(/'/g, "''")}'`).join(', ');
  return withDuckdb((db) => queryJsonRows(db, `SELECT * FROM read_parquet([${list}])`));
}

export function toCliJson(value: DuckDBValue): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Infinity) return 'Infinity';
    if (value === -Infinity) return '-Infinity';
    return value;
  }
  if (typeof value === 'bigint') return value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER) ? String(value) : Number(value);
  if (value instanceof DuckDBDecimalValue) return value.toString();
  if (value instanceof DuckDBDateValue) return value.toString();
  if (value instanceof DuckDBTimestampTZValue) return isoMicros(value.micros) + 'Z';
  if (value instanceof DuckDBTimestampValue) return isoMicros(value.micros);
  if (value instanceof DuckDBTimestampMillisecondsValue) return isoMicros(value.millis * 1000n);
  if (value instanceof DuckDBTimestampSecondsValue) return isoMicros(value.seconds * 1_000_000n);
  if (value instanceof DuckDBTimestampNanosecondsValue) return isoMicros(value.nanos / 1000n);
  if (value instanceof DuckDBBlobValue) return Buffer.from(value.bytes).toString('base64');
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) return value.items.map(toCliJson);
  if (value instanceof DuckDBStructValue) return Object.fromEntries(Object.entries(value.entries).map(([k, v]) => [k, toCliJson(v)]));
  if (value instanceof DuckDBMapValue) return value.entries.map((e) => ({ key: toCliJson(e.key), value: toCliJson(e.value) }));
  return String(value);
}

/** Microseconds since the epoch as "YYYY-MM-DDTHH:MM:SS.ffffff" (years 0001-9999). */
function isoMicros(micros: bigint): string {
  const millis = micros >= 0n ? micros / 1000n : -((-micros + 999n) / 1000n);
  const subMillis = Number(micros - millis * 1000n);
  const iso = new Date(Number(millis)).toISOString();
  return `${iso.slice(0, 23)}${String(subMillis).padStart(3, '0')}`;
}
