/**
 * "Forget": the page drops every credential it holds for Azure storage. The open table, when
 * it is an Azure one, is closed in the worker (its store holds the SAS or token) and in the
 * page's state (its source spec holds it too); the worker can no longer borrow MSAL tokens.
 */
import type { TableCaller } from './explorerActions.ts';
import { initialExplorerState, type ExplorerStore } from './explorerStore.ts';

export function createForgetActions(store: ExplorerStore, worker: TableCaller) {
  async function forgetAzureCredentials(): Promise<void> {
    worker.setTokenProvider?.(undefined);
    if (store.getState().table?.spec.kind !== 'azure') return;
    await worker.call('close', []);
    store.setState({ ...initialExplorerState, samples: store.getState().samples, table: undefined }, true);
  }
  return { forgetAzureCredentials };
}
