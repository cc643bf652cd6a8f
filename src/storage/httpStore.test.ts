import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpStore, listingIndexName } from './httpStore.ts';
import { NodeFsStore } from './nodeFsStore.ts';
import { loadListingIndex } from './listingIndex.ts';
import { describeObjectStoreContract } from './objectStoreContract.ts';

/** A static file server with Range support, like vite preview or nginx, on 127.0.0.1. */
function serveFolder(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      response.writeHead(404).end();
      return;
    }
    const body = readFileSync(path);
    const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      if (start >= size) {
        response.writeHead(416).end();
        return;
      }
      const end = Math.min(Number(range[2]), size - 1);
      response.writeHead(206, { 'Content-Length': end - start + 1, 'Content-Range': `bytes ${start}-${end}/${size}` });
      response.end(request.method === 'HEAD' ? undefined : body.subarray(start, end + 1));
      return;
    }
    response.writeHead(200, { 'Content-Length': size, 'Last-Modified': new Date(0).toUTCString() });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server })));
}

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

describe('HttpStore', () => {
  it('explains that a server without a listing index cannot list', async () => {
    const store = new HttpStore(`${served.url}a/`);
    await expect((async () => { for await (const _ of store.list('')) { /* drain */ } })()).rejects.toMatchObject({
      code: 'Unsupported',
      message: expect.stringContaining('lakelab index'),
    });
  });

  it('reports an unreachable server as a Network error', async () => {
    const store = new HttpStore('http://127.0.0.1:9/');
    await expect(store.get('x')).rejects.toMatchObject({ code: 'Network' });
  });
});
