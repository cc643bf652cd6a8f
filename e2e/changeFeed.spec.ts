/** The change data feed of delta-rs's cdf-table, opened from a folder: its rows are the cdc files' rows, version 0 the table's first rows as inserts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parquetCodec } from '../src/query/parquetRows.ts';

const table = join(import.meta.dirname, '..', 'test', 'fixtures', 'delta', 'delta-rs', 'cdf-table');
const keys = ['id', 'name', 'birthday', '_change_type', '_commit_version'];
const canonical = (row: Record<string, unknown>) => JSON.stringify(keys.map((k) => (row[k] === null || row[k] === undefined ? null : String(row[k]))));

async function expectedRows(): Promise<string[]> {
  const rows: string[] = [];
  for (let version = 1; version <= 3; version++) {
    const lines = readFileSync(join(table, '_delta_log', `${String(version).padStart(20, '0')}.json`), 'utf8').split('\n').filter((l) => l.trim());
    for (const line of lines) {
      const cdc = (JSON.parse(line) as { cdc?: { path: string; partitionValues: Record<string, string> } }).cdc;
      if (!cdc) continue;
      for (const row of await parquetCodec.readRows(new Uint8Array(readFileSync(join(table, decodeURIComponent(cdc.path)))))) {
        rows.push(canonical({ ...row, ...cdc.partitionValues, _commit_version: version }));
      }
    }
  }
  for (const line of readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'delta', 'delta-rs-expected', 'cdf-table', 'v0', 'rows.jsonl'), 'utf8').split('\n').filter((l) => l.trim())) {
    rows.push(canonical({ ...(JSON.parse(line) as Record<string, unknown>), _change_type: 'insert', _commit_version: 0 }));
  }
  return rows.sort();
}

async function shownRows(page: Page): Promise<string[]> {
  const grid = page.getByTestId('cdf').getByTestId('rows');
  const columns = await grid.locator('thead th').allInnerTexts();
  const rows = await grid.locator('tbody tr').evaluateAll((trs) =>
    trs.filter((tr) => !tr.hasAttribute('aria-hidden')).map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.querySelector('.null') ? null : td.textContent))),
  );
  return rows.map((cells) => canonical(Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? null])))).sort();
}

test('shows the change data feed between two versions: the cdc files where a commit has them, inserts where it has none', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('folder-input').setInputFiles(table);
  await expect(page.getByTestId('selected-version')).toHaveText('at version 3');
  await page.getByRole('tab', { name: 'Diff' }).click();
  await page.getByTestId('diff-from').selectOption('0');
  await page.getByTestId('cdf-load').click();
  await expect(page.getByTestId('cdf-versions')).toContainText('version 0');
  await expect(page.getByTestId('cdf-versions')).toContainText('version 1');
  await expect(page.getByTestId('cdf-versions').locator('li').nth(1)).toContainText('cdc file(s)');
  const expected = await expectedRows();
  await expect.poll(() => shownRows(page)).toEqual(expected);
  await page.screenshot({ path: test.info().outputPath('change-feed.png'), fullPage: true });
});
