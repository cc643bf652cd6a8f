/**
 * Before the journeys: a real Azure Blob server (Azurite, CORS open) holding a fixture table in a
 * lakehouse-shaped folder, and a SAS for it; the seed pipeline's DuckLake catalog in two
 * lakehouses laid out as the pipeline does (Files/metadata.db, data under Tables/), one naming
 * its OneLake data path as written and one whose data path is this account's own (rewritten as
 * scripts/ducklake/generateCatalogs.sh points the fixture at OneLake), with a SAS; and an empty
 * container for live races with a SAS that writes, written where the journeys find them.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startAzurite, type Azurite } from '../test/support/azurite.ts';
import { loadSqlJs } from '../src/query/ducklake/sqlJs.ts';
import { buildCli } from '../test/support/buildCli.ts';

export const azuriteInfoPath = join(import.meta.dirname, '..', 'test-results', 'azurite.json');

export default async function globalSetup(): Promise<() => Promise<void>> {
  buildCli(); // journeys that run bin/lakelab.mjs run the bundle
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
  await uploadSeedLakehouses(azurite, walk);
  // A writable copy of the seed's lakehouse, for Export to Delta (its Delta tables go under Tables/).
  const exports = azurite.service.getContainerClient('exports');
  await exports.create();
  const ducklake = join(import.meta.dirname, '..', 'test', 'fixtures', 'ducklake');
  await exports.getBlockBlobClient('Seed.Lakehouse/Files/metadata.db').uploadData(readFileSync(join(ducklake, 'sqlite', 'seed-onelake', 'Files', 'metadata.db')));
  const seedData = join(ducklake, 'lakelab-generated', 'seed', 'data');
  for (const file of walk(seedData)) await exports.getBlockBlobClient(`Seed.Lakehouse/Tables/${relative(seedData, file)}`).uploadData(readFileSync(file));
  // An empty container the simulator's live writers race in (read, add, create, write, delete, list).
  await azurite.service.getContainerClient('races').create();
  mkdirSync(join(azuriteInfoPath, '..'), { recursive: true });
  writeFileSync(azuriteInfoPath, JSON.stringify({ accountUrl: azurite.accountUrl, sas: azurite.sasFor('workspace', 'rl'), seedSas: azurite.sasFor('seed', 'rl'), racesSas: azurite.sasFor('races', 'racwdl'), exportsSas: azurite.sasFor('exports', 'racwdl') }));
  return () => azurite.stop();
}

/** Container `seed`: Seed.Lakehouse with the catalog as the pipeline wrote it, Here.Lakehouse with its data path on this account. */
async function uploadSeedLakehouses(azurite: Azurite, walk: (dir: string) => string[]): Promise<void> {
  const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures', 'ducklake');
  const data = join(fixtures, 'lakelab-generated', 'seed', 'data');
  const catalog = readFileSync(join(fixtures, 'sqlite', 'seed-onelake', 'Files', 'metadata.db'));
  const sqlJs = await loadSqlJs();
  const db = new sqlJs.Database(new Uint8Array(catalog));
  db.run("UPDATE ducklake_metadata SET value = 'abfss://seed@devstoreaccount1.dfs.core.windows.net/Here.Lakehouse/Tables/' WHERE key = 'data_path'");
  const here = db.export();
  db.close();
  const seed = azurite.service.getContainerClient('seed');
  await seed.create();
  for (const [lakehouse, bytes] of [['Seed.Lakehouse', catalog], ['Here.Lakehouse', here]] as const) {
    await seed.getBlockBlobClient(`${lakehouse}/Files/metadata.db`).uploadData(bytes);
    for (const file of walk(data)) await seed.getBlockBlobClient(`${lakehouse}/Tables/${relative(data, file)}`).uploadData(readFileSync(file));
  }
}
