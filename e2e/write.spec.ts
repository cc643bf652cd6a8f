import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const batches = join(import.meta.dirname, '..', 'public', 'samples', 'seed_batches');
const batchFiles = [2, 3, 4, 5].map((b) => join(batches, `batch_00${b}.csv`));

test('the seed scenario in the page: pinned merge, a racing delete, the conflict explained, and a retry', async ({ page }) => {
  await page.goto('/?sample=seed_merge');
  await expect(page.getByTestId('table-title')).toHaveText('seed_merge');
  await page.getByRole('tab', { name: 'Write' }).click();

  // The merge of batches 2-5, pinned at version 0: 80 inserts.
  await page.getByTestId('write-source').setInputFiles(batchFiles);
  await page.getByTestId('write-version').selectOption('0');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.locator('[data-metric="num_target_rows_inserted"] dd')).toHaveText('80');
  await expect(page.getByTestId('write-joined-in')).toHaveText('duckdb-wasm');
  await page.screenshot({ path: test.info().outputPath('write-preview.png'), fullPage: true });
  await page.getByTestId('write-commit').click();
  await expect(page.getByTestId('write-committed')).toContainText('Committed version 1');
  await expect(page.getByTestId('history').locator('tbody tr')).toHaveCount(2);

  // A parallel job deletes batch_001's rows.
  await page.getByTestId('write-operation').selectOption('delete');
  await page.getByTestId('write-version').selectOption('HEAD');
  await page.getByTestId('write-predicate').fill("filename = 'batch_001.csv'");
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.locator('[data-metric="num_deleted_rows"] dd')).toHaveText('20');
  await page.getByTestId('write-commit').click();
  await expect(page.getByTestId('write-committed')).toContainText('Committed version 2');

  // The merge computed from version 1 (before the delete), pinned there: it lost the race.
  await page.getByTestId('write-operation').selectOption('merge');
  await page.getByTestId('write-source').setInputFiles(batchFiles);
  await page.getByTestId('write-version').selectOption('1');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByTestId('write-commit').click();
  const conflict = page.getByTestId('write-conflict');
  await expect(conflict).toContainText('ConcurrentDeleteRead');
  await expect(conflict).toContainText('Failed to commit transaction: Commit failed: a concurrent transaction deleted data this operation read.');
  await expect(conflict).toContainText('Winning commit: version 2 (DELETE)');
  // Re-checked, not a stock hint: no isolation level lets a read of removed data through.
  await expect(page.getByTestId('write-advice')).toContainText('Under WriteSerializable it fails the same way (ConcurrentDeleteRead against the DELETE at version 2)');
  await page.screenshot({ path: test.info().outputPath('write-conflict.png'), fullPage: true });

  await page.getByTestId('write-retry').click();
  await expect(page.getByTestId('write-committed')).toContainText('Committed version 3');
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 3');
  await expect(page.getByTestId('row-count')).toHaveText('80 rows');
});

test('appends rows computed by a SQL source over the table at a pinned version', async ({ page }) => {
  await page.goto('/?sample=seed_merge');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 0');
  await page.getByRole('tab', { name: 'Write' }).click();
  await page.getByTestId('write-operation').selectOption('append');
  await page.getByTestId('write-version').selectOption('0');
  await page.getByTestId('write-sql-source').fill("SELECT id + 1000 AS id, value, 'copy' AS filename FROM seed_merge WHERE id <= 5");
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.locator('[data-metric="num_added_rows"] dd')).toHaveText('5', { timeout: 60_000 });
  await page.getByTestId('write-commit').click();
  await expect(page.getByTestId('write-committed')).toContainText('Committed version 1');
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByTestId('row-count')).toHaveText('25 rows');
});
