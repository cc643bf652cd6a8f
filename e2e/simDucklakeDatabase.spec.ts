import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

/** What `lakelab sim --format jsonl` prints for the same scenario and seed. */
function traceInNode(scenario: string, seed: number): string {
  const bin = join(import.meta.dirname, '..', 'bin', 'lakelab.mjs');
  return execFileSync(process.execPath, [bin, 'sim', scenario, '--seed', String(seed), '--format', 'jsonl'], { encoding: 'utf8' });
}

test('DuckLake catalog database writers: the page gives lakelab sim\'s trace, compares the rule sets beside DuckLake on its real commits, and opens the catalog they left', async ({ page }) => {
  await page.goto('/?sim=ducklake-database-writers&seed=2');
  await expect(page.getByTestId('sim-summary')).toContainText('dl-cleanup: ConcurrentAppend', { timeout: 90_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sim-export-trace').click()]);
  expect(await readFile((await download.path())!, 'utf8')).toBe(traceInNode('ducklake-database-writers', 2));

  // The version chain is the Delta table's: setup, three appends, the cleanup; the catalog's snapshots are not Delta versions.
  await expect(page.getByTestId('version-chain').locator('li')).toHaveCount(5);
  await expect(page.getByTestId('version-chain')).not.toContainText('dl-');
  await expect(page.getByTestId('swimlane').locator('.event-label')).toContainText(['snapshot 3', 'v1']);

  await page.getByTestId('sim-compare').click();
  await expect(page.getByTestId('compare-conflicts-delta-rs')).toHaveText('no conflicts', { timeout: 90_000 });
  await expect(page.getByTestId('compare-conflicts-spark')).toHaveText('ConcurrentAppend 1');
  await expect(page.getByTestId('compare-conflicts-ducklake')).toHaveText('ConcurrentAppend 1');
  await expect(page.getByTestId('compare-commits-catalog')).toHaveText('3');
  await expect(page.getByTestId('compare-conflicts-catalog')).toHaveText('ConcurrentAppend 1');
  await expect(page.getByTestId('sim-comparison-catalog')).toContainText('dl-append-1, dl-append-2, dl-append-3, dl-cleanup');

  await page.getByTestId('sim-open-catalog').click();
  await expect(page.getByTestId('table-title')).toHaveText("Simulated: ducklake-database-writers's DuckLake catalog (seed 2)");
  // The empty catalog's snapshot, the table created and its rows (setup), then one per appender; the cleanup's never committed.
  const history = page.getByTestId('history');
  await expect(history.locator('tbody tr[data-row]')).toHaveCount(6);
  await expect(history).toContainText('dl-append-1');
  await expect(history).not.toContainText('dl-cleanup');
  await expect(page.getByTestId('snapshot-summary')).toContainText('8 rows');
});
