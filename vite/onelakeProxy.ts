/**
 * A Vite plugin: the same-origin route to OneLake and Azure storage in the dev and preview
 * servers (`/__onelake/<host>/<path>` -> `https://<host>/<path>`, Azure hosts only). The mapping
 * and the header rules live in src/storage/oneLakeProxy.ts, where they are tested.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import {
  planProxyRequest, toForwardedRequestHeaders, toForwardedResponseHeaders,
} from '../src/storage/oneLakeProxy.ts';
import { redactSecrets } from '../src/storage/azureAddress.ts';

async function readRequestBody(request: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? new Uint8Array(Buffer.concat(chunks)) : undefined;
}

export function handleOneLakeProxy(fetchImpl: typeof fetch = fetch): Connect.NextHandleFunction {
  return (request: IncomingMessage, response: ServerResponse, next: Connect.NextFunction) => {
    const plan = planProxyRequest(request.url ?? '');
    if (!plan) return next();
    if ('problem' in plan) {
      response.statusCode = plan.status;
      response.setHeader('content-type', 'text/plain; charset=utf-8');
      response.end(plan.problem);
      return;
    }
    void (async () => {
      try {
        const body = await readRequestBody(request);
        const upstream = await fetchImpl(plan.target, {
          method: request.method ?? 'GET',
          headers: toForwardedRequestHeaders(request.headers),
          body,
          redirect: 'manual',
        });
        const headers = toForwardedResponseHeaders(upstream.headers.entries());
        const bytes = request.method === 'HEAD' ? undefined : new Uint8Array(await upstream.arrayBuffer());
        if (bytes) headers['content-length'] = String(bytes.length);
        response.writeHead(upstream.status, headers);
        response.end(bytes);
      } catch (error) {
        response.statusCode = 502;
        response.setHeader('content-type', 'text/plain; charset=utf-8');
        response.end(`proxy to ${redactSecrets(plan.target)} failed: ${redactSecrets(String((error as Error)?.message ?? error))}`);
      }
    })();
  };
}

/** Add to vite.config.ts plugins: `oneLakeProxy()`. */
export function oneLakeProxy(): Plugin {
  return {
    name: 'lakelab-onelake-proxy',
    configureServer(server) {
      server.middlewares.use(handleOneLakeProxy());
    },
    configurePreviewServer(server) {
      server.middlewares.use(handleOneLakeProxy());
    },
  };
}
