/**
 * Opening a table with 100,000 files and 10,000 commits in headless Chromium (the built app
 * served over HTTP): time until the history is shown, time until the first rows are shown,
 * and the longest main-thread task meanwhile (input is blocked for that long).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { execSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import { NodeFsStore } from '../src/storage/nodeFsStore.ts';
import { listingIndexName } from '../src/storage/httpStore.ts';
import { loadListingIndex } from '../src/storage/listingIndex.ts';
import { generateHistoryTable } from './historyTable.ts';
import type { BenchResult } from './timing.ts';
import { generateMillionTable, measurePageWaits } from './pageWaits.ts';

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };

export function serve(routes: Record<string, string>): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const [prefix, root] = Object.entries(routes).find(([p]) => path.startsWith(p)) ?? ['/', routes['/']!];
    let file = normalize(join(root, path.slice(prefix.length)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const body = readFileSync(file);
    const headers = { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'same-origin' };
    const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(Number(range[2]), body.length - 1);
      response.writeHead(206, { ...headers, 'Content-Length': end - start + 1, 'Content-Range': `bytes ${start}-${end}/${body.length}` });
      response.end(body.subarray(start, end + 1));
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Length': body.length });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

export async function runBrowserBench(outDir: string): Promise<BenchResult> {
  const root = join(import.meta.dirname, '..');
  const tableDir = join(outDir, 'history-table');
  await generateHistoryTable({ dir: tableDir, commits: 10_000, filesPerCommit: 10, checkpointAt: 9_990, rowsPerFile: 100, realDataFiles: 20 });
  writeFileSync(join(tableDir, listingIndexName), JSON.stringify(await loadListingIndex(new NodeFsStore(tableDir))));
  const millionDir = join(outDir, 'million-table');
  await generateMillionTable(millionDir);
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
  const { url, server } = await serve({ '/bench-table/': tableDir, '/million-table/': millionDir, '/': join(root, 'dist') });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { longestTask: number };
      w.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longestTask = Math.max(w.longestTask, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const start = Date.now();
    await page.goto(`${url}/?url=${encodeURIComponent(`${url}/bench-table/`)}`);
    await page.getByTestId('rows').locator('tbody tr').first().waitFor({ timeout: 300_000 });
    const firstRows = Date.now() - start;
    await page.getByTestId('history').locator('tbody tr').first().waitFor({ timeout: 300_000 });
    const historyShown = Date.now() - start;
    await page.getByTestId('growth-chart').waitFor({ timeout: 600_000 });
    const fullHistory = Date.now() - start;
    const longestTask = await page.evaluate(() => (window as unknown as { longestTask: number }).longestTask);
    const waits = await measurePageWaits(browser, url, `${url}/million-table/`);
    return {
      name: 'open a table of 100,000 files and 10,000 commits in headless Chromium (HTTP, built app)',
      lakelabMs: firstRows,
      notes: [
        `time to first rows: ${firstRows} ms`,
        `time to history shown (the newest 200 commits): ${historyShown} ms`,
        `time to the whole history and its growth chart (10,000 commits read over HTTP): ${fullHistory} ms`,
        `longest main-thread task while loading: ${longestTask.toFixed(0)} ms (target: under 100 ms)`,
        `a sample's first rows after navigation (simple_table): ${waits.sampleFirstRows} ms (target: under 1,000 ms)`,
        `the first SQL result after navigation (typed when the rows show): ${waits.firstSqlResult} ms (target: under 1,500 ms)`,
        `  duckdb-wasm meanwhile, ms after navigation: started at ${waits.duckdbStart.start} (once the rows showed and the page was idle), instantiated at ${waits.duckdbStart.instantiated} (its worker, 36 MB of wasm fetched, compiled and linked: ${waits.duckdbStart.instantiated - waits.duckdbStart.start} ms), connected at ${waits.duckdbStart.connected}`,
        `a 1,000,000-row table's first rows at an old version, after the click: ${waits.oldVersionRows} ms as soon as its log and first rows show, ${waits.oldVersionRowsSettled} ms once the page has settled (target: under 300 ms)`,
      ],
    };
  } finally {
    await browser.close();
    server.close();
  }
}
