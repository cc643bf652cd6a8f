/**
 * The Content-Security-Policy of the built app: its own origin, the storage endpoints a user
 * connects to (Azure Blob and ADLS, OneLake, emulators on this machine), and the identity
 * provider; wasm compiled by duckdb-wasm, parquet-wasm and sql.js ('wasm-unsafe-eval');
 * workers from its own origin. A meta tag carries it wherever the build is hosted; the preview
 * server also sends it as a header, which is what governs the Web Workers (where the tables
 * are read and written): a meta tag does not reach them. Static hosts should send the header.
 * A table served from another HTTP host needs that host added (LAKELAB_CSP_CONNECT, at build).
 */
import type { Plugin } from 'vite';

export const storageAndIdentityHosts = [
  'https://*.blob.core.windows.net', 'https://*.dfs.core.windows.net',
  'https://*.blob.fabric.microsoft.com', 'https://*.dfs.fabric.microsoft.com',
  'https://login.microsoftonline.com',
  'http://127.0.0.1:*', 'http://localhost:*', 'https://127.0.0.1:*', 'https://localhost:*',
];

export function toContentSecurityPolicy(extraConnect: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    `connect-src 'self' ${[...storageAndIdentityHosts, ...extraConnect].join(' ')}`,
    'frame-src https://login.microsoftonline.com',
    "img-src 'self' data: blob:",
    "style-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Add to vite.config.ts plugins: `contentSecurityPolicy()`. Dev is left alone (its HMR injects inline scripts). */
export function contentSecurityPolicy(extraConnect = (process.env.LAKELAB_CSP_CONNECT ?? '').split(/\s+/).filter(Boolean)): Plugin {
  const policy = toContentSecurityPolicy(extraConnect);
  return {
    name: 'lakelab-content-security-policy',
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => (context.server ? html : html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`)),
    },
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}
