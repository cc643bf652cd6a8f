/**
 * Which database a catalog file is, from its magic bytes: SQLite files start with
 * "SQLite format 3\0"; DuckDB files carry "DUCK" at byte 8 of their first block.
 */
import { LakeError } from '../../core/errors.ts';

export type CatalogFormat = 'duckdb' | 'sqlite';

const sqliteMagic = 'SQLite format 3\0';
const duckdbHeaders = 3 * 4096;

/** Whether a file's first bytes are SQLite's or DuckDB's: a catalog to open, however damaged. */
export function isDatabaseHeader(head: Uint8Array): boolean {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  return (head.length >= 16 && ascii(0, 16) === sqliteMagic) || (head.length >= 12 && ascii(8, 12) === 'DUCK');
}

export function detectCatalogFormat(bytes: Uint8Array, name: string): CatalogFormat {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 16 && ascii(0, 16) === sqliteMagic) {
    if (bytes.length < 100) throw new LakeError('Corrupt', `${name}: a SQLite file of ${bytes.length} bytes, shorter than its 100-byte header (truncated?)`);
    return 'sqlite';
  }
  if (bytes.length >= 12 && ascii(8, 12) === 'DUCK') {
    // A DuckDB file is its three 4 KiB headers and then whole blocks (at least 4 KiB each); a
    // shorter or ragged file is cut off (and duckdb-wasm hangs on some such files rather than fail).
    if (bytes.length < duckdbHeaders || bytes.length % 4096 !== 0) {
      throw new LakeError('Corrupt', `${name}: a DuckDB file of ${bytes.length} bytes, not its ${duckdbHeaders}-byte headers and whole blocks (truncated?)`);
    }
    const needed = duckdbSize(bytes);
    if (needed > bytes.length) throw new LakeError('Corrupt', `${name}: a DuckDB file of ${bytes.length} bytes whose header counts ${needed} (truncated?)`);
    return 'duckdb';
  }
  if (bytes.length === 0) throw new LakeError('InvalidInput', `${name}: an empty file, not a DuckLake catalog`);
  const start = Array.from(bytes.subarray(0, 16), (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
  throw new LakeError('InvalidInput', `${name}: neither a DuckDB nor a SQLite database (it starts with "${start}"), so not a DuckLake catalog`);
}

/**
 * The size a DuckDB file's active database header says it has: its headers plus block_count
 * blocks of block_alloc_size. Each of the two database headers (at 4 KiB and 8 KiB) holds a
 * checksum, then iteration, meta_block, free_list, block_count and block_alloc_size (u64 LE);
 * the one with the higher iteration is current.
 */
export function duckdbSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = (offset: number) => ({
    iteration: view.getBigUint64(offset + 8, true),
    blocks: view.getBigUint64(offset + 32, true),
    blockSize: view.getBigUint64(offset + 40, true),
  });
  const [a, b] = [header(4096), header(8192)];
  const active = a.iteration >= b.iteration ? a : b;
  const size = BigInt(duckdbHeaders) + active.blocks * active.blockSize;
  return size > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(size);
}
