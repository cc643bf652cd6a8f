/**
 * The explorer's store and actions over a real table session (the worker's code, called
 * directly in Node), for tests of what the store holds after each user step.
 */
import { createExplorerStore, type ExplorerState, type SampleEntry } from '../../src/ui/state/explorerStore.ts';
import { createExplorerActions, type TableCaller } from '../../src/ui/state/explorerActions.ts';
import { TableSession } from '../../src/workers/tableSession.ts';
import { parquetCodec } from '../../src/query/parquetRows.ts';
import type { ObjectStore } from '../../src/core/objectStore.ts';
import type { SourceSpec, TableMethod } from '../../src/workers/protocol.ts';

export interface HarnessOptions {
  samples?: SampleEntry[];
  /** The samples list as the page fetches it (default: `samples`, at once). */
  fetchSamples?: () => Promise<SampleEntry[]>;
  /** Every call the actions make to the worker, by method. */
  calls?: TableMethod[];
  sql?: Parameters<typeof createExplorerActions>[3];
}

export function explorerOver(store: ObjectStore | ((source: SourceSpec) => ObjectStore), options: HarnessOptions = {}) {
  const session = new TableSession({ openStore: async (source) => (typeof store === 'function' ? store(source) : store), codec: parquetCodec });
  const caller: TableCaller = {
    call(method, args, callOptions) {
      options.calls?.push(method);
      const fn = (session as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!;
      return fn.call(session, ...args, { signal: callOptions?.signal, onProgress: callOptions?.onProgress }) as never;
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
