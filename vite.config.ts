import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation gives duckdb-wasm and the live simulator SharedArrayBuffer and Atomics.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096, reportCompressedSize: true },
});
