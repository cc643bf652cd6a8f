/** A static file server over a folder on 127.0.0.1, for HttpStore's tests and the explorer's. */
import { createServer, type Server } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

/** Requests the server saw: method, path and Range header. */
export const seen: { method: string; path: string; range?: string }[] = [];

/**
 * A static file server with Range support on 127.0.0.1: nginx-like (every escape decoded), or
 * vite-like (decodeURI, which leaves `%3D` as it is, and index.html for any path it lacks).
 */
export function serveFolder(dir: string, like: 'nginx' | 'vite' = 'nginx'): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const raw = new URL(request.url ?? '/', 'http://x').pathname;
    const pathname = like === 'nginx' ? decodeURIComponent(raw) : decodeURI(raw);
    seen.push({ method: request.method ?? '', path: pathname, range: request.headers.range });
    if (pathname.startsWith('/private/')) {
      response.writeHead(request.headers.authorization === 'Bearer let-me-in' ? 404 : pathname.includes('401') ? 401 : 403).end();
      return;
    }
    const path = join(dir, pathname);
    let size: number;
    let mtime: Date;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
      mtime = stat.mtime;
    } catch {
      if (like === 'vite') response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><div id="root"></div>');
      else response.writeHead(404).end();
      return;
    }
    const body = readFileSync(path);
    const lastModified = mtime.toUTCString();
    const range = /^bytes=(\d+)-(\d+)$/.exec(request.headers.range ?? '');
    if (request.headers.range && !range) {
      response.writeHead(500).end('only explicit ranges');
      return;
    }
    if (range) {
      const start = Number(range[1]);
      if (start >= size) {
        response.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      const end = Math.min(Number(range[2]), size - 1);
      response.writeHead(206, { 'Content-Length': end - start + 1, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Last-Modified': lastModified });
      response.end(request.method === 'HEAD' ? undefined : body.subarray(start, end + 1));
      return;
    }
    response.writeHead(200, { 'Content-Length': size, 'Last-Modified': lastModified, 'Accept-Ranges': 'bytes' });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server })));
}

