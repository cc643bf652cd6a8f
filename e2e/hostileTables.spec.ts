/**
 * Tables that try to escape or lie, opened in real Chromium. What Chromium exposes for symbolic
 * links in a folder the page is given (Chromium 156, Linux): nothing. The directory input
 * leaves every link out of its file list, and a dropped folder's File System Access handle
 * leaves links out of entries() and answers getFileHandle/getDirectoryHandle on a link's name
 * with NotFoundError, whether the link leads inside, outside, nowhere or in a loop. So the page
 * never reads through a link; a linked data file is reported missing by name; a linked newest
 * commit is invisible, so the folder shows the version before it (the README says so).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { NodeFsStore } from '../src/storage/nodeFsStore.ts';
import { loadSnapshot } from '../src/core/delta/loadSnapshot.ts';
import { parquetCodec } from '../src/query/parquetRows.ts';

const bin = join(import.meta.dirname, '..', 'bin', 'lakelab.mjs');
const fixture = join(import.meta.dirname, '..', 'test', 'fixtures', 'delta', 'delta-rs', 'simple_table');
const lakelab = (...args: string[]) => execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

/**
 * A folder holding a copy of simple_table whose active data file at version 3 is a link to a
 * Parquet file outside (rows with id 666666), whose newest commit (4) is a link to a copy
 * outside, plus a link to a whole table outside, a dangling link and a loop.
 */
async function linkedFolder(): Promise<{ picked: string; linkedFile: string }> {
  const base = mkdtempSync(join(tmpdir(), 'lakelab-links-'));
  const picked = join(base, 'picked');
  const table = join(picked, 't');
  cpSync(fixture, table, { recursive: true });
  const outside = join(base, 'outside');
  mkdirSync(outside);
  writeFileSync(join(base, 'secret.csv'), 'id\n666666\n');
  lakelab('create', join(outside, 'secret_table'), '--source', join(base, 'secret.csv'));
  const secretFile = readdirSync(join(outside, 'secret_table')).find((n) => n.endsWith('.parquet'))!;
  const active = (await loadSnapshot(new NodeFsStore(table), '', { codec: parquetCodec, version: 3 })).files[0]!.path;
  rmSync(join(table, active));
  symlinkSync(join(outside, 'secret_table', secretFile), join(table, active));
  renameSync(join(table, '_delta_log', '00000000000000000004.json'), join(outside, 'commit4.json'));
  symlinkSync(join(outside, 'commit4.json'), join(table, '_delta_log', '00000000000000000004.json'));
  symlinkSync(join(outside, 'secret_table'), join(picked, 'linked_table'));
  symlinkSync(join(base, 'nothing-here'), join(table, 'dangling.parquet'));
  symlinkSync('.', join(table, 'loop'));
  return { picked, linkedFile: active };
}

async function expectNothingFromOutside(page: Page, linkedFile: string) {
  await expect(page.getByTestId('table-title')).toContainText('t');
  // The linked newest commit is invisible to the page: it shows version 3.
  await expect(page.getByTestId('selected-version')).toHaveText('at version 3');
  await expect(page.getByRole('alert').filter({ hasText: linkedFile }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'linked_table' })).toHaveCount(0);
  expect(await page.locator('body').innerText()).not.toContain('666666');
}

test('a picked folder whose table links outside itself: nothing outside is read, the linked data file is reported missing by name', async ({ page }) => {
  const { picked, linkedFile } = await linkedFolder();
  await page.goto('/');
  await page.getByTestId('folder-input').setInputFiles(picked);
  await expectNothingFromOutside(page, linkedFile);
  await page.screenshot({ path: test.info().outputPath('linked-folder-input.png'), fullPage: true });
});

test('the same folder dropped (a File System Access handle on the real folder): the same', async ({ page }) => {
  const { picked, linkedFile } = await linkedFolder();
  await page.goto('/');
  // A real drop of a real folder, as the browser process delivers it (CDP Input.dispatchDragEvent with files).
  const cdp = await page.context().newCDPSession(page);
  const box = (await page.locator('.open-folder').boundingBox())!;
  const data = { items: [], files: [picked], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await cdp.send('Input.dispatchDragEvent', { type, x: box.x + box.width / 2, y: box.y + box.height / 2, data });
  }
  await expectNothingFromOutside(page, linkedFile);
});

test('names with markup are shown as text: column names, partition values, values, predicates', async ({ page }) => {
  const base = mkdtempSync(join(tmpdir(), 'lakelab-markup-'));
  const table = join(base, 'markup');
  writeFileSync(join(base, 's.csv'), 'id,<img src=x onerror=window.__xss=1>,p\n1,<b>bold</b>,<script>window.__xss=2</script>\n2,<i>x</i>,<u>y</u>\n');
  lakelab('create', table, '--source', join(base, 's.csv'), '--partition-by', 'p');
  lakelab('delete', table, '--where', "p = '<u>y</u>'");
  await page.goto('/');
  await page.getByTestId('folder-input').setInputFiles(table);
  await expect(page.getByTestId('selected-version')).toHaveText('at version 1');
  await expect(page.getByTestId('rows')).toContainText('<b>bold</b>');
  await expect(page.getByTestId('rows')).toContainText('<script>window.__xss=2</script>');
  for (const [tab, testId, text] of [
    ['Schema', 'schema', '<img src=x onerror=window.__xss=1>'],
    ['Files', 'files-summary', '1 active files'],
    ['Log', 'log', "<u>y</u>"],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByTestId(testId)).toContainText(text);
  }
  await expect(page.getByTestId('history')).toContainText('DELETE');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"], b, script:not([src]):not([type])').count()).toBe(0);
});
