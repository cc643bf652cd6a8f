/**
 * Forget, against a real table session (the worker's code, called directly): after it, neither
 * the page's state nor the worker holds the Azure table, its credential or a token source.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExplorerStore } from './explorerStore.ts';
import { createExplorerActions, type TableCaller } from './explorerActions.ts';
import { TableSession } from '../../workers/tableSession.ts';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import type { OpenTable } from './explorerStore.ts';

const fixture = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'delta', 'delta-rs', 'simple_table');
const sas = 'sv=2025-01-05&sp=rl&sig=a-known-secret-signature%3D';

function explorer() {
  const session = new TableSession({ openStore: async () => new NodeFsStore(fixture), codec: parquetCodec });
  let provider: unknown;
  const caller: TableCaller = {
    setTokenProvider: (p) => (provider = p),
    call(method, args, options) {
      const fn = (session as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!;
      return fn.call(session, ...args, { signal: options?.signal, onProgress: options?.onProgress }) as never;
    },
  };
  const state = createExplorerStore();
  return { state, session, actions: createExplorerActions(state, caller, async () => []), provider: () => provider };
}

const azure: OpenTable = { label: 'workspace/t', link: {}, spec: { kind: 'azure', address: 'http://127.0.0.1:10000/devstoreaccount1/workspace/t', credential: { kind: 'sas', token: sas } }, target: { format: 'delta' as const, root: '' } };

describe('forgetting Azure credentials', () => {
  it('closes the open Azure table in the worker and the page, and stops token borrowing', async () => {
    const { state, session, actions, provider } = explorer();
    actions.useTokenProvider(async () => ({ token: 'jwt', expiresOnTimestamp: 0 }));
    await actions.openTable(azure);
    await new Promise((r) => setTimeout(r, 200));
    expect(JSON.stringify(state.getState())).toContain('a-known-secret-signature');
    await actions.forgetAzureCredentials();
    expect(JSON.stringify(state.getState())).not.toContain('a-known-secret-signature');
    expect(state.getState().table).toBeUndefined();
    expect(provider()).toBeUndefined();
    await expect(session.history()).rejects.toMatchObject({ message: 'no table is open' });
  });

  it('leaves a table that is not on Azure open', async () => {
    const { state, actions } = explorer();
    await actions.openTable({ label: 'simple_table', link: {}, spec: { kind: 'sample', url: 'unused' }, target: { format: 'delta' as const, root: '' } });
    await actions.forgetAzureCredentials();
    expect(state.getState().table?.label).toBe('simple_table');
  });
});
