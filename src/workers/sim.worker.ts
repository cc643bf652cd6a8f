/// <reference lib="webworker" />
/** Runs simulations off the main thread: the deterministic engine, the real commit code. */
import { toLakeError } from '../core/errors.ts';
import { MemoryStore } from '../storage/memoryStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { simOperations as shared } from './simOperationsImpl.ts';
import { createSimDucklake } from './simDucklakeImpl.ts';
import { openBrowserSqlEngine } from '../query/duckdbBrowser.ts';
import { sampleFixtures } from './sampleFixtures.ts';
import { runSimRequest } from './simRun.ts';
import { simWaits } from './simSettle.ts';
import type { FixtureLoader } from '../sim/fixtureTable.ts';
import type { SimMessage, SimResponse } from './simProtocol.ts';
import { runSimBatch } from './simBatch.ts';

let fixtures: { url: string; loader: FixtureLoader } | undefined;
const fixturesAt = (url: string | undefined) => {
  if (url === undefined) return undefined;
  if (fixtures?.url !== url) fixtures = { url, loader: sampleFixtures(url) };
  return fixtures.loader;
};

// Lease scenarios commit to a real DuckLake catalog: duckdb-wasm starts only when one reads inlined rows.
const simOperations = { ...shared, ducklake: createSimDucklake(openBrowserSqlEngine) };
const deps = (samplesUrl: string | undefined) => ({ makeStore: (clock: { now(): number }) => new MemoryStore({ clock, newLeaseId: () => 'lease' }), operations: simOperations, ...simWaits, fixtures: fixturesAt(samplesUrl) });
const cancelled = new Set<number>();

onmessage = async (event: MessageEvent<SimMessage>) => {
  const message = event.data;
  if ('cancel' in message) {
    cancelled.add(message.cancel);
    return;
  }
  const { id, samplesUrl } = message;
  try {
    await loadParquetWasm();
    if ('batch' in message) {
      const batch = await runSimBatch(message.batch, deps(samplesUrl), {
        onProgress: (done, total) => postMessage({ id, progress: { done, total } } satisfies SimResponse),
        isCancelled: () => cancelled.has(id),
      });
      postMessage({ id, ok: true, batch } satisfies SimResponse);
    } else {
      const { id: _, samplesUrl: __, ...request } = message;
      const result = await runSimRequest(request, deps(samplesUrl));
      postMessage({ id, ok: true, result } satisfies SimResponse);
    }
  } catch (error) {
    postMessage({ id, ok: false, error: toLakeError(error).toJSON() } satisfies SimResponse);
  } finally {
    cancelled.delete(id);
  }
};
