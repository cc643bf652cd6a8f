/**
 * Where a person waits on the page (the production build in headless Chromium, served over
 * HTTP): a sample's first rows after navigation, the first SQL result after navigation (the
 * query typed as soon as the rows show), and a 1,000,000-row table's first rows at an old
 * version after the click, once its log is loaded.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { seededRng } from '../src/core/rng.ts';
import { commitTransaction } from '../src/core/delta/commitTransaction.ts';
import { loadSnapshot } from '../src/core/delta/loadSnapshot.ts';
import type { StructType } from '../src/core/delta/schemaTypes.ts';
import { NodeFsStore } from '../src/storage/nodeFsStore.ts';
import { listingIndexName } from '../src/storage/httpStore.ts';
import { loadListingIndex } from '../src/storage/listingIndex.ts';
import { parquetCodec } from '../src/query/parquetRows.ts';
import { writeDataFiles } from '../src/query/dataFiles.ts';
import { runAppend, runCreateTable } from '../src/query/writeExecutor.ts';
import { runDelete } from '../src/query/deleteUpdateExecutor.ts';
import { duckdbMarks } from '../src/query/duckdbMarks.ts';

const schema: StructType = { type: 'struct', fields: [
  { name: 'id', type: 'long', nullable: false, metadata: {} },
  { name: 'name', type: 'string', nullable: true, metadata: {} },
  { name: 'amount', type: 'double', nullable: true, metadata: {} },
] };

/** Version 0: 1,000,000 rows in 10 files (ids from 0); version 1 deletes the first file's rows; version 2 appends 100,000. */
export async function generateMillionTable(dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const store = new NodeFsStore(dir);
  const rng = seededRng(5);
  const clock = { now: () => 1_767_225_600_000 };
  const context = { store, rng, now: clock.now };
  const rows = Array.from({ length: 1_000_000 }, (_, i) => ({ id: i, name: `name-${i}`, amount: i / 4 }));
  const adds = await writeDataFiles(rows, { store, tableRoot: '', schema, partitionColumns: [], rng, now: clock.now(), maxRowsPerFile: 100_000 });
  const created = await runCreateTable({ tableRoot: '', schema }, context);
  created.actions.push(...adds.map((add) => ({ add })));
  await commitTransaction(store, created, { clock, engineInfo: 'Lakelab/bench' });
  const snapshot = async () => loadSnapshot(store, '', { codec: parquetCodec });
  await commitTransaction(store, await runDelete(await snapshot(), 'id < 100000', context), { clock, engineInfo: 'Lakelab/bench' });
  await commitTransaction(store, await runAppend(await snapshot(), Array.from({ length: 100_000 }, (_, i) => ({ id: 2_000_000 + i, name: 'new', amount: 0 })), context), { clock, engineInfo: 'Lakelab/bench' });
  writeFileSync(join(dir, listingIndexName), JSON.stringify(await loadListingIndex(store)));
}

export interface PageWaits {
  sampleFirstRows: number;
  firstSqlResult: number;
  /** When duckdb-wasm started, was instantiated and connected, ms after navigation (the page's marks). */
  duckdbStart: { start: number; instantiated: number; connected: number };
  oldVersionRows: number;
  oldVersionRowsSettled: number;
}

export async function measurePageWaits(browser: Browser, url: string, millionTableUrl: string): Promise<PageWaits> {
  const page = await browser.newPage();
  try {
    let start = Date.now();
    await page.goto(`${url}/?sample=simple_table`);
    await page.getByTestId('rows').locator('tbody tr').first().waitFor({ timeout: 120_000 });
    const sampleFirstRows = Date.now() - start;
    await page.getByTestId('sql-input').fill('SELECT count(*) AS n FROM simple_table');
    await page.getByTestId('sql-run').click();
    await page.getByTestId('sql-result').waitFor({ timeout: 120_000 });
    const firstSqlResult = Date.now() - start;
    const duckdbStart = await duckdbStartMarks(page);

    const oldVersionRows = await clickOldVersion(page, `${url}/?url=${encodeURIComponent(millionTableUrl)}`, 0);
    // The same after the page has settled (duckdb-wasm started in the background meanwhile).
    const oldVersionRowsSettled = await clickOldVersion(page, `${url}/?url=${encodeURIComponent(millionTableUrl)}`, 8000);
    return { sampleFirstRows, firstSqlResult, duckdbStart, oldVersionRows, oldVersionRowsSettled };
  } finally {
    await page.close();
  }
}

/** The page's duckdb-wasm marks (duckdbBrowser.ts), on its clock: ms since navigation. */
async function duckdbStartMarks(page: Page): Promise<PageWaits['duckdbStart']> {
  const names = Object.values(duckdbMarks);
  const times = (await page.evaluate((wanted) => wanted.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN), names)) as number[];
  const [start, instantiated, connected] = times.map((t) => Math.round(t)) as [number, number, number];
  return { start, instantiated, connected };
}

/** Opens the table, waits for its log (history) and first rows, then `settle` ms, clicks version 0 and waits for its first rows. */
async function clickOldVersion(page: Page, address: string, settle: number): Promise<number> {
  await page.goto(address);
  await page.getByTestId('history').locator('tr[data-version="0"]').waitFor({ timeout: 120_000 });
  await page.getByTestId('rows').locator('tbody tr').first().waitFor({ timeout: 120_000 });
  if (settle > 0) await page.waitForTimeout(settle);
  const start = Date.now();
  await page.getByTestId('history').locator('tr[data-version="0"]').getByRole('button').click();
  // Version 0's first file starts at id 0 (version 1 deleted it).
  await page.waitForFunction(() => {
    const cell = document.querySelector('[data-testid="rows"] tbody tr:not([aria-hidden]) td');
    return document.querySelector('[data-testid="selected-version"]')?.textContent?.endsWith(' 0') === true && cell?.textContent === '0';
  }, undefined, { timeout: 120_000, polling: 10 });
  return Date.now() - start;
}
