/**
 * The one typed protocol between the page and the table worker. Requests carry an id; the
 * worker answers each with a result or a serialised LakeError, and may send progress first.
 */
import type { SerializedLakeError } from '../core/errors.ts';
import type { CommitInfo, Metadata, Protocol } from '../core/delta/actions.ts';
import type { StructType } from '../core/delta/schemaTypes.ts';
import type { LogSegment } from '../core/delta/snapshot.ts';
import type { FilesPage } from '../core/analysis/activeFiles.ts';

export type { FileRow, FilesPage } from '../core/analysis/activeFiles.ts';

export type SourceSpec =
  /** A table served over HTTP (the built-in samples, or any URL with a listing index). */
  | { kind: 'http'; url: string }
  /** Files picked with <input webkitdirectory> or dropped: the page reads them into memory. */
  | { kind: 'files'; entries: { key: string; bytes: ArrayBuffer; lastModified: number }[] };

export interface HistoryEntry {
  version: number;
  timestamp: number;
  commitInfo?: CommitInfo;
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

/** What the worker does, method by method. */
export interface TableApi {
  open(source: SourceSpec, tableRoot: string): Promise<{ latestVersion: number }>;
  history(): Promise<HistoryEntry[]>;
  snapshot(at: { version?: number; timestamp?: number }): Promise<SnapshotSummary>;
  rows(at: { version: number; limit: number; columns?: string[] }): Promise<RowsResult>;
  files(at: { version: number; offset: number; limit: number }): Promise<FilesPage>;
  commit(version: number): Promise<CommitLog>;
}

export type TableMethod = keyof TableApi;

export interface RequestMessage<M extends TableMethod = TableMethod> {
  id: number;
  method: M;
  args: Parameters<TableApi[M]>;
}

export type CancelMessage = { id: number; cancel: true };

export type ResponseMessage =
  | { id: number; kind: 'result'; result: unknown }
  | { id: number; kind: 'error'; error: SerializedLakeError }
  | { id: number; kind: 'progress'; progress: LoadProgressMessage };
