/**
 * The one typed protocol between the page and the table worker. Requests carry an id; the
 * worker answers each with a result or a serialised LakeError, and may send progress first.
 */
import type { SerializedLakeError } from '../core/errors.ts';
import type { CommitInfo, Metadata, Protocol } from '../core/delta/actions.ts';
import type { StructType } from '../core/delta/schemaTypes.ts';
import type { LogSegment } from '../core/delta/snapshot.ts';
import type { FilesPage } from '../core/analysis/activeFiles.ts';
import type { MergeSpec } from '../core/delta/operations/merge.ts';
import type { IsolationLevel } from '../core/delta/transaction.ts';
import type { Conflict } from '../core/delta/conflicts/conflict.ts';

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

export interface DiffSummary {
  fromVersion: number;
  toVersion: number;
  removedFiles: number;
  addedFiles: number;
  changedDeletionVectors: number;
  /** From file stats (null when a file has none). */
  rowsRemoved: number | null;
  rowsAdded: number | null;
}

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

/** What the worker does, method by method. */
export interface TableApi {
  /** `readOnly` says why the source cannot be written (a URL), so the page can say so before a write is planned. */
  open(source: SourceSpec, tableRoot: string): Promise<{ latestVersion: number; readOnly?: string }>;
  /** Newest first; `limit` reads only the newest commits (fast), without it every commit (with the growth of the table). */
  history(options?: { limit?: number }): Promise<HistoryEntry[]>;
  snapshot(at: { version?: number; timestamp?: number }): Promise<SnapshotSummary>;
  rows(at: { version: number; limit: number; columns?: string[] }): Promise<RowsResult>;
  files(at: { version: number; offset: number; limit: number }): Promise<FilesPage>;
  commit(version: number): Promise<CommitLog>;
  /** The table at a version as Arrow IPC stream bytes, with its Delta types (for SQL). */
  arrowIpc(at: { version: number }): Promise<Uint8Array>;
  diff(at: { from: number; to: number }): Promise<DiffSummary>;
  diffRows(at: { from: number; to: number; limit: number }): Promise<DiffRows>;
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
