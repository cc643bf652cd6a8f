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
