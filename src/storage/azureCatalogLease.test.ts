/** The catalog lease protocol against a real Azure Blob server (Azurite). */
import { afterAll, beforeAll } from 'vitest';
import { startAzurite, azuriteAccount, azuriteKey, type Azurite } from '../../test/support/azurite.ts';
import { describeCatalogLeaseProtocol } from './catalogLeaseSuite.ts';
import { describeCatalogLeaseFaults } from './catalogLeaseFaultSuite.ts';
import { openAzureStore } from './azureStore.ts';
import { parseAzureAddress } from './azureAddress.ts';

let azurite: Azurite;
let counter = 0;

beforeAll(async () => {
  azurite = await startAzurite();
}, 120_000);
afterAll(async () => azurite?.stop());

async function openContainer() {
  const container = `lease${Date.now()}${counter++}`;
  await azurite.service.getContainerClient(container).create();
  return openAzureStore(parseAzureAddress(`${azurite.accountUrl}/${container}/lakehouse`), { kind: 'sharedKey', accountName: azuriteAccount, accountKey: azuriteKey });
}

describeCatalogLeaseProtocol('Azurite', openContainer);
describeCatalogLeaseFaults('Azurite', openContainer);
