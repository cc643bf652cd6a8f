/** The rows grid on TanStack Table: sort by a column (both ways), filter under it, resize it by dragging its edge. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const ids = (version: number) =>
  readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'delta', 'delta-rs-expected', 'simple_table', `v${version}`, 'rows.jsonl'), 'utf8')
    .split('\n').filter(Boolean).map((l) => Number((JSON.parse(l) as { id: unknown }).id));

test('sorts, filters and resizes the rows of a version', async ({ page }) => {
  await page.goto('/?sample=simple_table&v=1');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 1');
  const grid = page.getByTestId('rows').first();
  const column = () => grid.locator('tbody tr:not([aria-hidden]) td:first-child').allInnerTexts();
  await expect.poll(async () => (await column()).length).toBe(ids(1).length);
  await grid.getByRole('button', { name: 'Sort by id', exact: true }).click();
  await expect(grid.locator('th').first()).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(column).toEqual([...ids(1)].sort((a, b) => a - b).map(String));
  await grid.getByRole('button', { name: 'Sort by id', exact: true }).click();
  await expect.poll(column).toEqual([...ids(1)].sort((a, b) => b - a).map(String));
  await expect(grid.locator('th').first()).toHaveText('id');

  const wanted = String(ids(1)[0]);
  await grid.getByLabel('Filter id').fill(wanted);
  await expect.poll(column).toEqual(ids(1).map(String).filter((id) => id.includes(wanted)).sort((a, b) => Number(b) - Number(a)));
  await grid.getByLabel('Filter id').fill('');

  const header = grid.locator('th').first();
  const before = (await header.boundingBox())!.width;
  const handle = (await grid.getByRole('separator', { name: 'Resize id' }).boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + 120, handle.y + handle.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await header.boundingBox())!.width).toBeGreaterThan(before + 50);
  await page.screenshot({ path: test.info().outputPath('data-grid.png'), fullPage: true });
});
