/// <reference lib="webworker" />
/** Runs simulations off the main thread: the deterministic engine, the real commit code. */
import { toLakeError } from '../core/errors.ts';
import { MemoryStore } from '../storage/memoryStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { simOperations } from './simOperationsImpl.ts';
import { sampleFixtures } from './sampleFixtures.ts';
import { runSimRequest } from './simRun.ts';
import type { FixtureLoader } from '../sim/fixtureTable.ts';
import type { SimRequest, SimResponse } from './simProtocol.ts';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
let fixtures: { url: string; loader: FixtureLoader } | undefined;
const fixturesAt = (url: string | undefined) => {
  if (url === undefined) return undefined;
  if (fixtures?.url !== url) fixtures = { url, loader: sampleFixtures(url) };
  return fixtures.loader;
};

onmessage = async (event: MessageEvent<SimRequest>) => {
  const { id, samplesUrl, ...request } = event.data;
  try {
    await loadParquetWasm();
    const result = await runSimRequest(request, { makeStore: (clock) => new MemoryStore({ clock, newLeaseId: () => 'lease' }), operations: simOperations, settle, fixtures: fixturesAt(samplesUrl) });
    postMessage({ id, ok: true, result } satisfies SimResponse);
  } catch (error) {
    postMessage({ id, ok: false, error: toLakeError(error).toJSON() } satisfies SimResponse);
  }
};
