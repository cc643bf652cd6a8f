/** Azurite in a Vitest file (azurite.ts stays free of Vitest: Playwright's global setup and the torture bench use it too). */
import { afterAll, beforeAll } from 'vitest';
import { openAzureStore } from '../../src/storage/azureStore.ts';
import { parseAzureAddress } from '../../src/storage/azureAddress.ts';
import { startAzurite, azuriteAccount, azuriteKey, type Azurite } from './azurite.ts';

/**
 * Azurite for one test file: started before its tests and stopped after them, with a fresh
 * container per call (named `<prefix><time><n>`) and a store on a folder in one.
 */
export function useAzurite(prefix: string) {
  let azurite: Azurite | undefined;
  let counter = 0;
  beforeAll(async () => {
    azurite = await startAzurite();
  }, 120_000);
  afterAll(async () => azurite?.stop());
  const running = (): Azurite => {
    if (!azurite) throw new Error('Azurite has not started (useAzurite runs it in beforeAll)');
    return azurite;
  };
  const newContainer = async (): Promise<string> => {
    const name = `${prefix}${Date.now()}${counter++}`;
    await running().service.getContainerClient(name).create();
    return name;
  };
  const openFolder = (container: string, folder: string) =>
    openAzureStore(parseAzureAddress(`${running().accountUrl}/${container}/${folder}`), { kind: 'sharedKey', accountName: azuriteAccount, accountKey: azuriteKey });
  return {
    get azurite(): Azurite { return running(); },
    newContainer,
    openFolder,
    /** A store on `folder` of a fresh container. */
    openFresh: async (folder: string) => openFolder(await newContainer(), folder),
  };
}
