/**
 * A Vite plugin: the dev and preview servers serve a static file whatever escaping its URL
 * uses. Both find files by decodeURI'ing the path (sirv), which leaves an escape of a reserved
 * character as it is: `letter%3Da/part-0.parquet` (what encodeURIComponent makes of the folder
 * `letter=a`) names no file there, and the single-page fallback answers index.html with 200.
 * Nginx and Python's http.server decode every escape; so does this middleware, for the paths
 * where the two readings differ, and it serves the file (ranges too) when one is there.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';

/** The file's path segments under the served folder, when decoding every escape finds another file than decodeURI. */
export function toEscapedFilePath(pathname: string, base = '/'): string[] | undefined {
  if (!pathname.startsWith(base) || !pathname.includes('%')) return undefined;
  const segments = pathname.slice(base.length).split('/');
  let decoded: string[];
  try {
    decoded = segments.map((s) => decodeURIComponent(s));
    if (decodeURI(pathname) === base + decoded.join('/')) return undefined;
  } catch {
    return undefined;
  }
  if (decoded.some((s) => s === '.' || s === '..' || s.includes('/') || s.includes('\\') || s.includes('\0'))) return undefined;
  return decoded;
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range of a file of `size` bytes; 'unsatisfiable' past its end. */
export function toByteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const length = Math.min(Number(match[2]), size);
    return length === 0 ? 'unsatisfiable' : { start: size - length, end: size - 1 };
  }
  const start = Number(match[1]);
  if (start >= size) return 'unsatisfiable';
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return end < start ? undefined : { start, end };
}

const contentTypes: Record<string, string> = { json: 'application/json', csv: 'text/csv', md: 'text/markdown', txt: 'text/plain' };

export function serveEscapedFiles(root: string, base: string, headers: () => OutgoingHttpHeaders | undefined): Connect.NextHandleFunction {
  return (request: IncomingMessage, response: ServerResponse, next: Connect.NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const segments = toEscapedFilePath((request.url ?? '').split('?')[0] ?? '', base);
    if (!segments) return next();
    const path = join(root, ...segments);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return next();
    }
    if (!stats.isFile()) return next();
    const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    const common: OutgoingHttpHeaders = {
      ...headers(),
      'Content-Type': contentTypes[extension] ?? 'application/octet-stream',
      'Accept-Ranges': 'bytes',
      'Last-Modified': stats.mtime.toUTCString(),
    };
    const range = toByteRange(request.headers.range, stats.size);
    if (range === 'unsatisfiable') {
      response.writeHead(416, { ...common, 'Content-Range': `bytes */${stats.size}` }).end();
      return;
    }
    const { start, end } = range ?? { start: 0, end: stats.size - 1 };
    response.writeHead(range ? 206 : 200, {
      ...common,
      'Content-Length': Math.max(0, end - start + 1),
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${stats.size}` } : {}),
    });
    if (request.method === 'HEAD' || stats.size === 0) response.end();
    else createReadStream(path, { start, end }).pipe(response);
  };
}

/** Add to vite.config.ts plugins: `escapedPaths()`. Runs before Vite's own static files. */
export function escapedPaths(): Plugin {
  return {
    name: 'lakelab-escaped-paths',
    configureServer(server) {
      server.middlewares.use(serveEscapedFiles(server.config.publicDir, server.config.base, () => server.config.server.headers));
    },
    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use(serveEscapedFiles(outDir, server.config.base, () => server.config.preview.headers));
    },
  };
}
