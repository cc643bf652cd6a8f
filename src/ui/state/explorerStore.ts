/**
 * The explorer's state, framework-free (a zustand vanilla store): components read it through
 * selectors, and the actions in explorerActions.ts are the only writers.
 */
import { createStore } from 'zustand/vanilla';
import type {
  CommitLog, DiffRows, DiffSummary, FilesPage, HistoryEntry, LoadProgressMessage, RowsResult, SnapshotSummary, SourceSpec, WriteRequest, WriteResult,
} from '../../workers/protocol.ts';

export interface SampleEntry {
  name: string;
  path: string;
  description: string;
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
  /** How to find it again (in the page's URL). */
  link: { sample?: string; url?: string; unsaved?: boolean };
  spec: SourceSpec;
  tableRoot: string;
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
  history: Loadable<HistoryEntry[]>;
  /** Set while the full history (beyond the first page) is still being read. */
  historyProgress?: LoadProgressMessage;
  selectedVersion?: number;
  snapshot: Loadable<SnapshotSummary>;
  rows: Loadable<RowsResult>;
  files: Loadable<FilesPage>;
  commitLog: Loadable<CommitLog>;
  view: ExplorerView;
  write: Loadable<WriteResult>;
  diff: Loadable<DiffSummary>;
  diffRows: Loadable<DiffRows>;
  sql: import('./sqlActions.ts').SqlState;
  /** The schema of another version, to compare the selected one with. */
  schemaCompare: Loadable<SnapshotSummary>;
  /** The request behind `write`, for "recompute and retry". */
  lastWrite?: WriteRequest;
}

export type ExplorerView = 'data' | 'schema' | 'files' | 'diff' | 'log' | 'protocol' | 'write';

export const initialExplorerState: ExplorerState = {
  samples: { status: 'idle' },
  latestVersion: { status: 'idle' },
  history: { status: 'idle' },
  snapshot: { status: 'idle' },
  rows: { status: 'idle' },
  files: { status: 'idle' },
  commitLog: { status: 'idle' },
  view: 'data',
  write: { status: 'idle' },
  diff: { status: 'idle' },
  diffRows: { status: 'idle' },
  sql: { status: 'idle' },
  schemaCompare: { status: 'idle' },
};

export type ExplorerStore = ReturnType<typeof createExplorerStore>;

export function createExplorerStore(initial: ExplorerState = initialExplorerState) {
  return createStore<ExplorerState>()(() => initial);
}
