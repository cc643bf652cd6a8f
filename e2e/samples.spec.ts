/**
 * Every built-in sample at its first and its last version, in every tab: no error where none
 * is expected, the rows the fixtures expect (produced by other engines), the diff between the
 * two versions, SQL at each version; the sample Lakelab must refuse shows its refusal, once.
 * Every table of the DuckLake samples likewise, at its first and last snapshot, against what
 * DuckDB's ducklake extension answered.
 */
import { expect, test, type Page } from '@playwright/test';
import { canonicalRows } from '../test/canonicalRows.ts';
import { sampleCases, type SampleCase } from './sampleExpectations.ts';
import { gridRows, shownErrors } from './pageRows.ts';
import { catalogSampleCases, type CatalogSampleCase } from './catalogExpectations.ts';
import { canonicalExpected } from '../test/support/ducklakeForms.ts';

/** Rows of `a` not in `b`, as multisets of canonical rows. */
function minus(a: string[], b: string[]): string[] {
  const left = [...b];
  return a.filter((row) => {
    const at = left.indexOf(row);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

async function expectNoErrors(page: Page, where: string): Promise<void> {
  expect(await shownErrors(page), where).toEqual([]);
}

async function walkTabs(page: Page, sample: SampleCase, version: number, first: number): Promise<void> {
  const at = `${sample.name} at version ${version}`;
  const expected = await sample.expected(version);

  // History (always above the tabs): every commit, the selected one marked.
  const history = page.getByTestId('history');
  await expect(history.locator('tbody tr[data-row]')).toHaveCount(sample.versions.length === 1 ? 1 : sample.versions[1]! - first + 1);
  await expect(history.locator('tr[aria-selected="true"]')).toHaveAttribute('data-version', String(version));

  await openTab(page, 'Data');
  await expect(page.getByTestId('selected-version')).toHaveText(`at version ${version}`);
  await expect(page.getByTestId('snapshot-summary')).toBeVisible();
  const grid = page.locator('.data-panel > .rows-grid');
  await expect(grid.getByTestId('row-count')).toHaveText(`${expected.length} rows`);
  expect(canonicalRows(await gridRows(grid.getByTestId('rows'))), `${at}: rows`).toEqual(canonicalRows(expected));
  await expectNoErrors(page, `${at}: Data`);

  await openTab(page, 'Schema');
  const columns = await page.getByTestId('schema').locator('tbody tr td:first-child').allInnerTexts();
  for (const column of Object.keys(expected[0] ?? {})) expect(columns, `${at}: schema`).toContain(column);
  await expectNoErrors(page, `${at}: Schema`);

  await openTab(page, 'Files');
  await expect(page.getByTestId('files-summary')).toContainText('active files');
  await expect(page.getByTestId('commit-changes')).toContainText(`Version ${version} added`);
  await expectNoErrors(page, `${at}: Files`);

  await openTab(page, 'Diff');
  await page.getByTestId('diff-from').selectOption(String(first));
  await page.getByTestId('diff-to').selectOption(String(version));
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByTestId('diff-summary')).toContainText(`From version ${first} to ${version}`);
  await page.getByRole('button', { name: 'Show the rows' }).click();
  const before = canonicalRows(await sample.expected(first));
  const after = canonicalRows(expected);
  const removed = minus(before, after);
  const added = minus(after, before);
  await expect(page.getByTestId('diff-removed-count')).toHaveText(`${removed.length} rows removed`);
  await expect(page.getByTestId('diff-added-count')).toHaveText(`${added.length} rows added`);
  const diffGrids = page.locator('.diff-rows [data-testid="rows"]');
  expect(canonicalRows(await gridRows(diffGrids.nth(0))), `${at}: removed rows`).toEqual(removed.sort());
  expect(canonicalRows(await gridRows(diffGrids.nth(1))), `${at}: added rows`).toEqual(added.sort());
  await expectNoErrors(page, `${at}: Diff`);

  await openTab(page, 'Log');
  await expect(page.getByTestId('log-counts')).toContainText('actions');
  await expect(page.getByTestId('log-segment')).toBeVisible();
  await expectNoErrors(page, `${at}: Log`);

  await openTab(page, 'Protocol');
  await expect(page.getByTestId('protocol')).toContainText('Reader version');
  await expectNoErrors(page, `${at}: Protocol`);

  await openTab(page, 'Write');
  await expect(page.getByTestId('write-on')).toHaveValue(/^t\.\S.* = s\.\S/);
  await expect(page.getByRole('button', { name: 'Preview' })).toBeEnabled();
  await expect(page.getByTestId('write-read-only')).toHaveCount(0);
  await expectNoErrors(page, `${at}: Write`);
}

async function expectSqlCount(page: Page, sample: SampleCase, version: number): Promise<void> {
  const result = page.getByTestId('sql-result');
  await expect(result.getByTestId('sql-version')).toHaveText(`Computed at version ${version}`, { timeout: 60_000 });
  await expect(result.locator('tbody td').first()).toHaveText(String((await sample.expected(version)).length));
}

for (const sample of sampleCases.filter((s) => !s.refusedFeature)) {
  test(`${sample.name}: versions ${sample.versions.join(' and ')} in every tab, as the fixtures expect`, async ({ page }) => {
    const first = sample.versions[0]!;
    await page.goto(`/?sample=${sample.name}&v=${first}`);
    await expect(page.getByTestId('table-title')).toHaveText(sample.name);
    for (const version of sample.versions) {
      if (version !== first) await page.getByTestId('history').locator(`tr[data-version="${version}"]`).getByRole('button').click();
      await walkTabs(page, sample, version, first);
    }
    // SQL at the version shown, then at the first again: the result follows the selected version.
    const last = sample.versions[sample.versions.length - 1]!;
    await openTab(page, 'Data');
    await page.getByTestId('sql-input').fill(`SELECT count(*) AS n FROM ${sample.name}`);
    await page.getByTestId('sql-run').click();
    await expectSqlCount(page, sample, last);
    if (last !== first) {
      await page.getByTestId('history').locator(`tr[data-version="${first}"]`).getByRole('button').click();
      await expectSqlCount(page, sample, first);
    }
    await expectNoErrors(page, `${sample.name}: SQL`);
  });
}

for (const sample of sampleCases.filter((s) => s.refusedFeature)) {
  test(`${sample.name}: refused at versions ${sample.versions.join(' and ')}, naming the feature, once`, async ({ page }) => {
    for (const version of sample.versions) {
      await page.goto(`/?sample=${sample.name}&v=${version}`);
      await expect(page.getByTestId('table-title')).toHaveText(sample.name);
      for (const tab of ['Data', 'Schema', 'Files', 'Diff', 'Log', 'Protocol', 'Write']) {
        await openTab(page, tab);
        await expect(page.getByRole('alert')).toHaveCount(1);
        await expect(page.getByRole('alert')).toContainText(`Unsupported: `);
        await expect(page.getByRole('alert')).toContainText(`"${sample.refusedFeature}"`);
      }
    }
  });
}

/** The Diff view's rows, each side's grid, as objects. */
async function diffSides(page: Page): Promise<Record<string, unknown>[][]> {
  const grids = page.locator('.diff-rows [data-testid="rows"]');
  return [await gridRows(grids.nth(0)), await gridRows(grids.nth(1))];
}

async function walkCatalogTabs(page: Page, sample: CatalogSampleCase, table: string, version: number, first: number): Promise<void> {
  const at = `${sample.name} ${table} at snapshot ${version}`;
  const expected = sample.expected(table, version);

  const history = page.getByTestId('history');
  await expect(history.locator('tbody tr[data-row]')).toHaveCount(sample.snapshots);
  await expect(history.locator('tr[aria-selected="true"]')).toHaveAttribute('data-version', String(version));
  await expect(page.getByTestId('catalog-table')).toHaveValue(table);

  await openTab(page, 'Data');
  await expect(page.getByTestId('selected-version')).toHaveText(`at snapshot ${version}`);
  await expect(page.getByTestId('snapshot-summary')).toContainText('DuckLake 1.0');
  const grid = page.locator('.data-panel > .rows-grid');
  await expect(grid.getByTestId('row-count')).toHaveText(`${expected.length} rows`);
  expect(canonicalRows(await gridRows(grid.getByTestId('rows'))), `${at}: rows`).toEqual(canonicalExpected(expected));
  await expectNoErrors(page, `${at}: Data`);

  await openTab(page, 'Schema');
  const columns = await page.getByTestId('schema').locator('tbody tr td:first-child').allInnerTexts();
  for (const column of Object.keys(expected[0] ?? {})) expect(columns, `${at}: schema`).toContain(column);
  await expectNoErrors(page, `${at}: Schema`);

  await openTab(page, 'Files');
  await expect(page.getByTestId('files-summary')).toContainText('active files');
  await expect(page.getByTestId('commit-changes')).toContainText(`Snapshot ${version} added`);
  await expectNoErrors(page, `${at}: Files`);

  // The rows this snapshot changed, as table_changes has them (at the table's first snapshot: every row inserted).
  await openTab(page, 'Diff');
  await page.getByTestId('diff-from').selectOption(String(version - 1));
  await page.getByTestId('diff-to').selectOption(String(version));
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByTestId('diff-summary')).toContainText(`From snapshot ${version - 1} to ${version}`);
  await page.getByRole('button', { name: 'Show the rows' }).click();
  const changes = sample.changes(table, version);
  if (changes) {
    const removed = changes.filter((c) => c.change_type === 'delete' || c.change_type === 'update_preimage');
    await expect(page.getByTestId('diff-removed-count')).toHaveText(`${removed.length} rows removed`);
    await expect(page.getByTestId('diff-added-count')).toHaveText(`${changes.length - removed.length} rows added`);
    expect(canonicalRows((await diffSides(page)).flat()), `${at}: table_changes`).toEqual(canonicalExpected(changes));
  } else {
    expect(version, `${at}: no table_changes in the fixtures past the table's first snapshot`).toBe(first);
    await expect(page.getByTestId('diff-removed-count')).toHaveText('0 rows removed');
    await expect(page.getByTestId('diff-added-count')).toHaveText(`${expected.length} rows added`);
    const added = (await diffSides(page))[1]!.map(({ rowid: _r, change_type: kind, ...row }) => (kind === 'insert' ? row : { kind, ...row }));
    expect(canonicalRows(added), `${at}: inserted rows`).toEqual(canonicalExpected(expected));
  }
  await expectNoErrors(page, `${at}: Diff`);

  await openTab(page, 'Log');
  await expect(page.getByTestId('log-counts')).toContainText('catalog row');
  await expect(page.getByTestId('log-segment')).toContainText(`Snapshot ${version} of`);
  await expectNoErrors(page, `${at}: Log`);

  await openTab(page, 'Catalog');
  await expect(page.getByTestId('protocol')).toContainText('Spec versionDuckLake 1.0');
  await expect(page.getByTestId('catalog-objects')).toContainText(table);
  await expectNoErrors(page, `${at}: Catalog`);

  await openTab(page, 'Write');
  // A sample is the page's copy in memory: it takes DuckLake's writes (insert, delete, update).
  await expect(page.getByTestId('write-operation').locator('option')).toHaveText(['insert', 'delete', 'update']);
  await expect(page.getByTestId('write-ducklake-lease')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Preview', exact: true })).toHaveCount(1);
  await expectNoErrors(page, `${at}: Write`);
}

async function expectCatalogSqlCount(page: Page, sample: CatalogSampleCase, table: string, version: number): Promise<void> {
  const result = page.getByTestId('sql-result');
  await expect(result.getByTestId('sql-version')).toHaveText(`Computed at snapshot ${version}`, { timeout: 60_000 });
  await expect(result.locator('tbody td').first()).toHaveText(String(sample.expected(table, version).length));
}

for (const sample of catalogSampleCases) {
  for (const { name: table, versions } of sample.tables) {
    test(`${sample.name} ${table}: snapshots ${versions.join(' and ')} in every tab, as the extension reads them`, async ({ page }) => {
      const first = versions[0]!;
      await page.goto(`/?sample=${sample.name}&table=${table}&v=${first}`);
      await expect(page.getByTestId('table-title')).toHaveText(sample.name);
      for (const version of versions) {
        if (version !== first) await page.getByTestId('history').locator(`tr[data-version="${version}"]`).getByRole('button').click();
        await walkCatalogTabs(page, sample, table, version, first);
      }
      const last = versions[versions.length - 1]!;
      await openTab(page, 'Data');
      await page.getByTestId('sql-input').fill(`SELECT count(*) AS n FROM ${table.slice(table.indexOf('.') + 1)}`);
      await page.getByTestId('sql-run').click();
      await expectCatalogSqlCount(page, sample, table, last);
      if (last !== first) {
        await page.getByTestId('history').locator(`tr[data-version="${first}"]`).getByRole('button').click();
        await expectCatalogSqlCount(page, sample, table, first);
      }
      await expectNoErrors(page, `${sample.name} ${table}: SQL`);
    });
  }
}
