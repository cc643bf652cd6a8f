/** The explorer at 800 px and 1440 px wide: no view scrolls the page sideways (wide tables scroll inside their own box). */
import { expect, test, type Page } from '@playwright/test';

const tabs = ['Data', 'Schema', 'Files', 'Diff', 'Log', 'Protocol', 'Maintenance', 'Write'];

async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `${what}: the page is ${scroll} px wide in a ${client} px window`).toBeLessThanOrEqual(client);
}

for (const width of [800, 1440]) {
  test(`at ${width} px every view of a table fits the window's width`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/?sample=multi_partitioned');
    await expect(page.getByTestId('selected-version')).toHaveText('at version 2');
    await expect(page.getByTestId('growth-chart')).toBeVisible();
    await expectNoSidewaysScroll(page, 'History and Data');
    for (const tab of tabs) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tabpanel')).toBeVisible();
      if (tab === 'Maintenance') {
        await page.getByTestId('retention-preview').click();
        await expect(page.getByTestId('vacuum-summary').or(page.getByTestId('vacuum-refused'))).toBeVisible();
        await expect(page.getByTestId('optimize-summary')).toBeVisible();
      }
      if (tab === 'Diff') {
        await page.getByTestId('diff-from').selectOption('0');
        await page.getByTestId('cdf-load').click();
        await expect(page.getByTestId('cdf-versions')).toBeVisible();
      }
      await expectNoSidewaysScroll(page, tab);
    }
    await page.screenshot({ path: test.info().outputPath(`explorer-${width}.png`), fullPage: true });
  });
}
