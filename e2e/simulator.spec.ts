import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

/** The trace the page exports, as JSON lines. */
async function exportedTrace(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sim-export-trace').click()]);
  return readFile((await download.path())!, 'utf8');
}

/** What `lakelab sim --format jsonl` prints for the same scenario and seed (judged by `rules`). */
function traceInNode(scenario: string, seed: number, rules = 'delta-rs'): string {
  const bin = join(import.meta.dirname, '..', 'bin', 'lakelab.mjs');
  return execFileSync(process.execPath, [bin, 'sim', scenario, '--seed', String(seed), '--rules', rules, '--format', 'jsonl'], { encoding: 'utf8' });
}

interface Figures { commits: number; conflicts: Record<string, number>; retries: number; recomputes: number; wasted: number; wastedFiles: number }
/** The summary line `lakelab sim --format jsonl` ends with. */
function summaryInNode(scenario: string, seed: number, rules: string): Figures & { outcomes: Record<string, string>; writers: Record<string, Figures> } {
  return (JSON.parse(traceInNode(scenario, seed, rules).trim().split('\n').at(-1)!) as { summary: never }).summary;
}

test('plays the seed race in the simulator, steps to the conflict, and replays it from the link', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('open-simulator').click();
  await page.getByTestId('sim-scenario').selectOption('seed-pinned-merge');
  await page.getByTestId('sim-seed').fill('7');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-summary')).toContainText('merge: ConcurrentDeleteRead', { timeout: 60_000 });
  await expect(page.getByTestId('sim-summary')).toContainText('cleanup: committed');
  await expect(page.getByTestId('sim-summary')).toContainText('Invariants: all hold');

  await page.getByTestId('sim-next-conflict').click();
  const focus = page.getByTestId('sim-focus');
  await expect(focus).toContainText('merge · conflict');
  await expect(focus).toContainText('Failed to commit transaction: Commit failed: a concurrent transaction deleted data this operation read.');
  await expect(focus).toContainText('It lost to version 1.');
  await expect(page.getByTestId('sim-advice')).toContainText('Re-checked against version 1 under every isolation level and rule set: nothing would have let it through');
  await expect(page.getByTestId('conflict-graph')).toHaveAttribute('aria-label', 'merge read version 0; cleanup committed version 1');
  await expect(page.getByTestId('version-chain')).toContainText('v1');
  await expect(page.getByTestId('swimlane').locator('.conflict-arrow.focused title')).toHaveText("merge's ConcurrentDeleteRead: caused by version 1, committed by cleanup");
  await expect(page.getByTestId('swimlane').locator('.event-label')).toContainText(['v1', 'ConcurrentDeleteRead']);
  await expect(page.getByTestId('swimlane-key')).toContainText('conflict → the commit that caused it');
  await page.screenshot({ path: test.info().outputPath('simulator.png'), fullPage: true });
  await page.getByTestId('sim-back').click();
  await expect(focus).not.toContainText('· conflict');

  await page.getByTestId('sim-compare').click();
  await expect(page.getByTestId('compare-conflicts-delta-rs')).toHaveText('ConcurrentDeleteRead 1');
  await expect(page.getByTestId('compare-conflicts-spark')).toHaveText('ConcurrentDeleteRead 1');

  await expect(page).toHaveURL(/sim=seed-pinned-merge&seed=7/);
  const trace = await exportedTrace(page);
  expect(trace).toContain('"conflictKind":"ConcurrentDeleteRead"');
  await page.reload();
  await expect(page.getByTestId('sim-summary')).toContainText('merge: ConcurrentDeleteRead', { timeout: 60_000 });
  expect(await exportedTrace(page)).toBe(trace);
});

test('the same (scenario, seed) gives the same trace in Chromium as in Node', async ({ page }) => {
  await page.goto('/?sim=retry-storm&seed=11');
  await expect(page.getByTestId('sim-summary')).toContainText('Invariants: all hold', { timeout: 60_000 });
  const inNode = traceInNode('retry-storm', 11);
  expect(await exportedTrace(page)).toBe(inNode);
  // A trace this short is drawn whole: a dot per event.
  await expect(page.getByTestId('swimlane').locator('circle.trace-dot:not(.focus)')).toHaveCount(inNode.trim().split('\n').length - 1);
});

test('a race that starts from a served sample gives the same trace in Chromium as in Node', async ({ page }) => {
  await page.goto('/?sim=spark-table-file-stats&seed=3');
  await expect(page.getByTestId('sim-summary')).toContainText('trim: ConcurrentAppend', { timeout: 60_000 });
  await expect(page.getByTestId('sim-summary')).toContainText('Invariants: all hold');
  await expect(page.getByTestId('version-chain')).toContainText('v1starting table');
  expect(await exportedTrace(page)).toBe(traceInNode('spark-table-file-stats', 3));
});

test('runs blind appenders live, each in its own Web Worker against one shared store', async ({ page }) => {
  await page.goto('/?sim=blind-appenders&seed=1');
  await expect(page.getByTestId('sim-summary')).toContainText('Invariants: all hold', { timeout: 60_000 });
  await page.getByTestId('sim-run-live').click();
  const summary = page.getByTestId('sim-summary');
  await expect(summary).toContainText('live run', { timeout: 120_000 });
  await expect(summary).toContainText('8 commit(s)');
  await expect(summary).toContainText('Invariants: all hold');
  for (let w = 1; w <= 8; w++) await expect(summary).toContainText(`appender-${w}: committed`);
});

test('imports a scenario from JSON and runs it', async ({ page }, testInfo) => {
  const scenario = {
    version: 1, name: 'two-appenders', title: 'Two appenders', explanation: 'Both commit: blind appends do not conflict.',
    table: { schema: { type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }] }, rows: [{ id: 1 }] },
    writers: [
      { name: 'left', steps: [{ read: 'HEAD' }, { append: [{ id: 2 }] }] },
      { name: 'right', steps: [{ read: 'HEAD' }, { append: [{ id: 3 }] }] },
    ],
  };
  const file = testInfo.outputPath('two-appenders.json');
  const { writeFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(testInfo.outputDir, { recursive: true });
  writeFileSync(file, JSON.stringify(scenario));
  await page.goto('/?sim=blind-appenders&seed=2');
  await page.getByTestId('sim-import').setInputFiles(file);
  const summary = page.getByTestId('sim-summary');
  await expect(summary).toContainText('left: committed', { timeout: 60_000 });
  await expect(summary).toContainText('right: committed');
  await expect(page.getByTestId('sim-explanation')).toContainText('Two appenders');
});

test('sweeps the number of writers and charts conflicts and throughput', async ({ page }) => {
  await page.goto('/?sim=retry-storm&seed=1');
  await expect(page.getByTestId('sim-summary')).toContainText('Invariants: all hold', { timeout: 60_000 });
  await page.getByTestId('sim-sweep').click();
  await expect(page.getByTestId('sweep-chart')).toHaveAttribute('aria-label', /^1 writers: conflict rate 0, .*16 writers: conflict rate 0\.\d+/, { timeout: 120_000 });
  await page.screenshot({ path: test.info().outputPath('simulator-sweep.png'), fullPage: true });
});

test('runs a scenario over 500 seeds in the worker, with a progress bar, and cancels one', async ({ page }) => {
  await page.goto('/?sim=delete-vs-delete&seed=1');
  await expect(page.getByTestId('sim-summary')).toContainText('Invariants: all hold', { timeout: 60_000 });
  await page.getByTestId('sim-seeds').click();
  await expect(page.getByTestId('sim-batch-progress')).toBeVisible();
  const statistics = page.getByTestId('sim-seed-statistics');
  await expect(statistics).toContainText('delete-vs-delete, seeds 1 to 500: 1.0 commits a run (1 to 1); conflicts ConcurrentDeleteRead 500; invariants broken in 0 run(s).', { timeout: 180_000 });
  await expect(page.getByTestId('sim-batch')).toHaveCount(0);
  // The page stays responsive meanwhile: another scenario's many-seed run, cancelled part-way.
  await page.goto('/?sim=retry-storm&seed=1');
  await expect(page.getByTestId('sim-summary')).toContainText('Invariants: all hold', { timeout: 60_000 });
  await page.getByTestId('sim-seeds').click();
  await expect(page.getByTestId('sim-batch')).toContainText(/Run [1-9]\d* of 500/, { timeout: 60_000 });
  await page.getByTestId('sim-batch-cancel').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Aborted' })).toContainText(/500 seeds of retry-storm was cancelled after \d+ of 500 runs/);
  await expect(page.getByTestId('sim-batch')).toHaveCount(0);
});

test('draws who holds the lease: a crashed holder keeps it until the staleness window lets another run break it', async ({ page }) => {
  await page.goto('/?sim=lease-crash-recovery&seed=1');
  await expect(page.getByTestId('sim-summary')).toContainText('run-3: committed', { timeout: 60_000 });
  const spans = page.getByTestId('swimlane').getByTestId('lease-span');
  await expect(spans).toHaveCount(2);
  await expect(spans.nth(0).locator('title')).toHaveText('run-1 held the lease 33-46800050 ms (its holder crashed): broken');
  await expect(spans.nth(1).locator('title')).toHaveText('run-3 held the lease 46800112-46860225 ms: released');
  await page.screenshot({ path: test.info().outputPath('simulator-lease.png'), fullPage: true });
});

test('the rule comparison shows, per rule set, the figures lakelab sim --rules prints for the same race', async ({ page }) => {
  await page.goto('/?sim=compaction-vs-writers&seed=2');
  await expect(page.getByTestId('sim-summary')).toContainText('Invariants: all hold', { timeout: 60_000 });
  await page.getByTestId('sim-compare').click();
  await expect(page.getByTestId('sim-comparison')).toBeVisible({ timeout: 60_000 });
  const conflicts = (c: Record<string, number>) => Object.keys(c).length === 0 ? 'no conflicts' : Object.entries(c).map(([kind, n]) => `${kind} ${n}`).join(', ');
  for (const rules of ['delta-rs', 'spark', 'ducklake']) {
    const node = summaryInNode('compaction-vs-writers', 2, rules);
    await expect(page.getByTestId(`compare-commits-${rules}`)).toHaveText(String(node.commits));
    await expect(page.getByTestId(`compare-conflicts-${rules}`)).toHaveText(conflicts(node.conflicts));
    await expect(page.getByTestId(`compare-retries-${rules}`)).toHaveText(String(node.retries));
    await expect(page.getByTestId(`compare-recomputes-${rules}`)).toHaveText(String(node.recomputes));
    await expect(page.getByTestId(`compare-wasted-${rules}`)).toHaveText(`${node.wastedFiles} data file(s), from ${node.wasted} write(s)`);
    const ingest = node.writers.ingest!;
    await expect(page.getByTestId(`compare-writer-ingest-${rules}`)).toHaveText(
      `${node.outcomes.ingest}; commits ${ingest.commits}, ${conflicts(ingest.conflicts).replace(/^(?!no)/, 'conflicts: ')}, version retries ${ingest.retries}, recomputes ${ingest.recomputes}, wasted writes ${ingest.wasted} (${ingest.wastedFiles} data file${ingest.wastedFiles === 1 ? '' : 's'})`,
    );
  }
  await expect(page.getByTestId('compare-writer-ingest-spark')).toContainText('ConcurrentDeleteRead');
  await expect(page.getByTestId('compare-writer-ingest-delta-rs')).toContainText('committed');
  await page.getByTestId('sim-next-conflict').click();
  await page.screenshot({ path: test.info().outputPath('simulator-comparison.png'), fullPage: true });
});

test('a lease scenario is not compared across rule sets, and the page says why', async ({ page }) => {
  await page.goto('/?sim=lease-single-writer&seed=1');
  await expect(page.getByTestId('sim-summary')).toContainText('run-2: lease held', { timeout: 60_000 });
  await page.getByTestId('sim-compare').click();
  await expect(page.getByTestId('sim-comparison-none')).toContainText('no rule set judges it');
  await expect(page.getByTestId('sim-comparison')).toHaveCount(0);
});

test('a live run that finishes after the user switched scenario is not shown under the new one', async ({ page }, testInfo) => {
  // One writer that thinks for 4 s: the live run is still going when the scenario changes.
  const scenario = {
    version: 1, name: 'slow-appender', title: 'A slow appender', explanation: 'Thinks, then appends.',
    table: { schema: { type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }] }, rows: [{ id: 1 }] },
    writers: [{ name: 'slow', steps: [{ read: 'HEAD' }, { think: 4000 }, { append: [{ id: 2 }] }] }],
  };
  const file = testInfo.outputPath('slow-appender.json');
  const { writeFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(testInfo.outputDir, { recursive: true });
  writeFileSync(file, JSON.stringify(scenario));
  await page.goto('/?sim=blind-appenders&seed=1');
  await page.getByTestId('sim-import').setInputFiles(file);
  const summary = page.getByTestId('sim-summary');
  await expect(summary).toContainText('slow: committed', { timeout: 60_000 });
  await page.getByTestId('sim-run-live').click();
  await page.getByTestId('sim-scenario').selectOption('delete-vs-delete');
  await expect(page.getByTestId('sim-dropped')).toContainText('The live run of slow-appender finished after you moved on', { timeout: 60_000 });
  await expect(summary).toHaveCount(0);
  await expect(page.getByTestId('sim-explanation')).toContainText('Both read the file holding the rows');
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-outcome')).toContainText('Outcome of delete-vs-delete', { timeout: 60_000 });
  await expect(summary).not.toContainText('slow');
});

test('runs that ignore the lease lose an update: the invariant says so and the swimlane marks where', async ({ page }) => {
  await page.goto('/?sim=lease-ignored&seed=1');
  const summary = page.getByTestId('sim-summary');
  await expect(summary).toContainText('run-a: committed', { timeout: 60_000 });
  await expect(summary).toContainText('run-b: committed');
  await expect(summary).not.toContainText('Invariants: all hold');
  await expect(page.getByTestId('sim-violations')).toContainText("run-a's catalog update, acknowledged at");
  await expect(page.getByTestId('sim-violations')).toContainText('is not in the final catalog');
  const mark = page.getByTestId('swimlane').getByTestId('violation-mark');
  await expect(mark).toHaveCount(1);
  await expect(mark.locator('title')).toContainText("invariant broken (no-lost-update): run-a's catalog update");
  await expect(page.getByTestId('swimlane-key')).toContainText('invariant broken');
  await page.screenshot({ path: test.info().outputPath('simulator-lost-update.png'), fullPage: true });
});

test('a link to a scenario that does not exist says which ones do', async ({ page }) => {
  await page.goto('/?sim=nope&seed=1');
  await expect(page.getByRole('alert').first()).toContainText('NotFound: no built-in scenario "nope": the built-in ones are seed-pinned-merge, seed-bound-at-merge-start');
});
