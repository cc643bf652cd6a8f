/**
 * The simulator: the deterministic engine's commits per wall-clock second in Node, and a live
 * run (32 Web Workers x 100 appends, 3,200 commits, against one shared in-memory store) in
 * headless Chromium with the page's frame rate meanwhile.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execSync, spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { MemoryStore } from '../src/storage/memoryStore.ts';
import { loadParquetWasm } from '../src/query/parquetWasm.ts';
import { simOperations } from '../src/workers/simOperationsNode.ts';
import { simParquetCache } from '../src/workers/simOperationsImpl.ts';
import { runScenario, type SimDependencies } from '../src/sim/runScenario.ts';
import { simWaits } from '../src/workers/simSettle.ts';
import { summarise } from '../src/sim/trace.ts';
import { appendersScenario as appenders } from './appendersScenario.ts';
import type { BenchResult } from './timing.ts';

const liveTimeoutMs = 600_000;

export async function runSimBench(outDir: string): Promise<BenchResult> {
  await loadParquetWasm();
  const deps: SimDependencies = { makeStore: (clock) => new MemoryStore({ clock }), operations: simOperations, ...simWaits };
  // The wait the engine used before (a setImmediate turn after every event), in the same run.
  const before: SimDependencies = { makeStore: deps.makeStore, operations: simOperations, settle: () => new Promise<void>((r) => setImmediate(r)) };
  const scenario = appenders(32, 5);
  const timed = async (d: SimDependencies) => {
    const start = performance.now();
    const run = await runScenario(scenario, 1, d);
    return { run, ms: performance.now() - start };
  };
  const { run, ms: wall } = await timed(deps); // the first run in the process, as `lakelab sim` makes it
  const commits = summarise(run).commits;
  const warm = async (d: SimDependencies) => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 10; i++) best = Math.min(best, (await timed(d)).ms);
    return best;
  };
  const warmMs = await warm(deps);
  const warmBeforeMs = await warm(before);
  // Warm runs reuse the Parquet bytes of the rows the first run wrote (simParquetCache): as often with it emptied first, each run writing all 160 files.
  const freshCacheMs = await warm({ ...deps, makeStore: (clock) => (simParquetCache.clear(), deps.makeStore(clock)) });
  const rate = (ms: number) => ((commits / ms) * 1000).toFixed(0);

  const [liveWriters, liveCommitsEach] = [32, 100];
  const live = appenders(liveWriters, liveCommitsEach);
  const file = join(outDir, 'live-scenario.json');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(file, JSON.stringify(live));
  const deterministicFile = join(outDir, 'deterministic-scenario.json');
  writeFileSync(deterministicFile, JSON.stringify(scenario));
  const root = join(import.meta.dirname, '..');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
  // Its own process group, so stopping it stops vite too (killing npx alone left vite serving).
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', '4199', '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    for (let i = 0; i < 50; i++) {
      try {
        await page.goto('http://127.0.0.1:4199/?sim=blind-appenders&seed=1');
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    await page.getByTestId('sim-summary').waitFor({ timeout: 60_000 });
    // The same deterministic run in the page's simulator worker: import to outcome drawn.
    const pageStart = Date.now();
    await page.getByTestId('sim-import').setInputFiles(deterministicFile);
    await page.getByTestId('sim-outcome').filter({ hasText: `Outcome of ${scenario.name}` }).waitFor({ timeout: 600_000 });
    const pageMs = Date.now() - pageStart;
    // Importing the live scenario runs it deterministically first: let that finish (it would
    // otherwise share the CPU with the live workers), and time it too.
    const bigStart = Date.now();
    await page.getByTestId('sim-import').setInputFiles(file);
    await page.getByTestId('sim-outcome').filter({ hasText: `Outcome of ${live.name}` }).waitFor({ timeout: 600_000 });
    const bigMs = Date.now() - bigStart;
    const deterministic = [
      `deterministic: ${commits} commits of 32 racing appenders, ${run.events} events: first run ${wall.toFixed(0)} ms (${rate(wall)} commits/s), best of 10 after it, each writing all its files (the Parquet cache emptied first) ${freshCacheMs.toFixed(0)} ms (${rate(freshCacheMs)} commits/s; target 4,000: ${(commits / freshCacheMs) * 1000 >= 4000 ? 'met' : 'MISSED'}); run again with the cache the first run filled, as the seeds of a sweep are, ${warmMs.toFixed(0)} ms (${rate(warmMs)} commits/s); with the wait it had before (setImmediate after every event) ${warmBeforeMs.toFixed(0)} ms (${rate(warmBeforeMs)} commits/s)`,
      `deterministic in the page's simulator worker (headless Chromium), import to outcome drawn (invariants checked, the table sent back): ${commits} commits in ${pageMs} ms (${((commits / pageMs) * 1000).toFixed(0)} commits/s); ${liveWriters} x ${liveCommitsEach} in ${bigMs} ms (${((liveWriters * liveCommitsEach / bigMs) * 1000).toFixed(0)} commits/s)`,
    ];
    const result = (notes: string[]): BenchResult => ({ name: 'simulator: deterministic engine (Node and the page\'s worker) and live Web Workers (headless Chromium)', lakelabMs: freshCacheMs, notes: [...deterministic, ...notes] });
    // A string, so the bundler's helpers never reach the page. Each frame's time, on the page's clock.
    await page.evaluate('window.frameTimes_ = []; window.counting_ = true; (function tick() { if (window.counting_) { window.frameTimes_.push(performance.now()); requestAnimationFrame(tick); } })();');
    const clickedAt = (await page.evaluate('performance.now()')) as number;
    const liveStart = Date.now();
    await page.getByTestId('sim-run-live').click();
    try {
      await page.getByTestId('sim-outcome').filter({ hasText: ', a live run on ' }).waitFor({ timeout: liveTimeoutMs });
    } catch {
      return result([`live: ${liveWriters} workers x ${liveCommitsEach} appends showed no outcome within ${liveTimeoutMs / 1000} s (MISSED)`]);
    }
    const liveMs = Date.now() - liveStart;
    const frameTimes = (await page.evaluate('window.counting_ = false; window.frameTimes_')) as number[];
    const summary = await page.getByTestId('sim-summary').innerText();
    const liveCommits = Number(/(\d+) commit\(s\)/.exec(summary)?.[1] ?? 0);
    // The run's own figure: commits over the span of its trace (the writers' run, without checking and drawing the outcome).
    const runRate = Number(/([\d.]+) commits\/s/.exec(summary)?.[1] ?? NaN);
    const runMs = (liveCommits / runRate) * 1000;
    const fps = (from: number, ms: number) => ((frameTimes.filter((t) => t >= from && t < from + ms).length / ms) * 1000).toFixed(0);
    return result([
      `live: ${liveWriters} workers x ${liveCommitsEach} appends = ${liveCommits} commits, ${runRate} commits/s over the writers' own trace (${(runMs / 1000).toFixed(1)} s), the page at ${fps(clickedAt, runMs)} frames/s over as long from the click`,
      `live, click to outcome drawn (workers started, the invariants checked, the trace drawn): ${liveMs} ms (${((liveCommits / liveMs) * 1000).toFixed(1)} commits/s), the page at ${fps(clickedAt, liveMs)} frames/s`,
      `invariants (live): ${/Invariants: ([^.]*)\./.exec(summary)?.[1] ?? '?'}`,
    ]);
  } finally {
    await browser.close();
    if (server.pid !== undefined) process.kill(-server.pid);
  }
}
