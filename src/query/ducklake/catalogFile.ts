/**
 * A catalog file opened for reading, DuckDB or SQLite alike: core's CatalogDatabase (plain rows
 * for the catalog tables) plus typed Arrow results for inlined data, whose values must keep
 * their DuckDB types (structs, decimals, timestamps) on their way to JSON and SQL.
 */
import type { Table } from 'apache-arrow';
import type { CatalogDatabase } from '../../core/ducklake/catalogDatabase.ts';
import type { SqlEngine } from '../duckdbEngine.ts';
import { detectCatalogFormat, type CatalogFormat } from './catalogFormat.ts';
import { openDuckdbCatalog } from './duckdbCatalog.ts';
import { openSqliteCatalog } from './sqliteCatalog.ts';

export interface CatalogFile extends CatalogDatabase {
  readonly format: CatalogFormat;
  /**
   * Run a SELECT whose output columns have the DuckDB types `types` (SQL spelling), as Arrow.
   * A DuckDB catalog answers natively; a SQLite catalog's values (the storage classes DuckDB's
   * sqlite extension writes) are cast to those types by duckdb-wasm, as the ducklake extension does.
   */
  queryTyped(sql: string, types: string[]): Promise<Table>;
  /** The catalog's bytes as they are now: what a commit through transact() wrote included. */
  exportBytes(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface OpenCatalogOptions {
  /** Open for writing: transact() runs commits on the in-memory copy; exportBytes() gives the new file. */
  writable?: boolean;
}

/** Opens `bytes` as a catalog: DuckDB or SQLite by magic bytes. `openEngine` gives a fresh duckdb-wasm connection. */
export async function openCatalogFile(name: string, bytes: Uint8Array, openEngine: () => Promise<SqlEngine>, options: OpenCatalogOptions = {}): Promise<CatalogFile> {
  const format = detectCatalogFormat(bytes, name);
  if (format === 'duckdb') return openDuckdbCatalog(await openEngine(), name, bytes, options);
  return openSqliteCatalog(name, bytes, openEngine, options);
}
