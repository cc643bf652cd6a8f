/** SQL across versions: the open table at other versions as simple_table@vN, compared in one query. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const ids = (version: number) =>
  readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'delta', 'delta-rs-expected', 'simple_table', `v${version}`, 'rows.jsonl'), 'utf8')
    .split('\n').filter(Boolean).map((l) => Number((JSON.parse(l) as { id: unknown }).id));

test('compares two versions in one query with simple_table@v1 and simple_table@v4', async ({ page }) => {
  await page.goto('/?sample=simple_table&v=2');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 2');
  await page.getByTestId('sql-input').fill('SELECT (SELECT count(*) FROM simple_table@v1) AS v1, (SELECT count(*) FROM simple_table@v4) AS v4, (SELECT count(*) FROM simple_table) AS here');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-result').locator('tbody td')).toHaveText([String(ids(1).length), String(ids(4).length), String(ids(2).length)], { timeout: 60_000 });

  await page.getByTestId('sql-input').fill('SELECT id FROM simple_table@v4 EXCEPT SELECT id FROM simple_table@v1 ORDER BY id');
  await page.getByTestId('sql-run').click();
  const onlyIn4 = ids(4).filter((id) => !ids(1).includes(id)).sort((a, b) => a - b).map(String);
  await expect(page.getByTestId('sql-result').locator('tbody td')).toHaveText(onlyIn4);
  await page.screenshot({ path: test.info().outputPath('versioned-sql.png'), fullPage: true });

  await page.getByTestId('sql-input').fill('SELECT * FROM simple_table@v9');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-error')).toContainText('version 9 does not exist');
});
