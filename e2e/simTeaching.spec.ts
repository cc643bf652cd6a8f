import { expect, test } from '@playwright/test';

test('every version in the version chain opens in the explorer: its history, files and rows', async ({ page }) => {
  // blind-appenders: 5 starting rows at v0, then eight appends of 5 rows each (the scenario's own definition).
  await page.goto('/?sim=blind-appenders&seed=1');
  await expect(page.getByTestId('sim-summary')).toContainText('8 commit(s)', { timeout: 60_000 });
  await page.getByTestId('sim-open-v8').click();
  await expect(page.getByTestId('table-title')).toHaveText('Simulated: blind-appenders (seed 1)');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 8');
  await expect(page.getByTestId('history').locator('tbody tr')).toHaveCount(9);
  await expect(page.getByTestId('snapshot-summary')).toContainText('9 files');
  await expect(page.getByTestId('snapshot-summary')).toContainText('45 rows');
  await page.getByTestId('history').locator('tr[data-version="0"]').getByRole('button').click();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 0');
  await expect(page.getByTestId('snapshot-summary')).toContainText('5 rows');

  await page.getByTestId('open-simulator').click();
  await page.getByTestId('sim-open-v3').click();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 3');
  await expect(page.getByTestId('snapshot-summary')).toContainText('20 rows');
});

const slowAppenders = {
  version: 1, name: 'slow-appenders', title: 'Two slow appenders', explanation: 'Each thinks for a minute before it appends.',
  table: { schema: { type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }] }, rows: [{ id: 1 }] },
  writers: ['left', 'right'].map((name, i) => ({ name, steps: [{ read: 'HEAD' }, { think: 60_000 }, { append: [{ id: i + 2 }] }] })),
};

test('a live run can be cancelled: its workers stop and the page says so', async ({ page }) => {
  await page.goto('/?sim=blind-appenders&seed=1');
  await page.getByTestId('sim-import').setInputFiles({ name: 'slow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(slowAppenders)) });
  await expect(page.getByTestId('sim-summary')).toContainText('left: committed', { timeout: 60_000 });
  // Live, the minute of thinking is a real minute: the run is still going when Cancel is clicked.
  await page.getByTestId('sim-run-live').click();
  await page.getByTestId('sim-cancel-live').click();
  await expect(page.getByText('the live run was cancelled')).toBeVisible();
  await expect(page.getByTestId('sim-cancel-live')).toHaveCount(0);
});
