import type { Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { seen, serveFolder } from '../../test/support/staticServer.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpStore, listingIndexName, toListingIndex } from './httpStore.ts';
import { listAll } from '../core/objectStore.ts';
import { NodeFsStore } from './nodeFsStore.ts';
import { loadListingIndex } from './listingIndex.ts';
import { describeObjectStoreContract } from './objectStoreContract.ts';

const seeded: Record<string, Uint8Array> = {
  'a/one.json': new TextEncoder().encode('{"one":1}'),
  'a/two words.txt': new TextEncoder().encode('0123456789'),
  'b/three.bin': Uint8Array.from({ length: 64 }, (_, i) => i),
};

let dir: string;
let served: { url: string; server: Server };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lakelab-http-'));
  for (const [key, bytes] of Object.entries(seeded)) {
    mkdirSync(dirname(join(dir, key)), { recursive: true });
    writeFileSync(join(dir, key), bytes);
  }
  writeFileSync(join(dir, listingIndexName), JSON.stringify(await loadListingIndex(new NodeFsStore(dir))));
  served = await serveFolder(dir);
});

afterAll(() => {
  served.server.close();
  rmSync(dir, { recursive: true, force: true });
});

describeObjectStoreContract('HttpStore (read-only)', async () => ({ store: new HttpStore(served.url) }), { readOnly: { seeded } });

const sampleDir = join(import.meta.dirname, '..', '..', 'public', 'samples');
let samples: { url: string; server: Server };
beforeAll(async () => {
  samples = await serveFolder(sampleDir);
});
afterAll(() => samples.server.close());

describeObjectStoreContract('HttpStore over a real Delta table (simple_table sample)', async () => ({ store: new HttpStore(`${samples.url}simple_table`) }), { readOnly: true });

describe('HttpStore', () => {
  it('lists from the listing index, one level with a delimiter', async () => {
    const store = new HttpStore(served.url);
    const pages = [];
    for await (const page of store.list('a/', { delimiter: '/' })) pages.push(page);
    expect(pages.flatMap((p) => p.objects.map((o) => o.key))).toEqual(['a/one.json', 'a/two words.txt']);
    const top = [];
    for await (const page of store.list('', { delimiter: '/' })) top.push(...page.prefixes);
    expect(top).toEqual(['a/', 'b/']);
  });

  it('heads with the size from Content-Length and the time from Last-Modified', async () => {
    const meta = await new HttpStore(served.url).head('a/two words.txt');
    expect(meta.size).toBe(10);
    expect(meta.lastModified).toBe(Math.floor(statSync(join(dir, 'a', 'two words.txt')).mtimeMs / 1000) * 1000);
  });

  it('asks for explicit byte ranges, never a suffix', async () => {
    seen.length = 0;
    const store = new HttpStore(served.url);
    expect(await store.get('b/three.bin', { range: { offset: 60, length: 10 } })).toEqual(Uint8Array.of(60, 61, 62, 63));
    expect(await store.get('b/three.bin', { range: { offset: 64, length: 8 } })).toEqual(new Uint8Array(0));
    expect(seen.map((r) => r.range)).toEqual(['bytes=60-69', 'bytes=64-71']);
  });

  it('refuses writes: the source is read-only', async () => {
    const store = new HttpStore(served.url);
    for (const write of [() => store.put('a/new', new Uint8Array()), () => store.putIfAbsent('a/new', new Uint8Array()), () => store.delete('a/one.json')]) {
      await expect(write()).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('read-only') });
    }
    expect(readFileSync(join(dir, 'a', 'one.json'), 'utf8')).toBe('{"one":1}');
  });

  it('refuses an address that is not http or https', () => {
    for (const address of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://host/t', 'samples/t', 'http:/t']) {
      expect(() => new HttpStore(address)).toThrow(expect.objectContaining({ code: 'InvalidInput', message: expect.stringContaining('http:// or https://') }));
    }
  });

  it('maps 401 and 403 to AccessDenied, 404 to NotFound', async () => {
    const store = new HttpStore(`${served.url}private/`);
    await expect(store.get('401/x')).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('401') });
    await expect(store.head('x')).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('403') });
    await expect(new HttpStore(served.url).head('a/none.json')).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('sends the configured headers, also through an injected fetch', async () => {
    let calls = 0;
    const counted: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const store = new HttpStore(`${served.url}private/`, { fetch: counted, headers: { Authorization: 'Bearer let-me-in' } });
    await expect(store.get('x')).rejects.toMatchObject({ code: 'NotFound' });
    expect(calls).toBe(1);
  });

  it('explains that a server without a listing index cannot list', async () => {
    const store = new HttpStore(`${served.url}a/`);
    await expect((async () => { for await (const _ of store.list('')) { /* drain */ } })()).rejects.toMatchObject({
      code: 'Unsupported',
      message: expect.stringContaining('npx lakelab index'),
    });
  });

  it('reads every file of a partitioned sample from a server that decodes paths with decodeURI', async () => {
    const vite = await serveFolder(sampleDir, 'vite');
    try {
      for (const name of ['basic_partitioned', 'multi_partitioned']) {
        const store = new HttpStore(`${vite.url}${name}/`);
        const keys = (await listAll(store, '')).map((o) => o.key);
        expect(keys.some((k) => k.includes('='))).toBe(true);
        for (const key of keys) expect(Buffer.from(await store.get(key)).equals(readFileSync(join(sampleDir, name, key))), key).toBe(true);
      }
    } finally {
      vite.server.close();
    }
  });

  it('refuses a web page sent for a data file or a log file, naming the URL', async () => {
    const vite = await serveFolder(sampleDir, 'vite');
    try {
      const store = new HttpStore(`${vite.url}basic_partitioned/`);
      await expect(store.get('letter=z/part-0.parquet')).rejects.toMatchObject({
        code: 'Network',
        message: expect.stringContaining(`the server answered a web page, not a Parquet file: ${vite.url}basic_partitioned/letter=z/part-0.parquet`),
      });
      await expect(store.get('_delta_log/00000000000000000009.json', { range: { offset: 0, length: 8 } })).rejects.toMatchObject({
        message: expect.stringContaining('the server answered a web page, not a Delta log file'),
      });
      await expect(store.head('letter=z/part-0.parquet')).rejects.toMatchObject({ message: expect.stringContaining('web page') });
    } finally {
      vite.server.close();
    }
  });

  it("says a folder answered with a web page is not a table's folder, and what to give", async () => {
    const vite = await serveFolder(sampleDir, 'vite');
    try {
      const store = new HttpStore(`${vite.url}not-a-table/`);
      await expect(listAll(store, '')).rejects.toMatchObject({
        code: 'InvalidInput',
        message: expect.stringMatching(/the server answered a web page for .*not-a-table\/lakelab-index\.json\. Give the address of a table's folder \(the one holding _delta_log\/\)/),
      });
    } finally {
      vite.server.close();
    }
  });

  it('says a listing index that is not JSON is not one', async () => {
    writeFileSync(join(dir, 'b', listingIndexName), 'not json');
    await expect(listAll(new HttpStore(`${served.url}b/`), '')).rejects.toMatchObject({ code: 'Corrupt', message: expect.stringContaining('is not a listing index: it is not JSON') });
  });

  it('reports an unreachable server as a Network error', async () => {
    const store = new HttpStore('http://127.0.0.1:9/');
    await expect(store.get('x')).rejects.toMatchObject({ code: 'Network' });
  });

  it('writes an index that leaves itself out and rounds times to milliseconds', () => {
    expect(toListingIndex([
      { key: 'a.json', size: 2, lastModified: 1.6 },
      { key: listingIndexName, size: 9, lastModified: 0 },
    ])).toEqual({ version: 1, objects: [{ key: 'a.json', size: 2, lastModified: 2 }] });
  });
});
