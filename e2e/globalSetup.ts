/**
 * Before the journeys: a real Azure Blob server (Azurite, CORS open) holding a fixture table in a
 * lakehouse-shaped folder, and a SAS for it, and an empty container for live races with a SAS
 * that writes, written where the journeys find them.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startAzurite } from '../test/support/azurite.ts';

export const azuriteInfoPath = join(import.meta.dirname, '..', 'test-results', 'azurite.json');

export default async function globalSetup(): Promise<() => Promise<void>> {
  const azurite = await startAzurite();
  const container = azurite.service.getContainerClient('workspace');
  await container.create();
  const fixture = join(import.meta.dirname, '..', 'test', 'fixtures', 'delta', 'delta-rs', 'simple_table_with_checkpoint');
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  for (const file of walk(fixture)) {
    const bytes = readFileSync(file);
    await container.getBlockBlobClient(`Lake.Lakehouse/Tables/simple/${relative(fixture, file)}`).uploadData(bytes);
  }
  await container.getBlockBlobClient('Lake.Lakehouse/Files/metadata.ducklake').uploadData(Buffer.from('catalog'));
  // An empty container the simulator's live writers race in (read, add, create, write, delete, list).
  await azurite.service.getContainerClient('races').create();
  mkdirSync(join(azuriteInfoPath, '..'), { recursive: true });
  writeFileSync(azuriteInfoPath, JSON.stringify({ accountUrl: azurite.accountUrl, sas: azurite.sasFor('workspace', 'rl'), racesSas: azurite.sasFor('races', 'racwdl') }));
  return () => azurite.stop();
}
