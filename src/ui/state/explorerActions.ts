/**
 * The explorer's actions: they call the table worker and write the store. Each panel's data
 * loads on its own, so one failing panel leaves the others working.
 */
import { toLakeError } from '../../core/errors.ts';
import type { TableApi, TableMethod } from '../../workers/protocol.ts';
import type { ExplorerState, ExplorerStore, ExplorerView, Loadable, OpenTable, SampleEntry } from './explorerStore.ts';
import { createWriteActions } from './writeActions.ts';
import { createDiffActions } from './diffActions.ts';
import { createSqlActions, type SqlEngineLoader } from './sqlActions.ts';
import { toLostWritesNotice, toMissingVersionNotice } from './linkNotices.ts';
import { createLinkActions } from './linkActions.ts';
import { createForgetActions } from './forgetActions.ts';
import { createCatalogActions } from './catalogActions.ts';
import { createInsightActions } from './insightActions.ts';
import { createExportActions } from './exportActions.ts';

/** The worker as the actions see it (TableWorkerClient in the page, a direct session in tests). */
export interface TableCaller {
  /** Storage tokens for Azure sources signed in with Entra ID (renewed silently by MSAL in the page). */
  setTokenProvider?(provider: (() => Promise<{ token: string; expiresOnTimestamp: number }>) | undefined): void;
  call<M extends TableMethod>(method: M, args: Parameters<TableApi[M]>, options?: {
    signal?: AbortSignal;
    onProgress?: (p: { phase: string; done: number; total?: number }) => void;
  }): ReturnType<TableApi[M]>;
}

export const previewRowLimit = 500;

/** What a table's views hold, emptied when another table (or a catalog's other table) opens. */
const tableViewsReset: Partial<ExplorerState> = {
  snapshot: { status: 'idle' },
  rows: { status: 'idle' },
  files: { status: 'idle' },
  versionFiles: { status: 'idle' },
  commitLog: { status: 'idle' },
  write: { status: 'idle' },
  diff: { status: 'idle' },
  diffRows: { status: 'idle' },
  schemaCompare: { status: 'idle' },
  deltaExport: { status: 'idle' },
  insights: { retention: { status: 'idle' }, layout: { status: 'idle' }, changes: { status: 'idle' } },
};
export const firstHistoryPage = 200;

function failed<T>(error: unknown): Loadable<T> {
  const lakeError = toLakeError(error);
  return { status: 'error', code: lakeError.code, message: lakeError.message };
}

export function createExplorerActions(store: ExplorerStore, worker: TableCaller, fetchJson: (url: string) => Promise<unknown>, sqlEngine?: SqlEngineLoader) {
  let openController: AbortController | undefined;

  async function loadSamples(): Promise<SampleEntry[]> {
    store.setState({ samples: { status: 'loading' } });
    try {
      const samples = (await fetchJson('samples/samples.json')) as SampleEntry[];
      store.setState({ samples: { status: 'ready', value: samples } });
      return samples;
    } catch (error) {
      store.setState({ samples: failed(error) });
      return [];
    }
  }

  /**
   * Open a table at `version` (the latest when undefined). A version the table does not have
   * (a stale link) is said once, in the notice, and the latest is shown; `writesLost` says the
   * link came from a page that wrote to this sample in its memory.
   */
  async function openTable(table: OpenTable, version?: number, options: { writesLost?: boolean } = {}): Promise<void> {
    openController?.abort();
    const controller = new AbortController();
    openController = controller;
    store.setState({
      table,
      notice: undefined,
      readOnly: undefined,
      catalog: undefined,
      latestVersion: { status: 'loading' },
      ...tableViewsReset,
      history: { status: 'loading' },
      selectedVersion: undefined,
    });
    try {
      const opened = await worker.call('open', [table.spec, table.target], {
        signal: controller.signal,
        onProgress: (progress) => !controller.signal.aborted && store.setState({ latestVersion: { status: 'loading', progress } }),
      });
      if (controller.signal.aborted) return;
      const { latestVersion, readOnly, terms, writeOperations } = opened;
      // A catalog says which of its tables it opened: the link keeps it.
      const chosen = opened.catalog?.table;
      const shown = chosen !== undefined && table.target.format === 'ducklake'
        ? { ...table, target: { ...table.target, table: chosen }, link: { ...table.link, table: chosen } }
        : table;
      store.setState({
        table: shown,
        latestVersion: { status: 'ready', value: latestVersion },
        readOnly,
        terms,
        writeOperations,
        catalog: opened.catalog ? { objects: { status: 'idle' }, dataPath: opened.catalog.dataPath } : undefined,
      });
      void loadHistory(controller.signal);
      const missing = version === undefined ? undefined : await checkVersion(version);
      if (controller.signal.aborted) return;
      if (options.writesLost) store.setState({ notice: toLostWritesNotice(table.label, latestVersion, missing ? version : undefined) });
      else if (missing) store.setState({ notice: toMissingVersionNotice(missing, latestVersion, terms) });
      await selectVersion(missing ? latestVersion : version ?? latestVersion);
    } catch (error) {
      if (controller.signal.aborted) return;
      store.setState({ latestVersion: failed(error), history: failed(error) });
    }
  }

  /** Why the open table has no `version`, or undefined when it has (its snapshot is then cached in the worker). */
  async function checkVersion(version: number): Promise<string | undefined> {
    try {
      await worker.call('snapshot', [{ version }]);
      return undefined;
    } catch (error) {
      const problem = toLakeError(error);
      if (problem.code === 'NotFound') return problem.message;
      return undefined; // another failure: the panels show it for the version asked for
    }
  }

  async function loadHistory(signal: AbortSignal): Promise<void> {
    try {
      // The newest commits first, at once; then every commit, with the table's growth.
      const newest = await worker.call('history', [{ limit: firstHistoryPage }], { signal });
      if (signal.aborted) return;
      store.setState({ history: { status: 'ready', value: newest } });
      const history = await worker.call('history', [{}], {
        signal,
        onProgress: (progress) => !signal.aborted && store.setState({ historyProgress: progress }),
      });
      if (!signal.aborted) store.setState({ history: { status: 'ready', value: history }, historyProgress: undefined });
    } catch (error) {
      if (!signal.aborted) store.setState({ history: failed(error) });
    }
  }

  async function selectVersion(version: number): Promise<void> {
    const table = store.getState().table;
    store.setState({ selectedVersion: version, snapshot: { status: 'loading' }, rows: { status: 'loading' } });
    const isCurrent = () => store.getState().selectedVersion === version && store.getState().table === table;
    void catalogs.loadCatalogObjects(version);
    try {
      const snapshot = await worker.call('snapshot', [{ version }], {
        onProgress: (progress) => isCurrent() && store.setState({ snapshot: { status: 'loading', progress } }),
      });
      if (!isCurrent()) return;
      store.setState({ snapshot: { status: 'ready', value: snapshot } });
    } catch (error) {
      // Said once, by the snapshot: the rows cannot load without it.
      if (isCurrent()) store.setState({ snapshot: failed(error), rows: { status: 'idle' } });
      return;
    }
    try {
      const rows = await worker.call('rows', [{ version, limit: previewRowLimit }]);
      if (isCurrent()) store.setState({ rows: { status: 'ready', value: rows } });
    } catch (error) {
      if (isCurrent()) store.setState({ rows: failed(error) });
    }
  }

  /** Loads `key` for the selected version, unless it already holds that version's; a stale answer (another version or table since) is dropped. */
  async function loadForVersion<K extends 'files' | 'versionFiles' | 'commitLog'>(key: K, version: number, load: () => Promise<ExplorerState[K] extends Loadable<infer T> ? T : never>): Promise<void> {
    const table = store.getState().table;
    const current = store.getState()[key] as Loadable<{ version: number }>;
    if (key !== 'commitLog' && current.status === 'ready' && current.value.version === version) return;
    store.setState({ [key]: { status: 'loading' } } as Partial<ExplorerState>);
    const isCurrent = () => store.getState().selectedVersion === version && store.getState().table === table;
    try {
      const value = await load();
      if (isCurrent()) store.setState({ [key]: { status: 'ready', value } } as Partial<ExplorerState>);
    } catch (error) {
      if (isCurrent()) store.setState({ [key]: failed(error) } as Partial<ExplorerState>);
    }
  }

  const loadFiles = (version: number, limit = 100_000) => loadForVersion('files', version, () => worker.call('files', [{ version, offset: 0, limit }]));
  const loadVersionFiles = (version: number) => loadForVersion('versionFiles', version, () => worker.call('versionFiles', [version]));
  const loadCommitLog = (version: number) => loadForVersion('commitLog', version, () => worker.call('commit', [version]));

  /** The schema changes between the selected version and `version`, from the older to the newer. */
  async function compareSchemaWith(version: number): Promise<void> {
    const selected = store.getState().selectedVersion ?? version;
    const [from, to] = version <= selected ? [version, selected] : [selected, version];
    store.setState({ schemaCompare: { status: 'loading' } });
    try {
      store.setState({ schemaCompare: { status: 'ready', value: { from, to, changes: await worker.call('schemaChanges', [{ from, to }]) } } });
    } catch (error) {
      store.setState({ schemaCompare: failed(error) });
    }
  }

  function useTokenProvider(provider: (() => Promise<{ token: string; expiresOnTimestamp: number }>) | undefined): void {
    worker.setTokenProvider?.(provider);
  }

  function showView(view: ExplorerView): void {
    store.setState({ view });
  }

  /** After a commit: the history grows and the new version is shown. A sample's link then says its writes live in memory only. */
  async function showCommitted(version: number): Promise<void> {
    const table = store.getState().table;
    if (table?.spec.kind === 'sample' && !table.link.unsaved) store.setState({ table: { ...table, link: { ...table.link, unsaved: true } } });
    store.setState({ latestVersion: { status: 'ready', value: version }, files: { status: 'idle' }, versionFiles: { status: 'idle' } });
    const controller = new AbortController();
    await loadHistory(controller.signal);
    await selectVersion(version);
  }

  const writes = createWriteActions(store, worker, showCommitted);

  function cancelOpen(): void {
    openController?.abort();
    const cancelled = { status: 'error' as const, code: 'Aborted', message: 'Cancelled: pick the table again to reload it.' };
    const state = store.getState();
    store.setState({
      latestVersion: state.latestVersion.status === 'loading' ? cancelled : state.latestVersion,
      history: state.history.status === 'loading' ? cancelled : state.history,
    });
  }

  const catalogs = createCatalogActions(store, worker, {
    failed,
    restart: async (version) => {
      openController?.abort();
      const controller = new AbortController();
      openController = controller;
      store.setState({ ...tableViewsReset, history: { status: 'loading' }, selectedVersion: undefined });
      void loadHistory(controller.signal);
      await selectVersion(version);
    },
    reselect: (version) => selectVersion(version),
  });

  const sql = createSqlActions(store, worker, sqlEngine);
  let sqlWarming = false;
  store.subscribe((state, previous) => {
    // Another table (or a catalog's other table, or its data read from elsewhere): the results are gone with it.
    if (state.table?.spec !== previous.table?.spec || state.table?.target !== previous.table?.target) sql.forgetTable();
    else if (state.selectedVersion !== previous.selectedVersion && state.selectedVersion !== undefined) sql.followVersion();
    // Once the first rows show and the page is idle, duckdb-wasm starts in its own worker, so the
    // first query does not wait seconds for it; not before, so that it does not slow the first
    // rows (browsers only: Node has no idle callback, and its tests start engines themselves).
    if (!sqlWarming && state.rows.status === 'ready' && typeof requestIdleCallback === 'function') {
      sqlWarming = true;
      requestIdleCallback(() => void sql.warmUpSql().catch(() => undefined), { timeout: 300 });
    }
  });

  const insights = createInsightActions(store, worker);
  /** Select the version a time finds, as `lakelab --timestamp` does. */
  const timeTravelTo = (text: string) => insights.timeTravelTo(text, selectVersion);

  return {
    loadSamples, openTable, selectVersion, loadFiles, loadVersionFiles, loadCommitLog, compareSchemaWith, useTokenProvider, showView, cancelOpen,
    ...writes, ...catalogs, ...createDiffActions(store, worker), ...sql, ...createLinkActions(store, { loadSamples, openTable, timeTravelTo }),
    ...createForgetActions(store, worker), ...insights, timeTravelTo, ...createExportActions(store, worker, openTable),
  };
}

export type ExplorerActions = ReturnType<typeof createExplorerActions>;
