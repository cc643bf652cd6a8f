/**
 * The dev server (`npm run dev`) and the preview server (`npm run preview`, the journeys' server)
 * with the project's own vite.config.ts serve every data file of every sample, whether its URL
 * is escaped the way Lakelab escapes it or with every reserved character escaped, and ranges of
 * it; never index.html in its place.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { listingIndexName, type ListingIndex } from '../src/storage/httpStore.ts';
import { toUrlPath } from '../src/storage/urlPaths.ts';
import { toByteRange, toEscapedFilePath } from '../vite/escapedPaths.ts';

const root = join(import.meta.dirname, '..');
const samplesDir = join(root, 'public', 'samples');
const configFile = join(root, 'vite.config.ts');
const sampleNames = (JSON.parse(readFileSync(join(samplesDir, 'samples.json'), 'utf8')) as { name: string }[]).map((s) => s.name);
/** Names a table may hold that no sample has: `?` and `#` must be escaped, and decodeURI leaves them so. */
const oddNames = ['odd/a?b#c=d.parquet', 'odd/x y+z;@.parquet'];

const everyEscape = (key: string) => key.split('/').map(encodeURIComponent).join('/');

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'lakelab-served-'));
  cpSync(samplesDir, join(folder, 'samples'), { recursive: true });
  for (const name of oddNames) {
    mkdirSync(join(folder, 'samples', 'odd'), { recursive: true });
    writeFileSync(join(folder, 'samples', name), `bytes of ${name}`);
  }
  writeFileSync(join(folder, 'index.html'), '<!doctype html><div id="root"></div>');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function sampleKeys(): string[] {
  return sampleNames.flatMap((name) => {
    const index = JSON.parse(readFileSync(join(samplesDir, name, listingIndexName), 'utf8')) as ListingIndex;
    return index.objects.map((o) => `${name}/${o.key}`);
  });
}

async function expectServed(base: string, key: string, path: string): Promise<void> {
  const expected = readFileSync(join(folder, 'samples', key));
  const response = await fetch(`${base}samples/${path}`);
  expect(response.headers.get('content-type') ?? '', path).not.toMatch(/html/);
  expect(Buffer.from(await response.arrayBuffer()).equals(expected), path).toBe(true);
}

function describeServer(name: string, start: () => Promise<{ url: string; close: () => Promise<void> }>) {
  describe(name, () => {
    let server: { url: string; close: () => Promise<void> };
    beforeAll(async () => {
      server = await start();
    });
    afterAll(() => server.close());

    it("serves every sample file at Lakelab's URL for it and at a URL with every reserved character escaped", async () => {
      const keys = sampleKeys();
      expect(keys.filter((k) => k.includes('=')).length).toBeGreaterThan(10);
      for (const key of keys) {
        await expectServed(server.url, key, toUrlPath(key));
        await expectServed(server.url, key, everyEscape(key));
      }
    });

    it('serves names holding ? and #, escaped', async () => {
      for (const key of oddNames) await expectServed(server.url, key, toUrlPath(key));
    });

    it('serves byte ranges of a file reached through escapes', async () => {
      const key = sampleKeys().find((k) => k.startsWith('multi_partitioned/letter=b/') && k.includes('😈'))!;
      const bytes = readFileSync(join(folder, 'samples', key));
      const response = await fetch(`${server.url}samples/${everyEscape(key)}`, { headers: { Range: 'bytes=4-11' } });
      expect(response.status).toBe(206);
      expect(response.headers.get('content-range')).toBe(`bytes 4-11/${bytes.length}`);
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(4, 12))).toBe(true);
    });
  });
}

describeServer('vite dev server', async () => {
  const dev: ViteDevServer = await createServer({ configFile, root, publicDir: folder, logLevel: 'silent', server: { host: '127.0.0.1', port: 0, ws: false } });
  await dev.listen();
  return { url: dev.resolvedUrls!.local[0]!, close: () => dev.close() };
});

describeServer('vite preview server', async () => {
  const server: PreviewServer = await preview({ configFile, root, logLevel: 'silent', build: { outDir: folder }, preview: { host: '127.0.0.1', port: 0 } });
  return { url: server.resolvedUrls!.local[0]!, close: () => server.close() };
});

describe('the escaped-paths middleware', () => {
  it('takes only the paths decodeURI reads differently, and none that climbs out of the folder', () => {
    expect(toEscapedFilePath('/samples/t/letter%3Da/p.parquet')).toEqual(['samples', 't', 'letter=a', 'p.parquet']);
    expect(toEscapedFilePath('/samples/t/letter=a/p.parquet')).toBeUndefined();
    expect(toEscapedFilePath('/samples/t/data=%F0%9F%98%88/p.parquet')).toBeUndefined();
    expect(toEscapedFilePath('/samples/%2E%2E/secret')).toBeUndefined();
    expect(toEscapedFilePath('/samples/a%2Fb')).toBeUndefined();
    expect(toEscapedFilePath('/samples/%E0%A4%A')).toBeUndefined();
    expect(toEscapedFilePath('/app/x%3D1', '/app/')).toEqual(['x=1']);
  });

  it('reads a Range header as browsers and parquet readers send it', () => {
    expect(toByteRange('bytes=0-7', 100)).toEqual({ start: 0, end: 7 });
    expect(toByteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(toByteRange('bytes=-8', 100)).toEqual({ start: 92, end: 99 });
    expect(toByteRange('bytes=95-200', 100)).toEqual({ start: 95, end: 99 });
    expect(toByteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(toByteRange('bytes=0-1,4-5', 100)).toBeUndefined();
    expect(toByteRange(undefined, 100)).toBeUndefined();
  });
});
