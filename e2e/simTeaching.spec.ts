import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/** The trace the page exports, as JSON lines. */
async function exportedTrace(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sim-export-trace').click()]);
  return readFile((await download.path())!, 'utf8');
}

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

/** The scenario a page link carries (base64url JSON), as the test reads it back. */
function linkedScenario(url: string): unknown {
  const text = new URL(url).searchParams.get('scenario')!;
  return JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
}

test('builds a scenario in the editor, runs it as lakelab sim does, and replays it from its link', async ({ page }, testInfo) => {
  await page.goto('/?sim=seed-pinned-merge&seed=7');
  await expect(page.getByTestId('sim-summary')).toContainText('merge: ConcurrentDeleteRead', { timeout: 60_000 });
  await page.getByTestId('sim-edit').click();
  await page.getByTestId('sim-edit-title').fill('The seed, with an appender instead of the cleanup');
  await page.getByTestId('sim-edit-writer-1-remove').click();
  await page.getByTestId('sim-edit-add-writer').click();
  await expect(page.getByTestId('sim-edit-writer-1-name')).toHaveValue('writer-2');
  await page.getByTestId('sim-edit-isolation').selectOption('WriteSerializable');
  // An edit the validator refuses: said as it is typed, and the scenario cannot run.
  await page.getByTestId('sim-edit-writer-1-add-step').selectOption('delete');
  await page.getByTestId('sim-edit-writer-1-step-2-where').fill('');
  await expect(page.getByTestId('sim-edit-status')).toContainText('scenario .writers[1].steps[2].delete: must be a predicate');
  await expect(page.getByTestId('sim-edit-run')).toBeDisabled();
  await page.getByTestId('sim-edit-writer-1-step-2-where').fill("filename = 'batch_001.csv'");
  await expect(page.getByTestId('sim-edit-status')).toContainText('Valid: 2 writer(s).');
  await page.getByTestId('sim-edit-run').click();
  await expect(page.getByTestId('sim-summary')).toContainText('writer-2:', { timeout: 60_000 });
  await expect(page.getByTestId('sim-explanation')).toContainText('The seed, with an appender instead of the cleanup');

  // The link carries the edited scenario; lakelab sim runs the same document to the same trace.
  await expect(page).toHaveURL(/scenario=/);
  const scenario = linkedScenario(page.url()) as { title: string; isolationLevel: string; writers: { name: string }[] };
  expect(scenario.title).toBe('The seed, with an appender instead of the cleanup');
  expect(scenario.isolationLevel).toBe('WriteSerializable');
  expect(scenario.writers.map((w) => w.name)).toEqual(['merge', 'writer-2']);
  const file = testInfo.outputPath('edited.json');
  mkdirSync(testInfo.outputDir, { recursive: true });
  writeFileSync(file, JSON.stringify(scenario));
  const inNode = execFileSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'lakelab.mjs'), 'sim', file, '--seed', '7', '--format', 'jsonl'], { encoding: 'utf8' });
  const trace = await exportedTrace(page);
  expect(trace).toBe(inNode);

  await page.reload();
  await expect(page.getByTestId('sim-summary')).toContainText('writer-2:', { timeout: 60_000 });
  expect(await exportedTrace(page)).toBe(trace);
});

test('a link whose scenario was cut says so where the run would be', async ({ page }) => {
  await page.goto('/?scenario=eyJ2ZXJzaW9uIjox&seed=1');
  await expect(page.getByText("the link's scenario cannot be read")).toBeVisible({ timeout: 30_000 });
});

test('workshop mode hides the outcome, asks the room before each decisive event, and reveals at the end', async ({ page }) => {
  await page.goto('/?sim=seed-pinned-merge&seed=7');
  await expect(page.getByTestId('sim-summary')).toContainText('merge: ConcurrentDeleteRead', { timeout: 60_000 });
  await page.getByTestId('sim-workshop').check();
  await expect(page.getByTestId('sim-summary')).toHaveCount(0);
  await expect(page.getByTestId('version-chain')).toHaveCount(0);
  await expect(page.getByTestId('sim-explanation')).toHaveCount(0);
  await expect(page.getByTestId('swimlane').locator('.event-label')).toHaveCount(0);
  // Keyboard: n goes to the next decisive event, which is asked about before it is shown.
  await page.keyboard.press('n');
  const prompt = page.getByTestId('sim-predict');
  await expect(prompt).toContainText("merge lost version 1 to cleanup's commit");
  await expect(page.getByTestId('sim-focus')).not.toContainText('checked');
  await page.getByTestId('sim-predict-retries').click();
  await expect(page.getByTestId('sim-prediction-result')).toContainText('Not this time: you said "no conflict: it tries the next version"; it conflicts: the commit fails.');
  await expect(page.getByTestId('sim-focus')).toContainText('merge · checked');
  await expect(page.getByTestId('sim-summary')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('workshop.png'), fullPage: true });
  // → steps to the end: then everything is revealed, with the room's score.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('sim-workshop-score')).toContainText('The room predicted 0 of 1 decisive moment(s) rightly.');
  await expect(page.getByTestId('sim-summary')).toContainText('merge: ConcurrentDeleteRead');
  await expect(page.getByTestId('version-chain')).toContainText('v1');
});

test('on a conflict the page shows what the loser read, what the winner changed, and the rule in two voices', async ({ page }) => {
  await page.goto('/?sim=seed-pinned-merge&seed=7');
  await expect(page.getByTestId('sim-summary')).toContainText('merge: ConcurrentDeleteRead', { timeout: 60_000 });
  await page.getByTestId('sim-next-conflict').click();
  const details = page.getByTestId('conflict-details');
  await expect(details).toContainText('What merge read');
  await expect(details).toContainText('MERGE at version 0');
  // The starting table's one file holds batch_001's rows; the cleanup's delete removed it, and that decided it.
  await expect(page.getByTestId('conflict-read').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('conflict-read')).toContainText('batch_001.csv … batch_001.csv');
  await expect(details).toContainText('What cleanup changed in version 1 (DELETE)');
  await expect(page.getByTestId('conflict-removed').locator('tbody tr.removed')).toHaveCount(1);
  const removed = await page.getByTestId('conflict-removed').locator('td.path').first().textContent();
  const read = await page.getByTestId('conflict-read').locator('td.path').first().textContent();
  expect(removed).toBe(read);
  await expect(page.getByTestId('conflict-delta-rs-words')).toHaveText('Failed to commit transaction: Commit failed: a concurrent transaction deleted data this operation read.');
  await expect(page.getByTestId('conflict-plain-words')).toContainText('The winner removed a file this transaction read');
});

test("the lease scenarios commit to a real DuckLake catalog: the lost update is a snapshot and a batch missing from it", async ({ page }) => {
  // lease-ignored: batch_000 at setup, run-a loads batch_001 and run-b batch_002, both ignoring the lease.
  await page.goto('/?sim=lease-ignored&seed=3');
  await expect(page.getByTestId('sim-violations')).toContainText("run-a's catalog update", { timeout: 60_000 });
  await page.getByTestId('sim-open-catalog').click();
  await expect(page.getByTestId('table-title')).toHaveText("Simulated: lease-ignored's DuckLake catalog (seed 3)");
  const history = page.getByTestId('history');
  // The empty catalog's snapshot, the table created and its first batch (setup), then run-b's: run-a's is gone.
  await expect(history.locator('tbody tr[data-row]')).toHaveCount(4);
  await expect(history).toContainText('run-b');
  await expect(history).not.toContainText('run-a');
  await expect(page.getByTestId('snapshot-summary')).toContainText('2 rows');
  await expect(page.getByRole('table').filter({ hasText: 'loaded_by' }).first()).toContainText('batch_002');
  await expect(page.getByRole('table').filter({ hasText: 'loaded_by' }).first()).not.toContainText('batch_001');
});

test('the sweep runs the selected scenario with 1 to 16 writers, charted with axes and values', async ({ page }) => {
  await page.goto('/?sim=blind-appenders&seed=1');
  await expect(page.getByTestId('sim-summary')).toContainText('8 commit(s)', { timeout: 60_000 });
  await page.getByTestId('sim-sweep-selected').click();
  const chart = page.getByTestId('sweep-chart');
  await expect(chart).toHaveAttribute('aria-label', /^1 writers: .*; 16 writers: /, { timeout: 120_000 });
  await expect(chart).toContainText('Eight blind appenders all succeed, scaled to each number of writers');
  // At 8 writers the scaled scenario is the scenario itself: the figures lakelab sim prints for it.
  const summary = JSON.parse(execFileSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'lakelab.mjs'), 'sim', 'blind-appenders', '--seed', '1', '--format', 'jsonl'], { encoding: 'utf8' }).trim().split('\n').at(-1)!).summary as { throughput: number };
  await expect(chart).toHaveAttribute('aria-label', new RegExp(`8 writers: conflict rate 0, ${summary.throughput} commits/s`));
  await expect(page.getByTestId('sweep-conflicts').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('sweep-throughput')).toContainText('writers');
});

test('the editor shows a catalog database writer as one, and its unchanged scenario runs to the same trace', async ({ page }) => {
  await page.goto('/?sim=ducklake-database-writers&seed=2');
  await expect(page.getByTestId('sim-summary')).toContainText('dl-cleanup:', { timeout: 90_000 });
  const before = await exportedTrace(page);
  await page.getByTestId('sim-edit').click();
  await expect(page.getByTestId('sim-edit-writer-7-catalog-writer')).toBeChecked();
  await expect(page.getByTestId('sim-edit-writer-7-catalog-plan')).toHaveValue(/"delete": "id < 3"/);
  await expect(page.getByTestId('sim-edit-status')).toContainText('Valid: 8 writer(s).');
  await page.getByTestId('sim-edit-run').click();
  await expect(page).toHaveURL(/scenario=/, { timeout: 90_000 });
  await expect(page.getByTestId('sim-summary')).toContainText('dl-cleanup:', { timeout: 90_000 });
  expect(await exportedTrace(page)).toBe(before);
});
