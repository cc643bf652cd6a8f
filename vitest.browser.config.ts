import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';

// Contract suites of the browser-only adapters, in real Chromium (Debian's; none is downloaded).
export default defineConfig({
  test: {
    include: ['src/**/*.browser.test.ts'],
    // LAKELAB_VITEST_BROWSER_PORT lets two checkouts run browser tests side by side.
    api: { port: Number(process.env.LAKELAB_VITEST_BROWSER_PORT ?? 63315), strictPort: true },
    testTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
});
