/**
 * The Maintenance view: what VACUUM and log cleanup would delete, on the simple_table sample,
 * checked file by file against the sample's folder and log read here as plain files.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const sampleDir = join(import.meta.dirname, '..', 'public', 'samples', 'simple_table');
const bin = join(import.meta.dirname, '..', 'bin', 'lakelab.mjs');

/** The data files of the folder that the latest version does not read (a plain JSON replay of the log). */
function unreadDataFiles(): string[] {
  const active = new Set<string>();
  for (const name of readdirSync(join(sampleDir, '_delta_log')).filter((n) => /^\d{20}\.json$/.test(n)).sort()) {
    for (const line of readFileSync(join(sampleDir, '_delta_log', name), 'utf8').split('\n').filter((l) => l.trim())) {
      const action = JSON.parse(line) as { add?: { path: string }; remove?: { path: string } };
      if (action.add) active.add(action.add.path);
      if (action.remove) active.delete(action.remove.path);
    }
  }
  return readdirSync(sampleDir).filter((n) => n.endsWith('.parquet') && !active.has(n)).sort();
}

test('previews VACUUM: refused below the table retention, then full at 0 hours names every unread data file and the versions lost', async ({ page }) => {
  await page.goto('/?sample=simple_table');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
  await page.getByRole('tab', { name: 'Maintenance' }).click();
  const retention = page.getByTestId('retention');
  await retention.getByTestId('retention-hours').fill('1');
  await retention.getByTestId('retention-preview').click();
  await expect(retention.getByTestId('vacuum-refused')).toContainText('minimum retention for vacuum is configured to be greater than 168 hours, got 1 hours');

  await retention.getByLabel('enforce the table\'s retention').uncheck();
  await retention.getByTestId('retention-hours').fill('0');
  await retention.getByTestId('retention-mode').selectOption('full');
  await retention.getByTestId('retention-preview').click();
  await expect(retention.getByTestId('vacuum-summary')).toContainText('would delete 32 file(s)');
  await expect(retention.getByTestId('vacuum-summary')).toContainText('lose version(s) 0, 1, 2, 3.');
  const shown = (await retention.getByTestId('vacuum-files').locator('tbody td.path').allInnerTexts()).sort();
  expect(shown).toEqual(unreadDataFiles());
  await expect(retention.getByTestId('log-cleanup-summary')).toContainText('nothing: no checkpoint');
  await page.screenshot({ path: test.info().outputPath('vacuum-preview.png'), fullPage: true });
});

test('previews log cleanup on a checkpointed table: the commits before checkpoint 10 once past the log retention', async ({ page }) => {
  await page.goto('/?sample=simple_table_with_checkpoint');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 10');
  await page.getByRole('tab', { name: 'Maintenance' }).click();
  const retention = page.getByTestId('retention');
  await retention.getByTestId('retention-preview').click();
  // The sample's commits are dated 2021 (its lakelab-index.json): all past 30 days.
  await expect(retention.getByTestId('log-cleanup-summary')).toContainText('before checkpoint 10');
  await expect(retention.getByTestId('log-cleanup-summary')).toContainText('version(s) lost: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9');
});

test("previews OPTIMIZE at a target size, and lakelab optimize then writes exactly those bins", async ({ page }) => {
  await page.goto('/?sample=simple_table');
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
  await page.getByRole('tab', { name: 'Maintenance' }).click();
  const layout = page.getByTestId('layout');
  await expect(layout.getByTestId('optimize-summary')).toContainText('rewrite 5 file(s)');
  await expect(layout.getByTestId('optimize-summary')).toContainText('into 1 in 1 partition(s)');
  // 0.001 MiB = 1049 bytes: the five files (429, 429, 429, 262, 262 bytes) pack into two bins.
  await layout.getByTestId('layout-target').fill('0.001');
  await layout.getByTestId('layout-preview').click();
  await expect(layout.getByTestId('optimize-summary')).toContainText('target 1.0 KiB');
  await expect(layout.getByTestId('optimize-summary')).toContainText('into 2 in 1 partition(s)');
  await layout.getByTestId('layout-partitions').locator('summary').click();
  const bins = await layout.getByTestId('optimize-bin').evaluateAll((lis) => lis.map((li) => [...li.querySelectorAll('.bin-file')].map((c) => (c.textContent ?? '').trim()).sort()));
  await page.screenshot({ path: test.info().outputPath('optimize-preview.png'), fullPage: true });

  const copy = mkdtempSync(join(tmpdir(), 'lakelab-optimize-'));
  try {
    cpSync(sampleDir, copy, { recursive: true });
    execFileSync(process.execPath, [bin, 'optimize', copy, '--target-size', '1049'], { encoding: 'utf8' });
    const commit = readFileSync(join(copy, '_delta_log', '00000000000000000005.json'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, { path: string }>);
    const removed = commit.flatMap((a) => (a.remove ? [a.remove.path] : [])).sort();
    expect(removed).toEqual(bins.flat().sort());
    expect(commit.filter((a) => a.add)).toHaveLength(bins.length);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
