/**
 * Links and addresses the page cannot follow as they are: it says what happened once, and what
 * to give instead, never a doubled error or a silent switch to another table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { canonicalRows } from '../test/canonicalRows.ts';
import { gridRows } from './pageRows.ts';

const expected = (version: number) =>
  readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'delta', 'delta-rs-expected', 'simple_table', `v${version}`, 'rows.jsonl'), 'utf8')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const sampleNames = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'public', 'samples', 'samples.json'), 'utf8')) as { name: string }[]).map((s) => s.name);

test('a link to a sample that does not exist names the samples there are, and opens none', async ({ page }) => {
  await page.goto('/?sample=simple_tabel');
  await expect(page.getByTestId('link-notice')).toHaveText(`There is no sample "simple_tabel". The samples are ${sampleNames.join(', ')}: pick one.`);
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByTestId('table-title')).toHaveCount(0);
  await page.getByRole('button', { name: 'simple_table', exact: true }).click();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
});

test('a link to a version the table does not have says so once, with the versions there are, and shows the latest', async ({ page }) => {
  await page.goto('/?sample=simple_table&v=99');
  await expect(page.getByTestId('link-notice')).toHaveText("The link's version 99 does not exist: the table has versions 0 to 4. Showing version 4, the latest.");
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
  await expect(page.locator('.data-panel > .rows-grid').getByTestId('row-count')).toHaveText(`${expected(4).length} rows`);
  expect(canonicalRows(await gridRows(page.locator('.data-panel > .rows-grid').getByTestId('rows')))).toEqual(canonicalRows(expected(4)));
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page).toHaveURL(/sample=simple_table&v=4$/);
  await page.screenshot({ path: test.info().outputPath('missing-version.png'), fullPage: true });
});

test('a reload after writing to a sample says the writes lived in memory and are gone', async ({ page }) => {
  await page.goto('/?sample=simple_table');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
  await page.getByRole('tab', { name: 'Write' }).click();
  await page.getByTestId('write-operation').selectOption('delete');
  await page.getByTestId('write-predicate').fill('id = 5');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByTestId('write-commit').click();
  await expect(page.getByTestId('write-committed')).toContainText('Committed version 5');
  await expect(page).toHaveURL(/sample=simple_table&v=5&unsaved=1$/);
  await page.reload();
  await expect(page.getByTestId('link-notice')).toHaveText(
    "The versions written to simple_table in this page lived in its memory and are gone: a built-in sample is read again from the server when the page loads, and the server's copy ends at version 4. Version 5 is one of them: showing version 4.",
  );
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page).toHaveURL(/sample=simple_table&v=4$/);
});

test('an address that is not a table says what to give: a web page, the _delta_log folder, a data file', async ({ page, baseURL }) => {
  const open = async (url: string) => {
    await page.getByLabel('Table URL').fill(url);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
  };
  await page.goto('/');
  await expect(page.getByTestId('selected-version')).toBeVisible();
  await open(`${baseURL}/`);
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByRole('alert')).toContainText(`the server answered a web page for ${baseURL}/lakelab-index.json. Give the address of a table's folder (the one holding _delta_log/)`);
  await expect(page.getByRole('alert')).not.toContainText('JSON');
  await open(`${baseURL}/samples/simple_table/_delta_log`);
  await expect(page.getByRole('alert')).toHaveText(`InvalidInput: ${baseURL}/samples/simple_table/_delta_log/ is the table's log folder, not the table: give the table's folder, ${baseURL}/samples/simple_table/`);
  await open(`${baseURL}/samples/basic_partitioned/letter=a/part-00000-7453e46f-e8a5-42ea-8f14-aabb437a76a1.c000.snappy.parquet`);
  await expect(page.getByRole('alert')).toContainText(`is a file, not a table: give the table's folder (the one holding _delta_log/), probably ${baseURL}/samples/basic_partitioned/`);
});

test('a table opened by URL says it is read-only before a write is previewed', async ({ page, baseURL }) => {
  await page.goto(`/?url=${encodeURIComponent(`${baseURL}/samples/basic_partitioned`)}`);
  await expect(page.getByTestId('selected-version')).toHaveText('at version 1');
  await page.getByRole('tab', { name: 'Write' }).click();
  await expect(page.getByTestId('write-read-only')).toContainText(`HTTP ${baseURL}/samples/basic_partitioned/ is read-only: Lakelab cannot write to it.`);
  await expect(page.getByRole('button', { name: 'Preview' })).toBeDisabled();
  // Its defaults come from its own columns, not from seed_merge's.
  await expect(page.getByTestId('write-on')).toHaveValue('t.letter = s.letter');
  await page.screenshot({ path: test.info().outputPath('write-read-only.png'), fullPage: true });
});
