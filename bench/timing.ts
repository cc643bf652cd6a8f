/** Best-of-N wall-clock timing and the figures a benchmark reports. */
export interface BenchResult {
  name: string;
  lakelabMs: number;
  peerName?: string;
  peerMs?: number;
  /** Lakelab's time may be at most this multiple of the peer's. */
  targetRatio?: number;
  notes?: string[];
}

export async function timeBest(runs: number, run: () => Promise<void>): Promise<number> {
  await run(); // warm-up: wasm compilation, file cache
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export function formatResult(result: BenchResult): string {
  const lines = [`${result.name}`, `  Lakelab: ${result.lakelabMs.toFixed(1)} ms`];
  if (result.peerMs !== undefined) {
    const ratio = result.lakelabMs / result.peerMs;
    lines.push(`  ${result.peerName}: ${result.peerMs.toFixed(1)} ms`);
    const verdict = result.targetRatio === undefined ? '' : ratio <= result.targetRatio ? ` (target <= ${result.targetRatio}x: met)` : ` (target <= ${result.targetRatio}x: MISSED)`;
    lines.push(`  ratio: ${ratio.toFixed(2)}x${verdict}`);
  }
  for (const note of result.notes ?? []) lines.push(`  ${note}`);
  return lines.join('\n');
}
