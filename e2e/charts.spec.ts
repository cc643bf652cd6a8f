/** Charts on uPlot: axes with values, the selected version marked, drawn under the page's Content-Security-Policy. */
import { expect, test } from '@playwright/test';

test('charts rows, files and bytes over versions with axes and the selected version marked', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/?sample=simple_table&v=4');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
  const rows = page.getByTestId('growth-files');
  await expect(rows.locator('canvas')).toHaveCount(1);
  await expect(rows).toHaveAttribute('data-marked', '4');
  // Axes are drawn on the canvas; the legend reads the values under the cursor.
  await expect(rows.locator('.u-axis')).toHaveCount(2);
  const over = rows.locator('.u-over');
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
  await expect(rows.locator('.u-legend .u-series').first().locator('.u-value')).toHaveText('4');
  await expect(rows.locator('.u-legend .u-series').nth(1).locator('.u-value')).toHaveText('5');
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await expect(rows.locator('.u-legend .u-series').first().locator('.u-value')).toHaveText('0');
  await page.getByTestId('history').locator('tr[data-version="2"]').getByRole('button').click();
  await expect(rows).toHaveAttribute('data-marked', '2');
  await expect(page.getByTestId('growth-chart')).toContainText('version 2 marked');
  await page.getByTestId('growth-chart').screenshot({ path: test.info().outputPath('growth-chart.png') });
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});
