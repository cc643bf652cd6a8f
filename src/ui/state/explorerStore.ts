/**
 * The explorer's state, framework-free (a zustand vanilla store): components read it through
 * selectors, and the actions in explorerActions.ts are the only writers.
 */
import { createStore } from 'zustand/vanilla';
import type {
  CatalogObjects, CommitLog, DataPathState, DiffRows, DiffSummary, LoadProgressMessage, RowsResult, SchemaChange, SourceSpec, TableFilesPage, TableSnapshot,
  TableTarget, TableTerms, TableVersion, VersionFiles, WriteOperation, WriteRequest, WriteResult,
} from '../../workers/protocol.ts';
import { deltaTerms } from '../../core/delta/toTableModel.ts';

export interface SampleEntry {
  name: string;
  path: string;
  description: string;
  /** A DuckLake catalog rather than a Delta table (absent: Delta). */
  format?: 'delta' | 'ducklake';
  /** The catalog file, relative to the sample's folder. */
  catalog?: string;
  /** The data path the sample's catalog is read with, instead of the one it names (a catalog written for OneLake). */
  dataPath?: string;
}

/** A value that loads: what a panel shows while waiting, on success, and on failure. */
export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading'; progress?: LoadProgressMessage }
  | { status: 'ready'; value: T }
  | { status: 'error'; code: string; message: string };

export interface OpenTable {
  /** What the user sees: the sample's name, the URL or the folder's name. */
  label: string;
  /** How to find it again (in the page's URL): the source, a catalog's table and a data path given for it. */
  link: { sample?: string; url?: string; unsaved?: boolean; table?: string; data?: string };
  spec: SourceSpec;
  /** What to open in the source: a Delta table's folder, or a catalog file and its table. */
  target: TableTarget;
}

/** What happened to the page's link, said once: an unknown sample, a missing version, writes lost with a reload. */
export interface Notice {
  level: 'error' | 'warning';
  message: string;
}

export interface ExplorerState {
  samples: Loadable<SampleEntry[]>;
  notice?: Notice;
  table?: OpenTable;
  /** Why the open table cannot be written (a URL is read-only), known when it opens: the Write tab says so before any preview. */
  readOnly?: string;
  latestVersion: Loadable<number>;
  /** How the open table's format names things, for the views' words. */
  terms: TableTerms;
  /** The write operations the Write view offers for the open table (none: it says why, in readOnly). */
  writeOperations: WriteOperation[];
  /** Set when the open source is a catalog of tables (DuckLake): its objects at the selected version, and where data files are read. */
  catalog?: { objects: Loadable<CatalogObjects | null>; dataPath: DataPathState };
  history: Loadable<TableVersion[]>;
  /** Set while the full history (beyond the first page) is still being read. */
  historyProgress?: LoadProgressMessage;
  selectedVersion?: number;
  snapshot: Loadable<TableSnapshot>;
  rows: Loadable<RowsResult>;
  files: Loadable<TableFilesPage>;
  /** What the selected version's own commit did to the files. */
  versionFiles: Loadable<VersionFiles>;
  commitLog: Loadable<CommitLog>;
  view: ExplorerView;
  write: Loadable<WriteResult>;
  diff: Loadable<DiffSummary>;
  diffRows: Loadable<DiffRows>;
  sql: import('./sqlActions.ts').SqlState;
  /** The Maintenance view's previews (retention, layout) and the change feed. */
  insights: import('./insightActions.ts').InsightState;
  /** How the columns changed between the selected version and another, older to newer. */
  schemaCompare: Loadable<{ from: number; to: number; changes: SchemaChange[] }>;
  /** Export to Delta of a DuckLake table: the log previewed, or the export's outcome (progress while it runs). */
  deltaExport: Loadable<import('../../workers/protocol.ts').ExportToDeltaResult>;
  /** The request behind `write`, for "recompute and retry". */
  lastWrite?: WriteRequest;
}

export type ExplorerView = 'data' | 'schema' | 'files' | 'diff' | 'log' | 'protocol' | 'maintenance' | 'write';

export const initialExplorerState: ExplorerState = {
  samples: { status: 'idle' },
  latestVersion: { status: 'idle' },
  terms: deltaTerms,
  writeOperations: [],
  history: { status: 'idle' },
  snapshot: { status: 'idle' },
  rows: { status: 'idle' },
  files: { status: 'idle' },
  versionFiles: { status: 'idle' },
  commitLog: { status: 'idle' },
  view: 'data',
  write: { status: 'idle' },
  diff: { status: 'idle' },
  diffRows: { status: 'idle' },
  sql: { status: 'idle' },
  insights: { retention: { status: 'idle' }, layout: { status: 'idle' }, changes: { status: 'idle' } },
  schemaCompare: { status: 'idle' },
  deltaExport: { status: 'idle' },
};

export type ExplorerStore = ReturnType<typeof createExplorerStore>;

export function createExplorerStore(initial: ExplorerState = initialExplorerState) {
  return createStore<ExplorerState>()(() => initial);
}
