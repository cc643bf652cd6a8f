import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { oneLakeProxy } from './vite/onelakeProxy.ts';
import { escapedPaths } from './vite/escapedPaths.ts';
import { contentSecurityPolicy } from './vite/contentSecurityPolicy.ts';

// Cross-origin isolation gives duckdb-wasm and the live simulator SharedArrayBuffer and Atomics.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// The Azure SDK's browser XML parser needs DOMParser and document, which Web Workers lack; its
// portable build (fast-xml-parser) runs in the page and in workers alike.
const portableAzureXml = fileURLToPath(new URL('./node_modules/@azure/core-xml/dist/esm/index.js', import.meta.url));

export default defineConfig({
  // The same-origin route to OneLake for dev and preview (docs/decisions/0003-onelake-cors.md),
  // and static files served whatever escaping their URL uses (a table's `letter=a/` folders);
  // the built app's Content-Security-Policy (vite/contentSecurityPolicy.ts).
  plugins: [react(), oneLakeProxy(), escapedPaths(), contentSecurityPolicy()],
  resolve: { alias: { '@azure/core-xml': portableAzureXml } },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096, reportCompressedSize: true },
});
