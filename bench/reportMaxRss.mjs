// Loaded with `node --import` by cliBench.ts: writes the process's peak resident set (KiB) to
// the file LAKELAB_BENCH_RSS_FILE names when the process exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.LAKELAB_BENCH_RSS_FILE) writeFileSync(process.env.LAKELAB_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
