import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { azuriteInfoPath } from './globalSetup.ts';
import { openAzureStore } from '../src/storage/azureStore.ts';
import { parseAzureAddress } from '../src/storage/azureAddress.ts';
import { loadSnapshot } from '../src/core/delta/loadSnapshot.ts';
import { parquetCodec } from '../src/query/parquetRows.ts';

test('runs blind appenders live against a folder on Azure storage, and the table they leave stays there', async ({ page }) => {
  const { accountUrl, racesSas } = JSON.parse(readFileSync(azuriteInfoPath, 'utf8')) as { accountUrl: string; racesSas: string };
  const folder = `${accountUrl}/races/race-${Date.now()}`;
  await page.goto('/?sim=blind-appenders&seed=1');
  const summary = page.getByTestId('sim-summary');
  await expect(summary).toContainText('Invariants: all hold', { timeout: 60_000 });

  await page.getByText('Run live on Azure / OneLake').click();
  await page.getByTestId('sim-azure-address').fill(folder);
  await page.getByTestId('sim-azure-secret').fill(racesSas);
  await page.getByTestId('sim-run-azure').click();
  await expect(summary).toContainText(`live run on the Azure folder ${folder}`, { timeout: 120_000 });
  await expect(summary).toContainText('8 commit(s)');
  await expect(summary).toContainText('Invariants: all hold');
  for (let w = 1; w <= 8; w++) await expect(summary).toContainText(`appender-${w}: committed`);
  expect(await summary.textContent()).not.toContain('sig=');
  await page.screenshot({ path: test.info().outputPath('simulator-azure.png'), fullPage: true });

  // Read back from Azure in Node, through the reader core: the table creation and eight appends.
  const store = await openAzureStore(parseAzureAddress(folder), { kind: 'sas', token: racesSas });
  const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
  expect(snapshot.version).toBe(8);
  expect(snapshot.files).toHaveLength(9);

  // The same folder again: it already holds a table, and the race is refused before anything is written.
  await page.getByTestId('sim-run-azure').click();
  await expect(page.getByRole('alert').filter({ hasText: 'already holds a Delta table' })).toBeVisible({ timeout: 60_000 });
  expect((await loadSnapshot(store, '', { codec: parquetCodec })).version).toBe(8);
});
