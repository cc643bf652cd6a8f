/** The Diff view's actions: counts first, rows on demand. */
import { toLakeError } from '../../core/errors.ts';
import type { ExplorerStore } from './explorerStore.ts';
import type { TableCaller } from './explorerActions.ts';

export const diffRowLimit = 1000;

export function createDiffActions(store: ExplorerStore, worker: TableCaller) {
  const failed = (error: unknown) => {
    const e = toLakeError(error);
    return { status: 'error' as const, code: e.code, message: e.message };
  };

  async function compareVersions(from: number, to: number): Promise<void> {
    store.setState({ diff: { status: 'loading' }, diffRows: { status: 'idle' } });
    try {
      store.setState({ diff: { status: 'ready', value: await worker.call('diff', [{ from, to }]) } });
    } catch (error) {
      store.setState({ diff: failed(error) });
    }
  }

  async function loadDiffRows(from: number, to: number): Promise<void> {
    store.setState({ diffRows: { status: 'loading' } });
    try {
      store.setState({ diffRows: { status: 'ready', value: await worker.call('diffRows', [{ from, to, limit: diffRowLimit }]) } });
    } catch (error) {
      store.setState({ diffRows: failed(error) });
    }
  }

  return { compareVersions, loadDiffRows };
}
