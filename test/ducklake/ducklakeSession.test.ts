/**
 * The table worker's DuckLake session over the seed pipeline's layout: a SQLite catalog at
 * Files/metadata.db whose data path is abfss://.../Tables/, its files under Tables/ of the same
 * store, read through the data path given. The catalog costs one GET; data files are read only
 * when rows are asked for, and only the ones the snapshot needs. The same on Azurite, with a SAS.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../src/core/objectStore.ts';
import { MemoryStore } from '../../src/storage/memoryStore.ts';
import { CountingStore } from '../../src/storage/countingStore.ts';
import { openAzureStore } from '../../src/storage/azureStore.ts';
import { parseAzureAddress } from '../../src/storage/azureAddress.ts';
import { openNodeSqlEngine } from '../../src/query/duckdbNode.ts';
import { toPlainRows } from '../../src/query/arrowToPlain.ts';
import { DucklakeSession } from '../../src/workers/ducklakeSession.ts';
import { startAzurite, type Azurite } from '../support/azurite.ts';
import { canonicalExpected, canonicalRows, ducklakeFixtures, readJson } from '../support/ducklakeCases.ts';

const seedData = join(ducklakeFixtures, 'lakelab-generated', 'seed', 'data');
const seedCatalog = join(ducklakeFixtures, 'sqlite', 'seed-onelake', 'Files', 'metadata.db');
const reference = (table: string, snapshot: number) => readJson<Record<string, unknown>[]>(join(ducklakeFixtures, 'cases', 'seed', 'reference', 'rows', table, `s${snapshot}.json`));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

/** The pipeline's layout: Files/metadata.db, Tables/<schema>/<table>/... */
async function uploadSeed(put: (key: string, bytes: Uint8Array) => Promise<unknown>): Promise<void> {
  await put('Files/metadata.db', new Uint8Array(readFileSync(seedCatalog)));
  for (const file of filesUnder(seedData)) await put(`Tables/${relative(seedData, file)}`, new Uint8Array(readFileSync(file)));
}

async function checkSession(store: ObjectStore): Promise<void> {
  const counting = new CountingStore(store);
  const session = await DucklakeSession.open({ store: counting, catalogKey: 'Files/metadata.db', dataPath: 'Tables/' }, openNodeSqlEngine);
  try {
    expect(counting.counts().keysRead).toEqual(['Files/metadata.db']);
    expect((await session.history('staging.orders')).map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1, 0]);
    expect(session.schema('staging.orders').columns.map((c) => c.name)).toEqual(['order_id', 'customer', 'amount', 'ordered_at']);
    const files = await session.files('staging.orders');
    expect(counting.counts().get).toBe(1);

    for (const snapshot of [4, 5]) {
      counting.reset();
      const result = await session.rows('staging.orders', snapshot, 1000);
      expect(canonicalRows(result.rows), `snapshot ${snapshot}`).toEqual(canonicalExpected(reference('staging.orders', snapshot)));
      // Only the files of the snapshot (data files and their delete files), each once.
      const keys = counting.counts().keysRead;
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.every((k) => k.startsWith('Tables/staging/orders/'))).toBe(true);
    }
    expect(counting.counts().keysRead.sort()).toEqual(files.flatMap((f) => [f.path, f.deletes?.path]).filter((p): p is string => !!p).map((p) => `Tables/${p}`).sort());
  } finally {
    await session.close();
  }
}

describe('DuckLake session (the table worker\'s)', () => {
  it('reads the seed pipeline\'s SQLite catalog and its data from another path, on a budget', async () => {
    const store = new MemoryStore({ description: 'memory' });
    await uploadSeed((key, bytes) => store.put(key, bytes));
    await checkSession(store);
  });

  it('opens a catalog whose abfss:// data path it cannot reach, refuses its rows naming the data path, and reads them once one is given', async () => {
    const store = new MemoryStore({ description: 'memory' });
    await uploadSeed((key, bytes) => store.put(key, bytes));
    const session = await DucklakeSession.open({ store, catalogKey: 'Files/metadata.db' }, openNodeSqlEngine);
    try {
      expect((await session.files('staging.orders', 5)).length).toBeGreaterThan(0);
      await expect(session.rows('staging.orders', 5, 10)).rejects.toThrow(
        /Files\/metadata\.db: its data path is abfss:\/\/lakelab@onelake\.dfs\.fabric\.microsoft\.com\/seed\.Lakehouse\/Tables\/, not in memory; give the data path/,
      );
      session.setDataPath('Tables/');
      expect(canonicalRows((await session.rows('staging.orders', 5, 1000)).rows)).toEqual(canonicalExpected(reference('staging.orders', 5)));
    } finally {
      await session.close();
    }
  });

  it('runs SQL over a table at a snapshot, registered as Arrow in duckdb-wasm', async () => {
    const store = new MemoryStore({ description: 'memory' });
    await uploadSeed((key, bytes) => store.put(key, bytes));
    const session = await DucklakeSession.open({ store, catalogKey: 'Files/metadata.db', dataPath: 'Tables/' }, openNodeSqlEngine);
    const engine = await openNodeSqlEngine();
    try {
      await engine.registerArrow('orders', await session.arrowIpc('staging.orders', 5));
      const rows = toPlainRows(await engine.query('SELECT customer, count(*) AS n, sum(amount)::VARCHAR AS total FROM orders GROUP BY customer ORDER BY customer'));
      const expected = new Map<string, { n: number; cents: number }>();
      for (const row of reference('staging.orders', 5) as { customer: string; amount: string }[]) {
        const entry = expected.get(row.customer) ?? { n: 0, cents: 0 };
        entry.n += 1;
        entry.cents += Math.round(Number(row.amount) * 100);
        expected.set(row.customer, entry);
      }
      expect(rows).toEqual([...expected].sort(([a], [b]) => (a < b ? -1 : 1)).map(([customer, { n, cents }]) => ({ customer, n, total: (cents / 100).toFixed(2) })));
    } finally {
      await engine.close();
      await session.close();
    }
  });
});

describe('DuckLake session on Azurite', () => {
  let azurite: Azurite;
  beforeAll(async () => {
    azurite = await startAzurite({ containers: ['lakehouse'] });
    const container = azurite.service.getContainerClient('lakehouse');
    await uploadSeed((key, bytes) => container.getBlockBlobClient(key).uploadData(bytes));
  }, 60_000);
  afterAll(async () => azurite?.stop());

  it('opens the catalog and its data from a container with a read-only SAS: two snapshots as the extension reads them', async () => {
    const store = await openAzureStore(parseAzureAddress(`${azurite.accountUrl}/lakehouse`), { kind: 'sas', token: azurite.sasFor('lakehouse', 'rl') });
    await checkSession(store);
  });
});
