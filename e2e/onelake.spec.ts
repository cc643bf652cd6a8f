import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { azuriteInfoPath } from './globalSetup.ts';

const expectedDir = join(import.meta.dirname, '..', 'test', 'fixtures', 'delta', 'delta-rs-expected');

test('signs in with a SAS, browses a lakehouse on Azure storage and reads a table at a version', async ({ page }) => {
  const { accountUrl, sas } = JSON.parse(readFileSync(azuriteInfoPath, 'utf8')) as { accountUrl: string; sas: string };
  await page.goto('/');
  await page.getByText('OneLake / Azure storage').click();
  await page.getByTestId('azure-address').fill(`${accountUrl}/workspace/Lake.Lakehouse`);
  await page.getByTestId('azure-secret').fill(sas);
  await page.getByRole('button', { name: 'Connect' }).click();
  const browser = page.getByTestId('azure-browser');
  await browser.getByRole('button', { name: /Tables/ }).click();
  await browser.getByRole('button', { name: /simple/ }).click();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 10');
  await expect(page.getByTestId('history').locator('tbody tr[data-version]')).toHaveCount(11);
  const expected = readFileSync(join(expectedDir, 'simple_table_with_checkpoint', 'v10', 'rows.jsonl'), 'utf8').split('\n').filter(Boolean).length;
  await expect(page.getByTestId('row-count')).toHaveText(`${expected} rows`);
  await page.getByTestId('history').locator('tr[data-version="4"]').getByRole('button').click();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
  const expectedV4 = readFileSync(join(expectedDir, 'simple_table_with_checkpoint', 'v4', 'rows.jsonl'), 'utf8').split('\n').filter(Boolean).length;
  await expect(page.getByTestId('row-count')).toHaveText(`${expectedV4} rows`);
  // The SAS never reaches the page's URL.
  expect(page.url()).not.toContain('sig=');
  await page.screenshot({ path: test.info().outputPath('onelake.png'), fullPage: true });
});

test('a rejected SAS gets a message that says what to do, and no secret', async ({ page }) => {
  const { accountUrl, sas } = JSON.parse(readFileSync(azuriteInfoPath, 'utf8')) as { accountUrl: string; sas: string };
  await page.goto('/');
  await page.getByText('OneLake / Azure storage').click();
  await page.getByTestId('azure-address').fill(`${accountUrl}/workspace/Lake.Lakehouse`);
  await page.getByTestId('azure-secret').fill(sas.replace(/sig=[^&]+/, 'sig=bm90LXRoZS1zaWduYXR1cmU%3D'));
  await page.getByRole('button', { name: 'Connect' }).click();
  const error = page.getByTestId('azure-error');
  await expect(error).toContainText('AccessDenied');
  await expect(error).not.toContainText('bm90LXRoZS1zaWduYXR1cmU');
});

test('the preview server carries the same-origin OneLake route, for Azure hosts only', async ({ request }) => {
  expect((await request.get('/__onelake/')).status()).toBe(400);
  expect((await request.get('/__onelake/evil.example.com/x')).status()).toBe(403);
  expect((await request.get('/__onelake/127.0.0.1:10000/devstoreaccount1')).status()).toBe(403);
});
