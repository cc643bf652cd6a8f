/**
 * A DuckLake catalog on Azure storage (Azurite), laid out as the seed pipeline does on OneLake:
 * the SQLite catalog at Files/metadata.db, its data under Tables/. Opened with a SAS from
 * browsing, read with the data path as the catalog names it (on this account) or with one given
 * (the catalog names OneLake); rows at two snapshots equal what DuckDB's ducklake extension read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { canonicalRows } from '../test/canonicalRows.ts';
import { canonicalExpected, ducklakeFixtures, readJson } from '../test/support/ducklakeCases.ts';
import { azuriteInfoPath } from './globalSetup.ts';
import { gridRows } from './pageRows.ts';

const reference = (table: string, snapshot: number) => readJson<Record<string, unknown>[]>(join(ducklakeFixtures, 'cases', 'seed', 'reference', 'rows', table, `s${snapshot}.json`));
const dataGrid = (page: Page) => page.locator('.data-panel > .rows-grid');

async function openCatalog(page: Page, lakehouse: string): Promise<void> {
  const { accountUrl, seedSas } = JSON.parse(readFileSync(azuriteInfoPath, 'utf8')) as { accountUrl: string; seedSas: string };
  await page.goto('/');
  await page.getByText('OneLake / Azure storage').click();
  await page.getByTestId('azure-address').fill(`${accountUrl}/seed/${lakehouse}`);
  await page.getByTestId('azure-secret').fill(seedSas);
  await page.getByRole('button', { name: 'Connect' }).click();
  const browser = page.getByTestId('azure-browser');
  await browser.getByRole('button', { name: /Files/ }).click();
  await browser.getByRole('button', { name: '🦆 metadata.db' }).click();
  await expect(page.getByTestId('table-title')).toHaveText(`seed/${lakehouse}/Files/metadata.db`);
}

async function expectRows(page: Page, table: string, snapshot: number): Promise<void> {
  await expect(page.getByTestId('selected-version')).toHaveText(`at snapshot ${snapshot}`);
  await expect(dataGrid(page).getByTestId('row-count')).toHaveText(`${reference(table, snapshot).length} rows`);
  expect(canonicalRows(await gridRows(dataGrid(page).getByTestId('rows'))), `${table} at snapshot ${snapshot}`).toEqual(canonicalExpected(reference(table, snapshot)));
}

async function walkOrders(page: Page): Promise<void> {
  await page.getByTestId('catalog-table').selectOption('staging.orders');
  for (const snapshot of [4, 5]) {
    await page.getByTestId('history').locator(`tr[data-version="${snapshot}"]`).getByRole('button').click();
    await expectRows(page, 'staging.orders', snapshot);
  }
}

test('opens the seed pipeline\'s catalog from a container with a SAS, its data path on the same account as written: rows at two snapshots as the extension reads them', async ({ page }) => {
  await openCatalog(page, 'Here.Lakehouse');
  await expect(page.getByTestId('data-path-written')).toHaveText('abfss://seed@devstoreaccount1.dfs.core.windows.net/Here.Lakehouse/Tables/');
  await expectRows(page, 'main.customers', 6);
  await walkOrders(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(page.url()).not.toContain('sig=');
});

test('a catalog whose data path names OneLake asks for the data path in its Data panel, then reads the files under the one given', async ({ page }) => {
  await openCatalog(page, 'Seed.Lakehouse');
  await expect(page.getByTestId('data-path-written')).toHaveText('abfss://lakelab@onelake.dfs.fabric.microsoft.com/seed.Lakehouse/Tables/');
  // The catalog itself reads: its history, schema and files; the rows need the data files.
  await expect(page.getByTestId('history').locator('tbody tr[data-row]')).toHaveCount(7);
  const problem = page.getByRole('alert');
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText('InvalidInput: Files/metadata.db: its data path is abfss://lakelab@onelake.dfs.fabric.microsoft.com/seed.Lakehouse/Tables/, not in');
  await expect(problem).toContainText('give the data path its files are under');
  await expect(problem).not.toContainText('sig=');
  await page.screenshot({ path: test.info().outputPath('ducklake-data-path-asked.png'), fullPage: true });
  await page.getByTestId('data-path-input').fill('Tables/');
  await page.getByTestId('data-path-apply').click();
  await expectRows(page, 'main.customers', 6);
  await walkOrders(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Catalog' }).click();
  await expect(page.getByTestId('protocol')).toContainText('DuckLake 1.0');
  await expect(page.getByTestId('protocol')).toContainText('a SQLite database');
  await page.screenshot({ path: test.info().outputPath('ducklake-azure-catalog.png'), fullPage: true });
});
