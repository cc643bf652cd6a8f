/**
 * Writing a DuckLake catalog on Azure storage (Azurite) from the Write tab, under the blob lease:
 * a SQLite catalog Lakelab wrote (written_basic, which the ducklake extension read back) is put
 * in a lakehouse's Files/; rows are inserted from a CSV file (preview, then commit: a new
 * snapshot in the history, the rows in the Data panel); while a pipeline run holds the lease, a
 * second tab's delete is refused at once with the holder's stamp and nothing is written; once it
 * is released, the delete commits.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ContainerClient } from '@azure/storage-blob';
import { acquireCatalogLease } from '../src/core/lease/catalogLease.ts';
import { openAzureStore } from '../src/storage/azureStore.ts';
import { parseAzureAddress } from '../src/storage/azureAddress.ts';
import { ducklakeFixtures, readJson } from '../test/support/ducklakeCases.ts';
import { azuriteInfoPath } from './globalSetup.ts';

const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));

async function openCatalog(page: Page, accountUrl: string, lakehouse: string, sas: string): Promise<void> {
  await page.goto('/');
  await page.getByText('OneLake / Azure storage').click();
  await page.getByTestId('azure-address').fill(`${accountUrl}/exports/${lakehouse}`);
  await page.getByTestId('azure-secret').fill(sas);
  await page.getByRole('button', { name: 'Connect' }).click();
  const browser = page.getByTestId('azure-browser');
  await browser.getByRole('button', { name: /Files/ }).click();
  await browser.getByRole('button', { name: '🦆 metadata.db' }).click();
  await expect(page.getByTestId('table-title')).toHaveText(`exports/${lakehouse}/Files/metadata.db`);
}

test('inserts rows into a DuckLake catalog on Azure under the lease, and a second tab is refused while a pipeline run holds it', async ({ page, context }) => {
  test.setTimeout(180_000);
  const { accountUrl, exportsSas } = JSON.parse(readFileSync(azuriteInfoPath, 'utf8')) as { accountUrl: string; exportsSas: string };
  const lakehouse = `Writes${Date.now()}.Lakehouse`;
  const container = new ContainerClient(`${accountUrl}/exports?${exportsSas}`);
  await container.getBlockBlobClient(`${lakehouse}/Files/metadata.db`).uploadData(readFileSync(join(ducklakeFixtures, 'sqlite', 'written_basic.sqlite')));
  const data = join(ducklakeFixtures, 'written', 'written_basic', 'data');
  for (const file of walk(data)) await container.getBlockBlobClient(`${lakehouse}/Files/data/${relative(data, file)}`).uploadData(readFileSync(file));

  await openCatalog(page, accountUrl, lakehouse, exportsSas);
  const history = page.getByTestId('history');
  await expect(history.locator('tbody tr[data-row]')).toHaveCount(9);
  await page.getByRole('tab', { name: 'Write' }).click();
  await expect(page.getByTestId('write-operation').locator('option')).toHaveText(['insert', 'delete', 'update']);
  await page.getByTestId('write-operation').selectOption('append');
  await page.getByTestId('write-source').setInputFiles({ name: 'more.csv', mimeType: 'text/csv', buffer: Buffer.from('id,name,score\n500,Hedy,1.25\n501,Alan,2.5\n') });
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByTestId('write-metrics')).toContainText('num_inserted_rows2');
  await page.getByTestId('write-commit').click();
  await expect(page.getByTestId('write-committed')).toContainText('Committed version 9');
  await expect(history.locator('tbody tr[data-row]')).toHaveCount(10);
  await expect(history.locator('tr[data-version="9"]')).toContainText('inserted inlined rows into table');
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByTestId('selected-version')).toHaveText('at snapshot 9');
  // Two more rows than the extension read at snapshot 8 (cases/written_basic/reference).
  const before = readJson<unknown[]>(join(ducklakeFixtures, 'cases', 'written_basic', 'reference', 'rows', 'main.people', 's8.json')).length;
  await expect(page.locator('.data-panel > .rows-grid').getByTestId('row-count')).toHaveText(`${before + 2} rows`);
  await page.screenshot({ path: test.info().outputPath('ducklake-write-committed.png'), fullPage: true });

  // A pipeline run takes the catalog's lease (as `lakelab append <address>` would, mid-run).
  const store = await openAzureStore(parseAzureAddress(`${accountUrl}/exports/${lakehouse}?${exportsSas}`), { kind: 'sas', token: exportsSas });
  const held = await acquireCatalogLease(store, 'Files/metadata.db', { clock: { now: () => Date.now() }, holder: 'dbt run 42 (pipeline)' });
  expect(held.status).toBe('acquired');

  const second = await context.newPage();
  await openCatalog(second, accountUrl, lakehouse, exportsSas);
  await expect(second.getByTestId('history').locator('tbody tr[data-row]')).toHaveCount(10);
  await second.getByRole('tab', { name: 'Write' }).click();
  await second.getByTestId('write-operation').selectOption('delete');
  await second.getByTestId('write-predicate').fill('id >= 500');
  await second.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(second.getByTestId('write-metrics')).toContainText('num_deleted_rows2');
  const started = Date.now();
  await second.getByTestId('write-commit').click();
  const refusal = second.getByTestId('write-result').getByRole('alert');
  await expect(refusal).toContainText('Files/metadata.db is leased by dbt run 42 (pipeline) since');
  await expect(refusal).toContainText('another run is writing it');
  await expect(refusal).toContainText('nothing was written');
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(refusal).not.toContainText('sig=');
  await second.screenshot({ path: test.info().outputPath('ducklake-write-lease-held.png'), fullPage: true });

  if (held.status === 'acquired') await store.leases!.release('Files/metadata.db', held.lease.leaseId);
  await second.getByRole('button', { name: 'Preview', exact: true }).click();
  await second.getByTestId('write-commit').click();
  await expect(second.getByTestId('write-committed')).toContainText('Committed version 10');
  await expect(second.getByTestId('history').locator('tbody tr[data-row]')).toHaveCount(11);
  await expect(second.getByTestId('history').locator('tr[data-version="10"]')).toContainText('deleted inlined rows from table');
});
