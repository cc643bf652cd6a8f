/**
 * The one typed protocol between the page and the table worker. Requests carry an id; the
 * worker answers each with a result or a serialised LakeError, and may send progress first.
 */
import type { SerializedLakeError } from '../core/errors.ts';
import type { CommitInfo, Metadata, Protocol } from '../core/delta/actions.ts';
import type { StructType } from '../core/delta/schemaTypes.ts';
import type { LogSegment } from '../core/delta/snapshot.ts';
import type { TimeTravel } from '../core/delta/timeTravel.ts';
import type { FilesPage } from '../core/analysis/activeFiles.ts';
import type { MergeSpec } from '../core/delta/operations/merge.ts';
import type { IsolationLevel } from '../core/delta/transaction.ts';
import type { Conflict } from '../core/delta/conflicts/conflict.ts';
import type { RetentionPreview, RetentionRequest } from '../core/delta/analysis/loadRetentionPreview.ts';
import type { DeltaLayout } from '../core/delta/analysis/layoutOf.ts';
import type { ChangeRows } from '../query/changeFeedRows.ts';
import type { CatalogObjects, FilesDiffSummary, SchemaChange, TableFilesPage, TableSnapshot, TableTerms, TableVersion, VersionFiles } from '../core/table.ts';

export type { CatalogObjects, SchemaChange, TableFilesPage, TableSnapshot, TableTerms, TableVersion, VersionFiles } from '../core/table.ts';

export type { FileRow, FilesPage } from '../core/analysis/activeFiles.ts';

export type SourceSpec =
  /** A table served over HTTP (any URL with a listing index); read-only. */
  | { kind: 'http'; url: string }
  /** A built-in sample: copied into the worker's memory, so it can be written to. */
  | { kind: 'sample'; url: string }
  /** OneLake / ADLS / Blob storage: the address and a SAS or bearer token (kept in memory only). */
  | { kind: 'azure'; address: string; credential: { kind: 'sas'; token: string } | { kind: 'bearer'; token: string } | { kind: 'pageTokens' }; proxyOrigin?: string }
  /** A folder picked with the File System Access API: read and written in place. */
  | { kind: 'directory'; handle: FileSystemDirectoryHandle }
  /** Files picked with <input webkitdirectory>: the page reads them into memory (writes stay in memory). */
  | { kind: 'files'; entries: { key: string; bytes: ArrayBuffer; lastModified: number }[] };

/** What to open in a source: a Delta table's folder, or a DuckLake catalog file (its table, and a data path given instead of its own). */
export type TableTarget =
  | { format: 'delta'; root: string }
  | { format: 'ducklake'; catalogKey: string; dataPath?: string; table?: string };

/** Where a catalog's data files are read from: its data_path as written, and the one given instead. */
export interface DataPathState {
  written: string | null;
  given?: string;
}

export interface OpenResult {
  latestVersion: number;
  /** Why the table cannot be written here (a URL is read-only; Lakelab does not write DuckLake yet). */
  readOnly?: string;
  terms: TableTerms;
  /** The write operations the Write view offers (none: it says readOnly instead). */
  writeOperations: WriteOperation[];
  /** A catalog (DuckLake): the table opened (none when the catalog has none) and its data path. */
  catalog?: { table?: string; dataPath: DataPathState };
}

/** Delta's history entry, before it becomes a TableVersion. */
export interface HistoryEntry {
  version: number;
  timestamp: number;
  commitInfo?: CommitInfo;
  /** The table after this commit (null rows: some file has no stats). */
  files?: number;
  bytes?: number;
  rows?: number | null;
}

export interface SnapshotSummary {
  version: number;
  timestamp: number;
  protocol: Protocol;
  metadata: Metadata;
  schema: StructType;
  numFiles: number;
  numRecords: number | null;
  sizeInBytes: number;
  logSegment: LogSegment;
  timeTravel?: TimeTravel;
}

export interface RowsResult {
  version: number;
  columns: string[];
  rows: Record<string, unknown>[];
  /** True when more rows exist beyond the limit. */
  truncated: boolean;
}

export interface LoadProgressMessage {
  phase: string;
  done: number;
  total?: number;
}

export interface CommitLog {
  version: number;
  /** The commit file's key in the store. */
  key: string;
  /** Each line of the JSON commit, parsed. */
  actions: Record<string, unknown>[];
}

export type WriteOperation = 'append' | 'overwrite' | 'delete' | 'update' | 'merge';

export interface WriteRequest {
  operation: WriteOperation;
  /** The version the write reads: a pinned number, or HEAD at the moment it runs. */
  readVersion: number | 'HEAD';
  /** Source files for append, overwrite and merge (CSV or Parquet). */
  sources?: { name: string; bytes: ArrayBuffer }[];
  /** Add each source row's file name as column `filename` (the seed scenario's ingest). */
  withFilename?: boolean;
  /** DELETE/UPDATE predicate, or the overwrite's replaceWhere. */
  predicate?: string;
  set?: Record<string, string>;
  merge?: MergeSpec;
  isolationLevel?: IsolationLevel;
}

export type WriteResult =
  | { status: 'planned'; readVersion: number; metrics: Record<string, unknown>; readFiles: number; readWholeTable: boolean; readPredicate?: string; samples?: { inserted: unknown[]; updated: unknown[]; deleted: unknown[] }; joinedIn?: string }
  | { status: 'committed'; version: number; readVersion: number; attempts: number; metrics: Record<string, unknown> }
  /** `advice`: what would have let it through, found by re-checking the race under every level and rule set. */
  | { status: 'conflict'; readVersion: number; message: string; conflict: Conflict; advice: string }
  | { status: 'exhausted'; readVersion: number; message: string };

/** Export the open DuckLake table to a Delta table: a folder in the catalog's source ("Tables/staging/orders"), or an address on its storage account. */
export interface ExportToDeltaRequest {
  target: string;
  readerVersion: 1 | 3;
  mode: 'incremental' | 'full';
  /** Plan only: the Delta log it would write, nothing written. */
  dryRun: boolean;
}

export interface ExportToDeltaResult {
  status: 'exported' | 'up-to-date' | 'planned' | 'conflict';
  table: string;
  readerVersion: 1 | 3;
  previousSnapshot?: number;
  commits: { version: number; snapshotId: number; actions: Record<string, unknown>[]; writtenFiles: number }[];
  dropped?: { snapshotId: number; lastSnapshot: number };
  outsideFiles: number;
  message?: string;
  /** Where the Delta table is, to open it: a folder of the catalog's source, or an address. */
  delta: { root: string } | { address: string };
}

/** Delta's file diff, before it becomes a FilesDiffSummary. */
export interface DeltaDiffSummary {
  fromVersion: number;
  toVersion: number;
  removedFiles: number;
  addedFiles: number;
  changedDeletionVectors: number;
  /** From file stats (null when a file has none). */
  rowsRemoved: number | null;
  rowsAdded: number | null;
}

export type DiffSummary = FilesDiffSummary;

export interface DiffRows {
  /** The columns of the version each side comes from (they differ across a schema change). */
  removedColumns: string[];
  addedColumns: string[];
  /** Exact, after rows rewritten unchanged cancel out. */
  removedCount: number;
  addedCount: number;
  removed: Record<string, unknown>[];
  added: Record<string, unknown>[];
}

/**
 * What the worker does, method by method, in the format-neutral model (core/table.ts): the
 * views read the same answers for a Delta table and a DuckLake catalog's table.
 */
export interface TableApi {
  open(source: SourceSpec, target: TableTarget): Promise<OpenResult>;
  /** Newest first; `limit` reads only the newest versions (fast), without it every one (with the table's growth). */
  history(options?: { limit?: number }): Promise<TableVersion[]>;
  snapshot(at: { version?: number; timestamp?: number }): Promise<TableSnapshot>;
  rows(at: { version: number; limit: number; columns?: string[] }): Promise<RowsResult>;
  files(at: { version: number; offset: number; limit: number }): Promise<TableFilesPage>;
  /** What the version's own commit did to the files. */
  versionFiles(version: number): Promise<VersionFiles>;
  /** The version's commit as written (Delta's JSON actions; DuckLake's catalog rows). */
  commit(version: number): Promise<CommitLog>;
  /** The table at a version as Arrow IPC stream bytes, with its types (for SQL). */
  arrowIpc(at: { version: number }): Promise<Uint8Array>;
  diff(at: { from: number; to: number }): Promise<DiffSummary>;
  diffRows(at: { from: number; to: number; limit: number }): Promise<DiffRows>;
  /** How the columns changed from one version to the other. */
  schemaChanges(at: { from: number; to: number }): Promise<SchemaChange[]>;
  /** The catalog's objects at a version; null for a Delta table (it is its own catalog). */
  catalog(at: { version: number }): Promise<CatalogObjects | null>;
  /** Read another table of the open catalog; answers the version to show it at (`version` when it exists there, else its last). */
  useTable(name: string, version: number): Promise<{ table: string; version: number }>;
  /** Read the open catalog's data files from another data path (undefined: its own). */
  setDataPath(dataPath: string | undefined): Promise<DataPathState>;
  /** What VACUUM and log cleanup would delete now, and the versions time travel would lose (Delta). */
  retention(request: RetentionRequest): Promise<RetentionPreview>;
  /** The files' layout at a version and what OPTIMIZE would write, by delta-rs's bin-packing (Delta). */
  layout(at: { version: number; targetSize?: number }): Promise<DeltaLayout>;
  /** The change data feed from one version to another, both included: cdc files where a commit has them, else the rows its files imply (Delta). */
  changes(at: { startVersion: number; endVersion: number; limit: number }): Promise<ChangeRows>;
  /** Export the open DuckLake table to a Delta table, one commit per snapshot (progress: snapshots done). */
  exportToDelta(request: ExportToDeltaRequest): Promise<ExportToDeltaResult>;
  /** Plan a write (files written, nothing committed) and keep it for commitPlanned. */
  planWrite(request: WriteRequest): Promise<WriteResult>;
  /** Commit the planned write, racing whatever was committed since its read. */
  commitPlanned(): Promise<WriteResult>;
  /** Drop the open table: its store (and the credential in it), snapshots and planned write. */
  close(): Promise<void>;
}

export type TableMethod = keyof TableApi;

export interface RequestMessage<M extends TableMethod = TableMethod> {
  id: number;
  method: M;
  args: Parameters<TableApi[M]>;
}

export type CancelMessage = { id: number; cancel: true };

/** The worker asks the page for a fresh storage token (the page holds the MSAL session). */
export type TokenRequestMessage = { kind: 'tokenRequest'; requestId: number };
export type TokenResponseMessage = { tokenResponse: number; token?: { token: string; expiresOnTimestamp: number }; error?: string };

export type ResponseMessage =
  | { id: number; kind: 'result'; result: unknown }
  | { id: number; kind: 'error'; error: SerializedLakeError }
  | { id: number; kind: 'progress'; progress: LoadProgressMessage };
