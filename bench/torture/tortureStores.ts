/** The three stores a torture run writes to: memory, a local folder (with real lakelab processes), Azurite. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore } from '../../src/storage/memoryStore.ts';
import { NodeFsStore } from '../../src/storage/nodeFsStore.ts';
import { openAzureStore } from '../../src/storage/azureStore.ts';
import { azuriteAccount, azuriteKey, startAzurite } from '../../test/support/azurite.ts';
import { containerTable, folderTable, memoryTable } from './rawTable.ts';
import { defaultRates, runTorture, type TortureOptions, type TortureResult } from './tortureRun.ts';

export type StoreName = 'memory' | 'node' | 'azurite';

export interface Sizes {
  operations: number;
  seconds: number;
  writers: number;
  /** lakelab processes beside the in-process writers (the folder run only). */
  processes: number;
}

export async function tortureStore(name: StoreName, seed: number, sizes: Sizes): Promise<TortureResult> {
  const base: Omit<TortureOptions, 'name'> = { seed, operations: sizes.operations, seconds: sizes.seconds, writers: sizes.writers, rates: defaultRates };
  if (name === 'memory') {
    const store = new MemoryStore();
    return runTorture(store, memoryTable(store), { ...base, name: 'memory store', lag: { share: 0.3, maxMs: 200 } });
  }
  if (name === 'node') {
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-torture-'));
    try {
      const cli = sizes.processes > 0 ? { folder: dir, processes: sizes.processes, killRate: 0.35, maxKillMs: 2500 } : undefined;
      return await runTorture(new NodeFsStore(dir), folderTable(dir), { ...base, name: `local folder (${sizes.processes} lakelab processes, kill -9)`, cli });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const azurite = await startAzurite({ containers: ['torture'] });
  try {
    const path = `t-${seed}`;
    const store = await openAzureStore({ kind: 'blob', accountUrl: azurite.accountUrl, container: 'torture', path }, { kind: 'sharedKey', accountName: azuriteAccount, accountKey: azuriteKey });
    return await runTorture(store, containerTable(azurite.service.getContainerClient('torture'), `${path}/`), { ...base, name: 'Azurite (Azure Blob)' });
  } finally {
    await azurite.stop();
  }
}
