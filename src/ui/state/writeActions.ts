/**
 * The Write panel's actions: plan a write (preview), commit it, and after a lost race
 * recompute it against the table as it is now and retry.
 */
import { toLakeError } from '../../core/errors.ts';
import type { WriteRequest } from '../../workers/protocol.ts';
import type { ExplorerStore } from './explorerStore.ts';
import type { TableCaller } from './explorerActions.ts';

export function createWriteActions(store: ExplorerStore, worker: TableCaller, afterCommit: (version: number) => Promise<void>) {
  const fail = (error: unknown) => {
    const e = toLakeError(error);
    store.setState({ write: { status: 'error', code: e.code, message: e.message } });
  };

  async function previewWrite(request: WriteRequest): Promise<void> {
    store.setState({ write: { status: 'loading' }, lastWrite: request });
    try {
      store.setState({ write: { status: 'ready', value: await worker.call('planWrite', [request]) } });
    } catch (error) {
      fail(error);
    }
  }

  async function commitWrite(): Promise<void> {
    store.setState({ write: { status: 'loading' } });
    try {
      const result = await worker.call('commitPlanned', []);
      store.setState({ write: { status: 'ready', value: result } });
      if (result.status === 'committed') await afterCommit(result.version);
    } catch (error) {
      fail(error);
    }
  }

  /** Recompute the last write against HEAD and commit it: the remedy for a lost race. */
  async function recomputeAndRetry(): Promise<void> {
    const request = store.getState().lastWrite;
    if (!request) return;
    await previewWrite({ ...request, readVersion: 'HEAD' });
    if (store.getState().write.status === 'ready') await commitWrite();
  }

  return { previewWrite, commitWrite, recomputeAndRetry };
}

export type WriteActions = ReturnType<typeof createWriteActions>;
