import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const expectedDir = join(import.meta.dirname, '..', 'test', 'fixtures', 'delta', 'delta-rs-expected');

function expectedRows(table: string, version: number): string[] {
  const text = readFileSync(join(expectedDir, table, `v${version}`, 'rows.jsonl'), 'utf8');
  return text.split('\n').filter(Boolean).map((line) => canonicalRow(JSON.parse(line) as Record<string, unknown>)).sort();
}

function canonicalRow(row: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(row).sort().map((key) => [key, row[key] === null ? null : String(row[key])]));
}

async function shownRows(page: Page): Promise<string[]> {
  const grid = page.getByTestId('rows');
  const columns = await grid.locator('thead th').allInnerTexts();
  const rows = await grid.locator('tbody tr').evaluateAll((trs) =>
    trs.filter((tr) => !tr.hasAttribute('aria-hidden')).map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.querySelector('.null') ? null : td.textContent))),
  );
  return rows.map((cells) => canonicalRow(Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? null])))).sort();
}

test('opens a sample, walks its history and time-travels to a version', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Sample tables' }).getByRole('button').first()).toBeVisible();

  await page.getByRole('button', { name: 'simple_table', exact: true }).click();
  await expect(page.getByTestId('table-title')).toHaveText('simple_table');
  const history = page.getByTestId('history');
  await expect(history.locator('tbody tr')).toHaveCount(5);
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
  await expect.poll(() => shownRows(page)).toEqual(expectedRows('simple_table', 4));
  await page.screenshot({ path: test.info().outputPath('latest.png'), fullPage: true });

  await history.locator('tr[data-version="2"]').getByRole('button').click();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 2');
  await expect.poll(() => shownRows(page)).toEqual(expectedRows('simple_table', 2));
  await expect(page).toHaveURL(/sample=simple_table&v=2/);
  await page.screenshot({ path: test.info().outputPath('version-2.png'), fullPage: true });

  await page.reload();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 2');
  await expect.poll(() => shownRows(page)).toEqual(expectedRows('simple_table', 2));
});

test('opens a fixture table from a local folder through the directory input', async ({ page }) => {
  await page.goto('/');
  const folder = join(import.meta.dirname, '..', 'test', 'fixtures', 'delta', 'delta-rs', 'table-with-dv-small');
  await page.getByTestId('folder-input').setInputFiles(folder);
  await expect(page.getByTestId('table-title')).toContainText('table-with-dv-small');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 1');
  // The deletion vector removes rows 0 and 9: values 1..8 remain, as delta-rs reads them.
  await expect.poll(() => shownRows(page)).toEqual(expectedRows('table-with-dv-small', 1));
  await page.screenshot({ path: test.info().outputPath('local-folder.png'), fullPage: true });
});

test('shows a commit of 1,500 actions a page at a time, while the missing data files are reported in the Data panel', async ({ page }) => {
  // A log whose first commit adds 1,500 files that are not there: written here, opened through the directory input.
  const folder = join(mkdtempSync(join(tmpdir(), 'lakelab-e2e-')), 'big_commit');
  mkdirSync(join(folder, '_delta_log'), { recursive: true });
  const schemaString = JSON.stringify({ type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }] });
  const lines = [
    { protocol: { minReaderVersion: 1, minWriterVersion: 2 } },
    { metaData: { id: 'big', format: { provider: 'parquet', options: {} }, schemaString, partitionColumns: [], configuration: {}, createdTime: 0 } },
    ...Array.from({ length: 1500 }, (_, i) => ({ add: { path: `part-${i}.parquet`, partitionValues: {}, size: 100, modificationTime: 0, dataChange: true } })),
    { commitInfo: { timestamp: 0, operation: 'WRITE' } },
  ];
  writeFileSync(join(folder, '_delta_log', '00000000000000000000.json'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  await page.goto('/');
  await page.getByTestId('folder-input').setInputFiles(folder);
  await expect(page.getByTestId('table-title')).toContainText('big_commit');
  await expect(page.getByRole('alert').first()).toContainText('part-');
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(page.getByTestId('log-counts')).toHaveText('1,503 actions: 1 protocol, 1 metaData, 1,500 add, 1 commitInfo');
  await expect(page.locator('.log-action')).toHaveCount(200);
  await page.getByTestId('log-more').click();
  await expect(page.locator('.log-action')).toHaveCount(1200);
  await expect(page.getByTestId('log-more')).toHaveText('Show 303 more (303 not shown)');
  await page.getByTestId('log-more').click();
  await expect(page.locator('.log-action')).toHaveCount(1503);
  await expect(page.getByTestId('log-more')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(page.getByTestId('files-summary')).toContainText('1500 active files');
  const changes = page.getByTestId('commit-changes');
  await expect(changes).toContainText('Version 0 added 1500 file(s) and removed 0');
  await changes.locator('summary').click();
  await expect(changes.locator('li')).toHaveCount(501);
  await expect(changes.locator('li').last()).toHaveText('… and 1000 more added (the Log view has them all)');
});

test('reports a table that needs an unsupported reader feature, and keeps working', async ({ page }) => {
  await page.goto('/?sample=unsupported_feature');
  const error = page.getByRole('alert').first();
  await expect(error).toContainText('Unsupported');
  await expect(error).toContainText('"blahabl"');
  await page.screenshot({ path: test.info().outputPath('unsupported.png'), fullPage: true });
  await page.getByRole('button', { name: 'simple_table', exact: true }).click();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
});

test('shows each view of a version: schema, files, log and protocol', async ({ page }) => {
  await page.goto('/?sample=checkpoint_v2&v=8');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 8');
  await page.getByRole('tab', { name: 'Schema' }).click();
  await expect(page.getByTestId('schema').locator('tbody tr')).toHaveCount(3);
  await page.screenshot({ path: test.info().outputPath('view-schema.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Files' }).click();
  await expect(page.getByTestId('files-summary')).toContainText('7 active files');
  await expect(page.getByTestId('commit-changes')).toContainText('Version 8 added 1 file(s) and removed 0');
  await page.screenshot({ path: test.info().outputPath('view-files.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(page.getByTestId('log-segment')).toContainText('v2 checkpoint at version 8');
  await expect(page.getByTestId('log')).toContainText('commitInfo');
  await expect(page.getByTestId('log-counts')).toHaveText('3 actions: 1 commitInfo, 1 metaData, 1 add');
  await page.screenshot({ path: test.info().outputPath('view-log.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Protocol' }).click();
  await expect(page.getByTestId('protocol')).toContainText('v2Checkpoint');
  await page.screenshot({ path: test.info().outputPath('view-protocol.png'), fullPage: true });
  // The same page in the dark scheme, and the tabs reachable from the keyboard.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('tab', { name: 'Protocol' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Log' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('log')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('view-log-dark.png'), fullPage: true });
});

test('diffs two versions: counts from the files, then the rows', async ({ page }) => {
  await page.goto('/?sample=simple_table&v=4');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
  await page.getByRole('tab', { name: 'Diff' }).click();
  await page.getByTestId('diff-from').selectOption('3');
  await page.getByTestId('diff-to').selectOption('4');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByTestId('diff-summary')).toContainText('From version 3 to 4');
  await page.getByRole('button', { name: 'Show the rows' }).click();
  const before = expectedRows('simple_table', 3);
  const after = expectedRows('simple_table', 4);
  const removed = before.filter((r) => !after.includes(r));
  const added = after.filter((r) => !before.includes(r));
  await expect(page.getByTestId('diff-removed-count')).toHaveText(`${removed.length} rows removed`);
  await expect(page.getByTestId('diff-added-count')).toHaveText(`${added.length} rows added`);
  await page.screenshot({ path: test.info().outputPath('view-diff.png'), fullPage: true });
});

test('runs SQL over the table at a version in duckdb-wasm', async ({ page }) => {
  await page.goto('/?sample=simple_table&v=1');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 1');
  await page.getByTestId('sql-input').fill('SELECT count(*) AS n, min(id) AS lo, max(id) AS hi FROM simple_table');
  await page.getByTestId('sql-run').click();
  const ids = expectedRows('simple_table', 1).map((r) => Number((JSON.parse(r) as [string, string][])[0]![1]));
  const grid = page.getByTestId('sql-result').getByTestId('rows');
  await expect(grid.locator('tbody td')).toHaveText([String(ids.length), String(Math.min(...ids)), String(Math.max(...ids))], { timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath('view-sql.png'), fullPage: true });
});

test('compares schemas across a schema change, and charts the table over versions', async ({ page }) => {
  await page.goto('/?sample=with_schema_change&v=1');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 1');
  await expect(page.getByTestId('growth-chart')).toContainText('files:');
  await page.getByRole('tab', { name: 'Schema' }).click();
  await page.getByTestId('schema-compare-version').selectOption('0');
  await page.getByRole('button', { name: 'Compare schemas' }).click();
  const changes = page.getByTestId('schema-changes');
  await expect(changes).toContainText('From version 0 to 1: 4 change(s)');
  await expect(changes).toContainText('dropped letter (string)');
  await expect(changes).toContainText('added num1 (long)');
  await page.screenshot({ path: test.info().outputPath('view-schema-diff.png'), fullPage: true });
});

test('keeps the initial JavaScript under 400 KB gzipped (duckdb-wasm and parquet-wasm load later)', async ({ page, request }) => {
  await page.goto('/');
  const scripts = await page.locator('script[type="module"][src]').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
  const { gzipSync } = await import('node:zlib');
  let total = 0;
  for (const src of scripts) total += gzipSync(await (await request.get(src)).body()).length;
  expect(scripts.length).toBeGreaterThan(0);
  expect(total).toBeLessThan(400 * 1024);
});

test('opens a table by URL and keeps it in the page link', async ({ page, baseURL }) => {
  await page.goto('/');
  await page.getByLabel('Table URL').fill(`${baseURL}/samples/simple_table_with_checkpoint`);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 10');
  await expect(page).toHaveURL(/url=.*simple_table_with_checkpoint.*&v=10/);
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(page.getByTestId('log-segment')).toContainText('classic checkpoint at version 10');
  await page.reload();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 10');
});

test('a link whose table URL is not http or https is refused, saying what to give', async ({ page }) => {
  await page.goto('/?url=javascript:alert(1)');
  await expect(page.getByRole('alert').first()).toContainText('is not a table URL: give an http:// or https:// address of the table\'s folder');
});
