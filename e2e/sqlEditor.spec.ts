/** The SQL editor on CodeMirror: SQL highlighted, the table's columns and versions completed, Ctrl+Enter runs, under the page's CSP. */
import { expect, test } from '@playwright/test';

test("highlights SQL and completes the table's columns", async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/?sample=basic_partitioned');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 1');
  const editor = page.locator('.sql-code .cm-editor');
  await expect(editor).toBeVisible();
  await expect(page.locator('textarea[data-testid="sql-input"]')).toHaveCount(0);
  // The keyword SELECT is drawn as a token of its own (highlighting).
  await expect(editor.locator('.cm-line span').first()).toHaveText('SELECT');

  const input = page.getByTestId('sql-input');
  await input.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('SELECT count(*) AS n, max(num');
  const completions = page.locator('.cm-tooltip-autocomplete');
  await expect(completions).toContainText('number');
  await completions.getByRole('option', { name: /^number/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' AS hi FROM basic_part');
  await expect(completions).toContainText('basic_partitioned');
  await expect(completions).toContainText('basic_partitioned@v0');
  await page.keyboard.press('Escape');
  await page.keyboard.type('itioned');
  await expect(input).toHaveText('SELECT count(*) AS n, max(number) AS hi FROM basic_partitioned');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('sql-version')).toHaveText('Computed at version 1', { timeout: 60_000 });
  await expect(page.getByTestId('sql-result').locator('tbody td')).toHaveText(['6', '6']);
  await page.screenshot({ path: test.info().outputPath('sql-editor.png'), fullPage: true });
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});
