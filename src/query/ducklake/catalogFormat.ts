/**
 * Which database a catalog file is, from its magic bytes: SQLite files start with
 * "SQLite format 3\0"; DuckDB files carry "DUCK" at byte 8 of their first block.
 */
import { LakeError } from '../../core/errors.ts';

export type CatalogFormat = 'duckdb' | 'sqlite';

const sqliteMagic = 'SQLite format 3\0';

export function detectCatalogFormat(bytes: Uint8Array, name: string): CatalogFormat {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 16 && ascii(0, 16) === sqliteMagic) {
    if (bytes.length < 100) throw new LakeError('Corrupt', `${name}: a SQLite file of ${bytes.length} bytes, shorter than its 100-byte header (truncated?)`);
    return 'sqlite';
  }
  if (bytes.length >= 12 && ascii(8, 12) === 'DUCK') return 'duckdb';
  if (bytes.length === 0) throw new LakeError('InvalidInput', `${name}: an empty file, not a DuckLake catalog`);
  const start = Array.from(bytes.subarray(0, 16), (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
  throw new LakeError('InvalidInput', `${name}: neither a DuckDB nor a SQLite database (it starts with "${start}"), so not a DuckLake catalog`);
}
