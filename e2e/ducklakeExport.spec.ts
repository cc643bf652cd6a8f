/**
 * Export to Delta, the seed's shape on Azure storage (Azurite): the SQLite catalog at
 * Files/metadata.db, its data under Tables/ (given as the data path: the catalog names OneLake).
 * staging.orders is exported into its own folder under Tables/: the Delta log previewed, then
 * written, then the Delta table opened in the explorer with one version per DuckLake snapshot,
 * its rows at the latest version the extension's at the last snapshot; a second export has
 * nothing to append.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { canonicalRows } from '../test/canonicalRows.ts';
import { canonicalExpected, ducklakeFixtures, readJson } from '../test/support/ducklakeCases.ts';
import { azuriteInfoPath } from './globalSetup.ts';
import { gridRows } from './pageRows.ts';

test('exports a DuckLake table to Delta with its history, previewing the log, then opens it in the explorer', async ({ page }) => {
  const { accountUrl, exportsSas } = JSON.parse(readFileSync(azuriteInfoPath, 'utf8')) as { accountUrl: string; exportsSas: string };
  await page.goto('/');
  await page.getByText('OneLake / Azure storage').click();
  await page.getByTestId('azure-address').fill(`${accountUrl}/exports/Seed.Lakehouse`);
  await page.getByTestId('azure-secret').fill(exportsSas);
  await page.getByRole('button', { name: 'Connect' }).click();
  const browser = page.getByTestId('azure-browser');
  await browser.getByRole('button', { name: /Files/ }).click();
  await browser.getByRole('button', { name: '🦆 metadata.db' }).click();
  await page.getByTestId('data-path-input').fill('Tables/');
  await page.getByTestId('data-path-apply').click();
  await page.getByTestId('catalog-table').selectOption('staging.orders');

  await page.getByRole('tab', { name: 'Write' }).click();
  const panel = page.getByTestId('export-to-delta');
  await expect(panel.getByTestId('export-target')).toHaveValue('Tables/staging/orders');
  await panel.getByTestId('export-preview').click();
  await expect(panel.getByTestId('export-planned')).toContainText('would write 4 commit(s)');
  const logs = panel.getByTestId('export-log');
  await expect(logs).toHaveCount(4);
  await expect(logs.first()).toContainText('"protocol":{"minReaderVersion":3,"minWriterVersion":7');
  await expect(logs.first()).toContainText('"ducklake":{"catalog":"metadata.db","table":"staging.orders"');
  await expect(logs.nth(3)).toContainText('"deletionVector":{"storageType":"u"');
  await page.screenshot({ path: test.info().outputPath('export-preview.png'), fullPage: true });

  await panel.getByTestId('export-run').click();
  await expect(panel.getByTestId('export-done')).toHaveText('Exported 4 snapshot(s) of staging.orders as Delta versions 0 to 3.');
  await panel.getByTestId('export-run').click();
  await expect(panel.getByTestId('export-up-to-date')).toHaveText('The Delta table already holds snapshot 5: nothing to export.');

  await panel.getByTestId('export-open').click();
  await expect(page.getByTestId('table-title')).toContainText('Delta Tables/staging/orders');
  await expect(page.getByTestId('history').locator('tbody tr[data-row]')).toHaveCount(4);
  await page.getByRole('tab', { name: 'Data' }).click();
  const grid = page.locator('.data-panel > .rows-grid');
  const expected = readJson<Record<string, unknown>[]>(join(ducklakeFixtures, 'cases', 'seed', 'reference', 'rows', 'staging.orders', 's5.json'));
  await expect(grid.getByTestId('row-count')).toHaveText(`${expected.length} rows`);
  expect(canonicalRows(await gridRows(grid.getByTestId('rows')))).toEqual(canonicalExpected(expected));
  await page.screenshot({ path: test.info().outputPath('export-opened.png'), fullPage: true });
});
