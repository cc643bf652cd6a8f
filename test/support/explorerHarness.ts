/**
 * The explorer's store and actions over a real table session (the worker's code, called
 * directly in Node: Delta tables and DuckLake catalogs alike), for tests of what the store
 * holds after each user step.
 */
import { createExplorerStore, type ExplorerState, type SampleEntry } from '../../src/ui/state/explorerStore.ts';
import { createExplorerActions, type TableCaller } from '../../src/ui/state/explorerActions.ts';
import { ExplorerSession } from '../../src/workers/explorerSession.ts';
import { openNodeSqlEngine } from '../../src/query/duckdbNode.ts';
import { parquetCodec } from '../../src/query/parquetRows.ts';
import type { ObjectStore } from '../../src/core/objectStore.ts';
import type { SourceSpec, TableMethod, TableTarget } from '../../src/workers/protocol.ts';

export interface HarnessOptions {
  samples?: SampleEntry[];
  /** The samples list as the page fetches it (default: `samples`, at once). */
  fetchSamples?: () => Promise<SampleEntry[]>;
  /** Every call the actions make to the worker, by method. */
  calls?: TableMethod[];
  sql?: Parameters<typeof createExplorerActions>[3];
}

export function explorerOver(store: ObjectStore | ((source: SourceSpec) => ObjectStore), options: HarnessOptions = {}) {
  const session = new ExplorerSession({ openStore: async (source) => (typeof store === 'function' ? store(source) : store), codec: parquetCodec, openEngine: openNodeSqlEngine });
  const caller: TableCaller = {
    call(method, args, callOptions) {
      options.calls?.push(method);
      const context = { signal: callOptions?.signal, onProgress: callOptions?.onProgress };
      if (method === 'open') return session.open(...(args as [SourceSpec, TableTarget]), context) as never;
      if (method === 'close') return session.close() as never;
      return session.call(method as Exclude<TableMethod, 'open' | 'close'>, args as never, context) as never;
    },
  };
  const state = createExplorerStore();
  const actions = createExplorerActions(state, caller, options.fetchSamples ?? (async () => options.samples ?? []), options.sql);
  return { state, actions, get: (): ExplorerState => state.getState() };
}

export function ready<T>(value: { status: string; value?: T }): T {
  if (value.status !== 'ready') throw new Error(`not ready: ${JSON.stringify(value)}`);
  return value.value as T;
}
