import { readFileSync } from 'node:fs';
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
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.classList.contains('null') ? null : td.textContent))),
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
  expect(await shownRows(page)).toEqual(expectedRows('simple_table', 4));
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
