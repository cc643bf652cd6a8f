/**
 * The DuckLake catalog lease writers work on: a real catalog file (SQLite, like the seed's
 * metadata.db) in the simulated store, its data files beside it under `data/`. A lease run
 * downloads it, commits a snapshot to it locally (rows inserted and deleted, by Lakelab's
 * DuckLake writer), and uploads it. The simulator names what it needs from the query layer here
 * (SimDucklake); the CLI, the worker and the tests inject the implementation.
 */
import type { ObjectStore } from '../core/objectStore.ts';
import type { Rng } from '../core/rng.ts';

export type Row = Record<string, unknown>;

/** The catalog a lease scenario starts from: one table, its columns (DuckLake types) and starting rows. */
export interface CatalogSpec {
  /** "schema.table" */
  table: string;
  columns: { name: string; type: string }[];
  rows?: Row[];
}

/** What one lease run commits: rows inserted, rows deleted by predicate (either or both). */
export interface CatalogChange {
  insert?: Row[];
  delete?: string;
}

export interface CatalogContext {
  /** The data files' store and key prefix (the catalog's folder + its data path). */
  data: { store: ObjectStore; prefix: string };
  now: () => number;
  rng: Rng;
}

export interface SimDucklake {
  /** A new catalog holding `spec`'s table and rows, as the first snapshots. */
  createCatalog(spec: CatalogSpec, context: CatalogContext): Promise<Uint8Array>;
  /** The catalog after `writer`'s change: one snapshot whose author is the writer (or the catalog as it was, when the change changes nothing). */
  commit(catalog: Uint8Array, spec: CatalogSpec, writer: string, change: CatalogChange, context: CatalogContext): Promise<Uint8Array>;
  /** The catalog's snapshots with their changes (ducklake_snapshot_changes), ascending, and the id of `table` at the latest. */
  snapshotsOf(catalog: Uint8Array, table: string): Promise<CatalogSnapshots>;
  reader: CatalogReader;
}

export interface CatalogSnapshots {
  latest: number;
  tableId: number;
  snapshots: import('../core/ducklake/snapshotConflicts.ts').CommittedSnapshot[];
}

/** A catalog update a writer was told is stored: the store acknowledged its upload. */
export interface CatalogUpdate {
  writer: string;
  /** The update's identity, as the catalog records it: the author of its snapshot (the writer's name). */
  update: string;
  /** Virtual ms of the acknowledgment. */
  t: number;
}

/** Reads what a catalog file holds: the identities of the updates it records (its snapshots' authors). */
export interface CatalogReader {
  updatesIn(catalog: Uint8Array): Promise<ReadonlySet<string>> | ReadonlySet<string>;
}

/** The catalog file's key in the simulated store, and its data files' prefix (the empty catalog's data path, 'data/'). */
export const catalogKey = 'catalog/metadata.db';
export const catalogDataPrefix = 'catalog/data/';

/** The change a lease run makes when its plan names none: one row, its text columns holding the run's name, its numbers 1. */
export function defaultChange(spec: CatalogSpec, writer: string): CatalogChange {
  const row: Row = {};
  for (const column of spec.columns) row[column.name] = /char|string|text/i.test(column.type) ? writer : /int|float|double|decimal/i.test(column.type) ? 1 : null;
  return { insert: [row] };
}
