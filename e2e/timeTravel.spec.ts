/** Time travel by time: a ?ts= link, and the date-time control, find the version `lakelab --timestamp` finds. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const bin = join(import.meta.dirname, '..', 'bin', 'lakelab.mjs');
const sample = join(import.meta.dirname, '..', 'public', 'samples', 'simple_table');

/** The version the CLI reads at a time (it says so on stderr). */
function cliVersionAt(ts: string): string {
  const result = spawnSync(process.execPath, [bin, 'schema', sample, '--timestamp', ts], { encoding: 'utf8' });
  return /is version (\d+)/.exec(result.stderr)?.[1] ?? 'none';
}

const cliStderr = (ts: string) => spawnSync(process.execPath, [bin, 'schema', sample, '--timestamp', ts], { encoding: 'utf8' }).stderr;

test('a ?ts= link opens the version committed at or before that time, as the CLI finds it, and the control travels again', async ({ page }) => {
  const ts = '2020-04-27T06:23:20Z';
  await page.goto(`/?sample=simple_table&ts=${encodeURIComponent(ts)}`);
  const cli = cliVersionAt(ts);
  await expect(page.getByTestId('selected-version')).toHaveText(`at version ${cli}`);
  await expect(page.getByTestId('time-travel-result')).toContainText(`${ts} is version ${cli}`);
  await expect(page.getByTestId('time-travel-result')).toContainText("by the commit files' modification times");
  await expect(page).toHaveURL(/[?&]ts=2020-04-27T06%3A23%3A20Z/);

  await page.getByTestId('time-travel-input').fill('2020-04-27T06:23:30');
  await page.getByTestId('time-travel').getByRole('button', { name: 'Go' }).click();
  const second = cliVersionAt('2020-04-27T06:23:30');
  await expect(page.getByTestId('selected-version')).toHaveText(`at version ${second}`);
  expect(second).not.toBe(cli);
  await expect(page).toHaveURL(/[?&]ts=2020-04-27T06%3A23%3A30/);
  await page.reload();
  await expect(page.getByTestId('selected-version')).toHaveText(`at version ${second}`);

  // Clicking a version drops the time from the link.
  await page.getByTestId('history').locator('tr[data-version="4"]').getByRole('button').click();
  await expect(page).toHaveURL(/[?&]v=4/);
  await expect(page).not.toHaveURL(/ts=/);

  // Before the first commit: said in the panel, as the CLI says it.
  await page.getByTestId('time-travel-input').fill('2019-01-01T00:00:00');
  await page.getByTestId('time-travel').getByRole('button', { name: 'Go' }).click();
  await expect(page.getByTestId('time-travel').getByRole('alert')).toContainText('no version was committed at or before 2019-01-01T00:00:00.000Z');
  expect(cliStderr('2019-01-01T00:00:00')).toContain('no version was committed at or before 2019-01-01T00:00:00.000Z');
});
