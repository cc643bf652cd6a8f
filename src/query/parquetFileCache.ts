/**
 * The Parquet bytes of small data files, kept by the rows they hold. The simulator writes the
 * same rows in every run of a scenario (each seed of a sweep, each rule set compared, each run
 * again): the same columns and values give the same file, so parquet-wasm writes it once and
 * later writes of those rows reuse its bytes. Exact: a key is made only from values JSON tells
 * apart (strings, booleans, null or absent, finite numbers other than -0); rows holding anything
 * else (bigints, dates, bytes, structs, NaN, -0) are written afresh every time.
 */
import type { ColumnSpec } from './jsonToArrow.ts';

/** Files larger than this are not kept. */
export const maxCachedFileBytes = 16 * 1024;
/** Rows whose key is longer than this are not kept. */
export const maxCachedKeyLength = 16 * 1024;
/** The bytes kept in all, the first written forgotten first. */
export const cachedBytesInAll = 8 * 1024 * 1024;

export class ParquetFileCache {
  private readonly files = new Map<string, Uint8Array>();
  private bytes = 0;

  /** A copy of the file kept for `key`. */
  get(key: string): Uint8Array | undefined {
    return this.files.get(key)?.slice();
  }

  set(key: string, file: Uint8Array): void {
    if (file.length > maxCachedFileBytes || this.files.has(key)) return;
    this.files.set(key, file.slice());
    this.bytes += file.length;
    for (const [oldest, kept] of this.files) {
      if (this.bytes <= cachedBytesInAll) break;
      this.files.delete(oldest);
      this.bytes -= kept.length;
    }
  }

  get size(): number {
    return this.files.size;
  }

  clear(): void {
    this.files.clear();
    this.bytes = 0;
  }
}

/**
 * The key of a file of `rows` laid out as `columns` (the values each column reads, an absent one
 * as null, which is how a write reads it), or undefined when a value is not one JSON tells apart.
 */
export function parquetFileKey(columns: readonly ColumnSpec[], rows: readonly Record<string, unknown>[]): string | undefined {
  const values: unknown[] = [];
  for (const row of rows) {
    for (const column of columns) {
      const value = row[column.name] ?? null;
      if (!isKeyValue(value)) return undefined;
      values.push(value);
    }
  }
  const key = JSON.stringify([columns, rows.length, values]);
  return key.length <= maxCachedKeyLength ? key : undefined;
}

function isKeyValue(value: unknown): boolean {
  switch (typeof value) {
    case 'string': case 'boolean': return true;
    case 'number': return Number.isFinite(value) && !Object.is(value, -0);
    default: return value === null;
  }
}
