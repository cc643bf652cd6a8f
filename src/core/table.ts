/**
 * What Delta and DuckLake have in common, in one format-neutral model the explorer's views, the
 * CLI and the simulator can read without asking which format they look at (DESIGN.md "Two
 * formats, one explorer"): versions (Delta versions, DuckLake snapshots) with what each did, a
 * schema of columns, the files a version reads, and the schema changes between two versions.
 * Each format produces it from its own state (core/ducklake/toTableModel.ts for DuckLake).
 */
export type TableFormat = 'delta' | 'ducklake';

/** A version a reader can pin: a Delta version, a DuckLake snapshot id. */
export interface TableVersion {
  version: number;
  /** Milliseconds since the epoch. */
  timestamp: number;
  /** What it did, one phrase each: "WRITE", "inserted into table main.people". */
  operations: string[];
  author: string | null;
  message: string | null;
  /** The format's own fields, as plain data (Delta: commitInfo; DuckLake: schema version, changes_made, extra info). */
  details: Record<string, unknown>;
  /** The table after this version, where known; rows null when some file has no count. */
  growth?: TableGrowth;
}

export interface TableGrowth {
  files: number;
  bytes: number;
  rows: number | null;
}

export interface TableColumn {
  name: string;
  /** The type as the format labels it: "long", "decimal(12,2)", "int32", "struct<a: int32>". */
  type: string;
  nullable: boolean;
  /** Field id: Delta column mapping id, DuckLake column_id. */
  fieldId?: number;
  /** The value new rows get, as SQL text. */
  defaultValue?: string | null;
  /** The value rows written before the column existed read as (DuckLake initial_default). */
  initialDefault?: string | null;
  partition: boolean;
  /** The name in the data files, where it differs (Delta column mapping). */
  physicalName?: string;
  /** The column's own metadata or tags (Delta field metadata, DuckLake column tags), as text. */
  metadata?: Record<string, string>;
  children: TableColumn[];
}

export interface TableSchema {
  version: number;
  columns: TableColumn[];
}

export interface TableFileStats {
  /** Column name (nested: "a.b"). */
  column: string;
  min: string | null;
  max: string | null;
  nullCount: number | null;
  valueCount: number | null;
}

export interface TableFile {
  path: string;
  size: number;
  /** Rows written to the file (before deletes). */
  records: number | null;
  /** Rows deletes remove from it (Delta deletion vector, DuckLake delete file). */
  deletedRecords: number | null;
  partitionValues: Record<string, string | null>;
  /** The version that added it. */
  addedIn?: number;
  /** DuckLake: its delete file; Delta: its deletion vector's storage. */
  deletes?: { path: string; size: number | null; records: number | null };
  stats: TableFileStats[];
}

/** How a schema changed between two versions; columns are matched by field id where the format has one. */
export type SchemaChange =
  | { kind: 'added'; column: string; type: string }
  | { kind: 'dropped'; column: string; type: string }
  | { kind: 'renamed'; from: string; to: string }
  | { kind: 'retyped'; column: string; from: string; to: string }
  | { kind: 'nullability'; column: string; nullable: boolean }
  | { kind: 'default'; column: string; from: string | null; to: string | null };

/** A row as JSON values (README "scan"), logical column names. */
export type TableRow = Record<string, unknown>;

/**
 * How a format names things the views show, so they speak its language without asking which
 * format it is: Delta has versions and deletion vectors, DuckLake snapshots and delete files.
 */
export interface TableTerms {
  version: 'version' | 'snapshot';
  deletes: 'deletion vector' | 'delete file';
  /** What a commit is made of, as the Log view counts them: Delta's actions, DuckLake's catalog rows. */
  commitEntry: 'action' | 'catalog row';
  /** The view of what a reader must know: Delta's protocol, DuckLake's catalog. */
  protocol: 'Protocol' | 'Catalog';
  /** The History view's columns beyond time, operations, author and message: keys of TableVersion.details, with their labels. */
  historyDetails: { key: string; label: string }[];
}

/** A version summed up: when, how big, its columns, how it was read and what its format says. */
export interface TableSnapshot {
  version: number;
  timestamp: number;
  schema: TableSchema;
  files: number;
  bytes: number;
  /** Live rows (after deletes); null when some file has no count. */
  rows: number | null;
  /** How the reader reached this version, in words. */
  readFrom: string;
  protocol: TableProtocol;
  /** Asked for by a time: the commit times it went by (in-commit timestamps, file times, snapshot_time) and this version's. */
  timeTravel?: { by: string; commitTime: number };
}

export interface TableFact {
  label: string;
  value: string;
}

/** What a reader must know about a version: Delta's protocol and properties, DuckLake's spec version and catalog settings. */
export interface TableProtocol {
  /** One line: "reader v1 / writer v2", "DuckLake 1.0, SQLite catalog". */
  summary: string;
  facts: TableFact[];
  /** Features the table needs, who needs them, and what Lakelab does with them. */
  features: { name: string; neededBy: string; support: string }[];
  /** Table properties (Delta configuration), catalog settings (ducklake_metadata with their scope). */
  properties: { key: string; value: string; scope?: string }[];
  /** What this build of Lakelab reads, and anything else worth a sentence. */
  notes: string[];
}

/** Files of a version, summed up by partition. */
export interface TablePartition {
  values: Record<string, string | null>;
  files: number;
  bytes: number;
  /** Live rows; null when a file has no count. */
  rows: number | null;
}

/** The Files view's data: a page of a version's files, every size (for the histogram), partitions. */
export interface TableFilesPage {
  version: number;
  total: number;
  offset: number;
  files: TableFile[];
  sizes: number[];
  partitions: TablePartition[];
  /** Rows kept in the catalog rather than in files (DuckLake's inlined data tables), with how many the version sees. */
  inlined: { name: string; rows: number }[];
  /** Files no version reads any more, waiting for cleanup, with when they were scheduled (ms). */
  scheduledForDeletion: { path: string; since: number | null }[];
}

/** What one version's own commit did to the files: added (data or deletes) and removed (rearranged: no data change). */
export interface VersionFiles {
  version: number;
  added: { path: string; size: number | null; deletes?: boolean }[];
  removed: { path: string; rearranged: boolean }[];
}

/**
 * The objects of a catalog at a version (DuckLake; a Delta table is its own catalog and has
 * none): schemas, tables, views, macros, and the tables that exist at other versions only
 * (dropped, or created later), with the versions they span (`until`: the first without them).
 */
export interface CatalogObjects {
  version: number;
  schemas: string[];
  tables: { name: string; id: number }[];
  views: { name: string; sql: string | null }[];
  macros: string[];
  elsewhere: { name: string; from: number; until: number | null }[];
}

/** Two versions compared by their files: what only one side has, files whose deletes differ, and the live rows those hold (null: unknown). */
export interface FilesDiffSummary {
  fromVersion: number;
  toVersion: number;
  removedFiles: number;
  addedFiles: number;
  /** The same data file with other deletes on each side (a new deletion vector, another delete file). */
  changedDeletes: number;
  rowsRemoved: number | null;
  rowsAdded: number | null;
}
