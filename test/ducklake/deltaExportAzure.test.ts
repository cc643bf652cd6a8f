/**
 * The seed's shape end to end on Azure Blob storage (Azurite): a lakehouse with the SQLite
 * DuckLake catalog in Files/ and its data under Tables/, each table exported with `lakelab
 * ducklake-export` into its own folder under Tables/ after the pipeline's first run, then again
 * after its next run (cases/seed_next_run: inlined inserts and deletes, an update, a flush),
 * which appends only the new snapshots; the Delta table read back through the Azure store by
 * Lakelab's Delta reader, at every version equal to the extension's rows at its snapshot.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.ts';
import { openAzureStore } from '../../src/storage/azureStore.ts';
import { parseAzureAddress } from '../../src/storage/azureAddress.ts';
import { parquetCodec } from '../../src/query/parquetRows.ts';
import { startAzurite, type Azurite } from '../support/azurite.ts';
import { canonicalExpected, canonicalRows, ducklakeFixtures, readJson } from '../support/ducklakeCases.ts';
import { readTableRows } from '../readTableRows.ts';

async function lakelab(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: { write: (t: string) => { out += t; } }, stderr: { write: (t: string) => { err += t; } } };
  return { code: await main(argv, io), out, err };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

describe('DuckLake to Delta on Azure Blob storage (Azurite), the seed\'s shape', () => {
  let azurite: Azurite;
  let lakehouse: string;
  let sas: string;
  beforeAll(async () => {
    azurite = await startAzurite({ containers: ['lakelab'] });
    sas = azurite.sasFor('lakelab', 'racwdl');
    const container = azurite.service.getContainerClient('lakelab');
    const upload = (key: string, path: string) => container.getBlockBlobClient(key).uploadData(readFileSync(path));
    await upload('seed.Lakehouse/Files/metadata.db', join(ducklakeFixtures, 'sqlite', 'seed-onelake', 'Files', 'metadata.db'));
    const data = join(ducklakeFixtures, 'lakelab-generated', 'seed', 'data');
    for (const path of filesUnder(data)) await upload(`seed.Lakehouse/Tables/${relative(data, path)}`, path);
    lakehouse = `${azurite.accountUrl}/lakelab/seed.Lakehouse`;
  }, 120_000);
  afterAll(async () => {
    await azurite?.stop();
  });

  const at = (path: string) => `${lakehouse}/${path}?${sas}`;

  it('exports staging.orders after the first run and again after the next, and reads every version back through the Azure store', async () => {
    const args = ['ducklake-export', at('Files/metadata.db'), '--table', 'staging.orders', '--to', at('Tables/staging/orders'), '--data-path', at('Tables')];
    const first = await lakelab(...args);
    expect(first.code, first.err).toBe(0);
    const one = JSON.parse(first.out) as { commits: { version: number; snapshotId: number }[]; outsideFiles: number };
    expect(one.commits.map((c) => c.snapshotId)).toEqual([2, 3, 4, 5]);
    expect(one.outsideFiles).toBe(0);
    // The pipeline's next run: its catalog replaces Files/metadata.db, its new data files land under Tables/.
    const container = azurite.service.getContainerClient('lakelab');
    await container.getBlockBlobClient('seed.Lakehouse/Files/metadata.db').uploadData(readFileSync(join(ducklakeFixtures, 'sqlite', 'seed_next_run.sqlite')));
    const next = join(ducklakeFixtures, 'lakelab-generated', 'seed_next_run', 'data');
    for (const path of filesUnder(next)) await container.getBlockBlobClient(`seed.Lakehouse/Tables/${relative(next, path)}`).uploadData(readFileSync(path));
    const second = await lakelab(...args);
    expect(second.code, second.err).toBe(0);
    const two = JSON.parse(second.out) as { previousSnapshot: number; commits: { version: number; snapshotId: number; writtenFiles: number }[] };
    expect(two.previousSnapshot).toBe(5);
    expect(two.commits.map((c) => c.snapshotId)).toEqual([7, 8, 10, 11, 12]);
    expect(second.out + second.err).not.toContain(sas);

    const store = await openAzureStore(parseAzureAddress(at('Tables/staging/orders')), { kind: 'sas', token: sas });
    const commits = [...one.commits, ...two.commits];
    for (let snapshot = 2; snapshot <= 12; snapshot++) {
      const version = commits.filter((c) => c.snapshotId <= snapshot).at(-1)!.version;
      const rows = await readTableRows(store, { version, codec: parquetCodec });
      const expected = readJson<Record<string, unknown>[]>(join(ducklakeFixtures, 'cases', 'seed_next_run', 'reference', 'rows', 'staging.orders', `s${snapshot}.json`));
      expect(canonicalRows(rows), `snapshot ${snapshot} (version ${version})`).toEqual(canonicalExpected(expected));
    }
    // The Parquet files stay where DuckLake wrote them: the Delta table adds only its log and a deletion vector.
    const names: string[] = [];
    for await (const page of store.list('')) for (const o of page.objects) names.push(o.key);
    // ... and the inlined rows written out (part-*.parquet).
    expect(names.filter((n) => !n.startsWith('_delta_log/')).every((n) => /^ducklake-.*\.parquet$|^deletion_vector_.*\.bin$|^part-.*\.parquet$/.test(n)), names.join(', ')).toBe(true);
  }, 120_000);

  it('exports main.customers (after the next run) with its first file in place, its add path relative', async () => {
    const { code, err } = await lakelab('ducklake-export', at('Files/metadata.db'), '--table', 'main.customers', '--to', at('Tables/main/customers'), '--data-path', at('Tables'));
    expect(code, err).toBe(0);
    const store = await openAzureStore(parseAzureAddress(at('Tables/main/customers')), { kind: 'sas', token: sas });
    const log = new TextDecoder().decode(await store.get('_delta_log/00000000000000000000.json'));
    expect(log).toMatch(/"add":\{"path":"ducklake-[0-9a-f-]+\.parquet"/);
    expect(canonicalRows(await readTableRows(store, { codec: parquetCodec }))).toEqual(canonicalExpected(readJson(join(ducklakeFixtures, 'cases', 'seed_next_run', 'reference', 'rows', 'main.customers', 's12.json'))));
  }, 120_000);
});
