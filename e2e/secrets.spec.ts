/**
 * Secrets never leave where they belong. The page's journeys on Azure storage (Azurite) are
 * driven with known SAS tokens and a known bearer token: reading a table in every view, SQL and
 * its export, a rejected SAS, an unusable bearer token, a write, a live simulator race and
 * every export; then Forget. Everything captured is scanned for the secrets: console messages
 * (page and workers), page errors, failed requests and error responses, downloads, the page's
 * text, every URL the page had, web storage, cookies and IndexedDB. Requests carry a SAS to
 * the storage endpoint only; the Content-Security-Policy reports no violation on the way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { azuriteInfoPath } from './globalSetup.ts';
import { openAzureStore } from '../src/storage/azureStore.ts';
import { parseAzureAddress } from '../src/storage/azureAddress.ts';
import { fixtureTable } from '../test/support/fixtures.ts';

const { accountUrl, sas, racesSas } = JSON.parse(readFileSync(azuriteInfoPath, 'utf8')) as { accountUrl: string; sas: string; racesSas: string };
const storageOrigin = new URL(accountUrl).origin;
const signatureOf = (token: string) => new URLSearchParams(token).get('sig') ?? '';
const rejectedSas = sas.replace(/sig=[^&]+/, 'sig=S0VZLW9mLWEtcmVqZWN0ZWQtU0FT');
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const bearer = `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url({ aud: 'https://storage.azure.com', exp: Math.floor(Date.now() / 1000) + 3600 })}.QkVBUkVSLXNpZ25hdHVyZS1rbm93bi10by10aGUtdGVzdA`;

/** Every spelling a secret could leak in. */
const secrets = [sas, racesSas, rejectedSas, bearer, bearer.split('.')[2]!].flatMap((s) => [s]);
for (const token of [sas, racesSas, rejectedSas]) {
  const sig = signatureOf(token);
  secrets.push(sig, encodeURIComponent(sig), decodeURIComponent(sig));
}

interface Captured {
  texts: { where: string; text: string }[];
  secretRequests: string[];
  /** Requests to the storage endpoint that carry a secret: the scan sees the secrets where they belong. */
  storageRequestsWithSecret: number;
  cspViolations: string[];
}

function capture(page: Page): Captured {
  const captured: Captured = { texts: [], secretRequests: [], storageRequestsWithSecret: 0, cspViolations: [] };
  const note = (where: string, text: string) => captured.texts.push({ where, text });
  page.on('console', (m) => {
    note('console', m.text());
    if (/Content Security Policy/i.test(m.text())) captured.cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => note('page error', `${e.message}\n${e.stack ?? ''}`));
  page.on('worker', (w) => w.on('console', (m) => note('worker console', m.text())));
  page.on('framenavigated', (f) => note('url', f.url()));
  page.on('requestfailed', (r) => note('failed request', `${r.failure()?.errorText ?? ''} ${new URL(r.url()).origin === storageOrigin ? '' : r.url()}`));
  page.on('request', (r) => {
    if (!secrets.some((s) => r.url().includes(s) || JSON.stringify(r.headers()).includes(s))) return;
    if (new URL(r.url()).origin === storageOrigin) captured.storageRequestsWithSecret++;
    else captured.secretRequests.push(r.url());
  });
  page.on('response', async (r) => {
    if (r.status() >= 400) note(`error response ${r.status()}`, await r.text().catch(() => ''));
  });
  return captured;
}

async function scanPage(page: Page, captured: Captured, step: string) {
  captured.texts.push({ where: `${step}: page text`, text: await page.locator('body').innerText() });
  captured.texts.push({ where: `${step}: url`, text: page.url() });
  captured.texts.push({ where: `${step}: storage`, text: await page.evaluate(async () => JSON.stringify({
    local: Object.entries(localStorage), session: Object.entries(sessionStorage), cookies: document.cookie,
    indexedDb: (await indexedDB.databases?.())?.map((d) => d.name) ?? [],
  })) });
  await page.screenshot({ path: test.info().outputPath(`${step}.png`), fullPage: true });
}

async function keepDownload(captured: Captured, download: Download) {
  const path = await download.path();
  captured.texts.push({ where: `download ${download.suggestedFilename()}`, text: readFileSync(path, 'utf8') });
}

function expectNoSecret(captured: Captured) {
  const leaks = captured.texts.flatMap(({ where, text }) => secrets.filter((s) => s.length > 8 && text.includes(s)).map((s) => `${where}: ${s.slice(0, 12)}...`));
  expect(leaks).toEqual([]);
  expect(captured.secretRequests).toEqual([]);
  expect(captured.storageRequestsWithSecret).toBeGreaterThan(0);
  expect(captured.cspViolations).toEqual([]);
}

async function connect(page: Page, address: string, secret: string, kind: 'sas' | 'bearer' = 'sas') {
  await page.locator('details.azure-connect').evaluate((d) => { (d as HTMLDetailsElement).open = true; });
  await page.getByTestId('azure-address').fill(address);
  await page.locator('.azure-connect select').selectOption(kind);
  await page.getByTestId('azure-secret').fill(secret);
  await page.getByRole('button', { name: 'Connect' }).click();
}

test('reading, querying, exporting and failing on Azure storage with a SAS and a bearer token: no secret anywhere, then Forget drops them', async ({ page }) => {
  const captured = capture(page);
  await page.goto('/');
  await connect(page, `${accountUrl}/workspace/Lake.Lakehouse`, sas);
  const browser = page.getByTestId('azure-browser');
  await browser.getByRole('button', { name: /Tables/ }).click();
  await browser.getByRole('button', { name: /simple/ }).click();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 10');
  for (const tab of ['Schema', 'Files', 'Log', 'Protocol', 'Data']) await page.getByRole('tab', { name: tab }).click();
  await page.getByTestId('history').locator('tr[data-version="4"]').getByRole('button').click();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
  // Typed, as a person does: fill() edits the SQL editor's DOM the way no keyboard does (0022).
  await page.getByTestId('sql-input').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('SELECT 42 AS answer');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-result')).toContainText('42', { timeout: 60_000 });
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  await keepDownload(captured, csv);
  await scanPage(page, captured, 'read');

  // A missing folder (404), a rejected SAS (403), a bearer token the emulator cannot take.
  await connect(page, `${accountUrl}/workspace/no-such-folder/x`, sas);
  await connect(page, `${accountUrl}/workspace/Lake.Lakehouse`, rejectedSas);
  await expect(page.getByTestId('azure-error')).toContainText('AccessDenied');
  await scanPage(page, captured, 'rejected');
  await connect(page, `${accountUrl}/workspace/Lake.Lakehouse`, bearer, 'bearer');
  await expect(page.getByTestId('azure-error')).toBeVisible();
  await scanPage(page, captured, 'bearer');

  // Forget: the open Azure table and every credential go.
  await connect(page, `${accountUrl}/workspace/Lake.Lakehouse`, sas);
  await expect(page.getByTestId('azure-browser')).toBeVisible();
  await page.getByTestId('azure-forget').click();
  await expect(page.getByTestId('azure-forgotten')).toBeVisible();
  await expect(page.getByTestId('azure-browser')).toHaveCount(0);
  await expect(page.getByTestId('selected-version')).toHaveCount(0);
  await scanPage(page, captured, 'forgotten');
  expectNoSecret(captured);
});

test('writing to a table on Azure storage and racing live writers there: no secret in the page, the trace or any export', async ({ page }) => {
  const captured = capture(page);
  const folder = `secrets-${Date.now()}`;
  const store = await openAzureStore(parseAzureAddress(`${accountUrl}/races/${folder}/t`), { kind: 'sas', token: racesSas });
  for (const [key, entry] of await fixtureTable('delta-rs/simple_table')) await store.put(key, entry.data);

  await page.goto('/');
  await connect(page, `${accountUrl}/races/${folder}`, racesSas);
  await page.getByTestId('azure-browser').getByRole('button', { name: /▦ t/ }).click();
  await expect(page.getByTestId('selected-version')).toHaveText('at version 4');
  await page.getByRole('tab', { name: 'Write' }).click();
  await page.getByTestId('write-operation').selectOption('append');
  await page.getByTestId('write-sql-source').fill('SELECT 1000 AS id');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.locator('[data-metric="num_added_rows"] dd')).toHaveText('1', { timeout: 60_000 });
  await page.getByTestId('write-commit').click();
  await expect(page.getByTestId('write-committed')).toContainText('Committed version 5');
  await scanPage(page, captured, 'write');

  await page.goto('/?sim=blind-appenders&seed=1');
  await expect(page.getByTestId('sim-summary')).toContainText('Invariants: all hold', { timeout: 60_000 });
  await page.getByText('Run live on Azure / OneLake').click();
  await page.getByTestId('sim-azure-address').fill(`${accountUrl}/races/${folder}/race`);
  await page.getByTestId('sim-azure-secret').fill(racesSas);
  await page.getByTestId('sim-run-azure').click();
  await expect(page.getByTestId('sim-summary')).toContainText('8 commit(s)', { timeout: 120_000 });
  const downloads = [page.getByTestId('sim-export-trace'), page.getByRole('button', { name: 'Export JSON' }), page.getByRole('button', { name: 'Export Python (deltalake)' }), page.getByRole('button', { name: 'Export Fabric notebook' })];
  for (const button of downloads) {
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    await keepDownload(captured, download);
  }
  // The same folder again: refused, with an error message to scan.
  await page.getByTestId('sim-run-azure').click();
  await expect(page.getByRole('alert').filter({ hasText: 'already holds a Delta table' })).toBeVisible({ timeout: 60_000 });
  await scanPage(page, captured, 'simulator');
  expectNoSecret(captured);
  expect(captured.texts.filter((t) => t.where.startsWith('download'))).toHaveLength(4);
});

test('the built app sends its Content-Security-Policy, in the page and to its workers, and it blocks other hosts', async ({ page, request }) => {
  const header = (await request.get('/')).headers()['content-security-policy'] ?? '';
  for (const part of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", 'https://*.dfs.fabric.microsoft.com', 'https://login.microsoftonline.com', "object-src 'none'"]) expect(header).toContain(part);
  const connect = /connect-src ([^;]*)/.exec(header)?.[1]?.split(' ') ?? [];
  for (const wide of ['*', 'https:', 'http:', 'data:', 'blob:']) expect(connect).not.toContain(wide);
  await page.goto('/');
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(header);
  // The workers' scripts carry it as a header: a meta tag does not reach a worker.
  const workers = readdirSync(join(import.meta.dirname, '..', 'dist', 'assets')).filter((n) => /worker.*\.js$/.test(n));
  expect(workers.length).toBeGreaterThan(0);
  for (const name of workers) expect((await request.get(`/assets/${name}`)).headers()['content-security-policy']).toBe(header);
  const blocked = await page.evaluate(async () => {
    const seen = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }));
    await fetch('https://example.com/exfiltrate').catch(() => undefined);
    return seen;
  });
  expect(blocked).toBe('connect-src');
});
