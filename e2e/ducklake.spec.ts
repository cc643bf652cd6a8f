/**
 * DuckLake catalogs in the explorer, as a person opens them: a built-in sample from the first
 * page, a catalog file's URL, a folder holding a Delta table and a catalog. Rows shown are
 * compared with what DuckDB's ducklake extension answered (test/fixtures/ducklake), never with
 * Lakelab's own output.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { canonicalRows } from '../test/canonicalRows.ts';
import { canonicalExpected, ducklakeFixtures, readJson } from '../test/support/ducklakeCases.ts';
import { gridRows, shownErrors } from './pageRows.ts';

const expected = (table: string, snapshot: number) => readJson<Record<string, unknown>[]>(join(ducklakeFixtures, 'lakelab-generated', 'basic', 'expected', table, `s${snapshot}`, 'rows.json'));
const dataGrid = (page: Page) => page.locator('.data-panel > .rows-grid');

async function expectRows(page: Page, table: string, snapshot: number): Promise<void> {
  await expect(page.getByTestId('selected-version')).toHaveText(`at snapshot ${snapshot}`);
  await expect(dataGrid(page).getByTestId('row-count')).toHaveText(`${expected(table, snapshot).length} rows`);
  expect(canonicalRows(await gridRows(dataGrid(page).getByTestId('rows'))), `${table} at snapshot ${snapshot}`).toEqual(canonicalExpected(expected(table, snapshot)));
}

test('opens a DuckLake sample from the first page, walks its snapshots, reads a table at an old snapshot, runs SQL on it and diffs its schema across a rename', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Sample tables' }).getByRole('button', { name: 'ducklake_basic', exact: true }).click();
  await expect(page.getByTestId('table-title')).toHaveText('ducklake_basic');
  await expect(page.getByTestId('catalog-table')).toHaveValue('main.events');
  await expectRows(page, 'main.events', 15);

  // Every snapshot, with what it did in words.
  const history = page.getByTestId('history');
  await expect(history.locator('tbody tr[data-row]')).toHaveCount(16);
  await expect(history.locator('tr[data-version="7"]')).toContainText('altered table main.people');
  await expect(history.locator('tr[data-version="15"]')).toContainText('dropped table main.scratch');
  await expect(page.getByTestId('growth-chart')).toContainText('rows:');

  // Another table, walked back through its snapshots.
  await page.getByTestId('catalog-table').selectOption('main.people');
  await expectRows(page, 'main.people', 15);
  await expect(page).toHaveURL(/sample=ducklake_basic&table=main\.people&v=15$/);
  for (const snapshot of [4, 6]) {
    await history.locator(`tr[data-version="${snapshot}"]`).getByRole('button').click();
    await expectRows(page, 'main.people', snapshot);
  }
  await page.screenshot({ path: test.info().outputPath('ducklake-snapshot-6.png'), fullPage: true });

  // SQL over the table at that snapshot, refusing what would change it.
  await page.getByTestId('sql-input').fill('SELECT count(*) AS n, max(id) AS hi FROM people');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-version')).toHaveText('Computed at snapshot 6', { timeout: 60_000 });
  const ids = expected('main.people', 6).map((r) => Number(r.id));
  await expect(page.getByTestId('sql-result').locator('tbody td')).toHaveText([String(ids.length), String(Math.max(...ids))]);
  await page.getByTestId('sql-input').fill('DELETE FROM people');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-error')).toContainText('only queries run here: DELETE could change people, which is the table at snapshot 6.');

  // The schema, with field ids, and its diff across the rename of city to town.
  await page.getByRole('tab', { name: 'Schema' }).click();
  await expect(page.getByTestId('schema').locator('tbody tr td:first-child')).toHaveText(['id', 'name', 'city', 'age']);
  await expect(page.getByTestId('schema').locator('thead')).toContainText('Field id');
  await page.getByTestId('schema-compare-version').selectOption('8');
  await page.getByRole('button', { name: 'Compare schemas' }).click();
  const changes = page.getByTestId('schema-changes');
  await expect(changes).toContainText('From snapshot 6 to 8: 1 change(s)');
  await expect(changes).toContainText('renamed city to town');
  await page.screenshot({ path: test.info().outputPath('ducklake-schema-diff.png'), fullPage: true });

  // The dropped table, at the snapshot it existed at.
  await page.getByTestId('catalog-table').selectOption('main.scratch');
  await page.getByRole('tab', { name: 'Data' }).click();
  await expectRows(page, 'main.scratch', 14);
  expect(await shownErrors(page)).toEqual([]);
});

test('opens a catalog by its file URL and keeps catalog, table and snapshot in the link', async ({ page, baseURL }) => {
  await page.goto('/');
  await page.getByLabel('Table URL').fill(`${baseURL}/samples/ducklake_basic/catalog.ducklake`);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expectRows(page, 'main.events', 15);
  await page.getByTestId('catalog-table').selectOption('main.people');
  await page.getByTestId('history').locator('tr[data-version="3"]').getByRole('button').click();
  await expectRows(page, 'main.people', 3);
  await expect(page).toHaveURL(/url=.*catalog\.ducklake&table=main\.people&v=3$/);
  await page.reload();
  await expectRows(page, 'main.people', 3);
  await expect(page.getByTestId('catalog-table')).toHaveValue('main.people');
});

test('a folder holding a Delta table and a DuckLake catalog lists both, and opens each', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'lakelab-lake-'));
  cpSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'delta', 'delta-rs', 'simple_table'), join(folder, 'lake', 'simple'), { recursive: true });
  cpSync(join(ducklakeFixtures, 'lakelab-generated', 'basic', 'catalog.ducklake'), join(folder, 'lake', 'catalog.ducklake'));
  cpSync(join(ducklakeFixtures, 'lakelab-generated', 'basic', 'data'), join(folder, 'lake', 'data'), { recursive: true });
  await page.goto('/');
  await page.getByTestId('folder-input').setInputFiles(join(folder, 'lake'));
  const choices = page.getByRole('list', { name: 'Tables and catalogs in the folder' });
  await expect(choices.getByRole('button')).toHaveText(['▦ lake/simple/', '🦆 lake/catalog.ducklake']);
  await choices.getByRole('button', { name: '🦆 lake/catalog.ducklake' }).click();
  await expectRows(page, 'main.events', 15);
  await choices.getByRole('button', { name: '▦ lake/simple/' }).click();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
  await choices.getByRole('button', { name: '🦆 lake/catalog.ducklake' }).click();
  await page.getByTestId('catalog-table').selectOption('main.people');
  await expectRows(page, 'main.people', 15);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('broken catalogs say what is wrong in the panel that needs them, naming the file', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'lakelab-broken-'));
  const malformed = join(ducklakeFixtures, 'malformed');
  cpSync(join(malformed, 'unknown-version.sqlite'), join(folder, 'broken', 'unknown-version.sqlite'));
  cpSync(join(malformed, 'not-ducklake.sqlite'), join(folder, 'broken', 'not-ducklake.sqlite'));
  // A catalog one of whose data files is gone: everything but that table's rows still reads.
  cpSync(join(ducklakeFixtures, 'lakelab-generated', 'basic', 'catalog.ducklake'), join(folder, 'broken', 'lake', 'catalog.ducklake'));
  cpSync(join(ducklakeFixtures, 'lakelab-generated', 'basic', 'data'), join(folder, 'broken', 'lake', 'data'), { recursive: true });
  const gone = 'ducklake-01a233c9-dd24-7552-9710-3e2c3facea94.parquet';
  rmSync(join(folder, 'broken', 'lake', 'data', 'main', 'people', gone));
  await page.goto('/');
  await page.getByTestId('folder-input').setInputFiles(join(folder, 'broken'));
  const choices = page.getByRole('list', { name: 'Tables and catalogs in the folder' });
  await choices.getByRole('button', { name: '🦆 broken/unknown-version.sqlite' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Unsupported: broken/unknown-version.sqlite: DuckLake catalog with version "9.9"');
  await choices.getByRole('button', { name: '🦆 broken/not-ducklake.sqlite' }).click();
  await expect(page.getByRole('alert').first()).toContainText('InvalidInput: broken/not-ducklake.sqlite: not a DuckLake catalog (no ducklake_metadata table; its tables: people)');
  await choices.getByRole('button', { name: '🦆 broken/lake/catalog.ducklake' }).click();
  await expectRows(page, 'main.events', 15);
  await page.getByTestId('catalog-table').selectOption('main.people');
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByRole('alert')).toContainText(`NotFound: broken/lake/catalog.ducklake: data file main/people/${gone} of main.people at snapshot 15 is missing from local folder`);
  await expect(page.getByTestId('history').locator('tbody tr[data-row]')).toHaveCount(16);
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(page.getByTestId('files-summary')).toContainText('3 active files');
  await page.screenshot({ path: test.info().outputPath('ducklake-missing-file.png'), fullPage: true });
});
