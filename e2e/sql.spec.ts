/** The SQL box: results carry their version, statements that would change the table are refused, errors point into the query. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const ids = (version: number) =>
  readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'delta', 'delta-rs-expected', 'simple_table', `v${version}`, 'rows.jsonl'), 'utf8')
    .split('\n').filter(Boolean).map((l) => Number((JSON.parse(l) as { id: unknown }).id));

test('refuses a statement that would drop the registered table, which then still reads as the fixture expects', async ({ page }) => {
  await page.goto('/?sample=simple_table&v=3');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 3');
  await page.getByTestId('sql-input').fill('SELECT 1; DROP TABLE simple_table');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-error')).toContainText('only queries run here: DROP could change simple_table, which is the table at version 3.');
  await page.getByTestId('sql-input').fill('SELECT count(*) AS n, max(id) AS hi FROM simple_table');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-version')).toHaveText('Computed at version 3', { timeout: 60_000 });
  await expect(page.getByTestId('sql-result').locator('tbody td')).toHaveText([String(ids(3).length), String(Math.max(...ids(3)))]);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('shows an error once, with the caret under its position in the query', async ({ page }) => {
  await page.goto('/?sample=simple_table&v=4');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
  await page.getByTestId('sql-input').fill('SELECT id\nFROM simple_table WHERE nope = 1');
  await page.getByTestId('sql-run').click();
  const error = page.getByTestId('sql-error');
  await expect(error).toContainText('Binder Error: Referenced column "nope" not found in FROM clause!', { timeout: 60_000 });
  await expect(page.getByRole('alert')).toHaveCount(1);
  // DuckDB's own copy of the line ("LINE 2: ...") is not repeated in the message.
  await expect(error).not.toContainText('LINE 2');
  const position = page.getByTestId('sql-error-position');
  await expect(position).toContainText('line 2');
  await expect(position).toContainText('FROM simple_table WHERE nope = 1');
  // The caret is drawn under the n of "nope": compare where the two characters are on screen.
  const [caretX, nopeX] = await position.evaluate((pre) => {
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    const at = (find: (node: Text) => number) => {
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const offset = find(node);
        if (offset >= 0 && !node.parentElement?.classList.contains('caret-pad')) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          return range.getBoundingClientRect().left;
        }
      }
      return Number.NaN;
    };
    const nope = at((node) => node.data.indexOf('nope'));
    walker.currentNode = pre;
    const caret = at((node) => node.data.indexOf('^'));
    return [caret, nope];
  });
  expect(Math.abs(caretX - nopeX)).toBeLessThan(1);
  await page.screenshot({ path: test.info().outputPath('sql-error-caret.png'), fullPage: true });
});
