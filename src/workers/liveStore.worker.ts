/// <reference lib="webworker" />
/**
 * The live simulator's shared store: one MemoryStore served to every writer worker over its own
 * MessagePort, one call at a time (so putIfAbsent is atomic across workers).
 */
import { toLakeError } from '../core/errors.ts';
import { seededRng } from '../core/rng.ts';
import { MemoryStore } from '../storage/memoryStore.ts';
import { serveStore } from '../storage/remoteStore.ts';
import { LocalFolderStore } from '../storage/localFolderStore.ts';
import type { ObjectStore } from '../core/objectStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { checkInvariants } from '../sim/invariants.ts';
import { writeStartingTable } from '../sim/startingTable.ts';
import { sampleFixtures } from './sampleFixtures.ts';
import { simOperations } from './simOperationsImpl.ts';
import { toScenario } from './liveScenario.ts';
import type { StoreWorkerRequest, StoreWorkerResponse } from './liveProtocol.ts';

let store: ObjectStore = new MemoryStore({ description: 'live shared store' });
let startVersion = 0;
const reply = (message: StoreWorkerResponse) => postMessage(message);

onmessage = async (event: MessageEvent<StoreWorkerRequest>) => {
  const message = event.data;
  try {
    if (message.kind === 'connect') {
      serveStore(store, message.port as unknown as Parameters<typeof serveStore>[1]);
    } else if (message.kind === 'setup') {
      await loadParquetWasm();
      // A real local folder instead of memory: the race then leaves a real Delta table behind.
      if (message.folder) store = new LocalFolderStore(message.folder);
      const scenario = toScenario(message.scenario);
      startVersion = await writeStartingTable(store, scenario.table, {
        operations: simOperations,
        rng: seededRng(crypto.getRandomValues(new Uint32Array(1))[0]!),
        clock: { now: () => Date.now() },
        fixtures: message.samplesUrl === undefined ? undefined : sampleFixtures(message.samplesUrl),
      });
      reply({ kind: 'ready', writers: scenario.writers.map((w) => w.name), startVersion });
    } else {
      const run = { scenario: '', seed: 0, trace: message.trace, outcomes: message.outcomes, finalVersion: 0, events: 0, store, committed: message.committed, startVersion };
      reply({ kind: 'checked', problems: await checkInvariants(run) });
    }
  } catch (error) {
    reply({ kind: 'failed', error: toLakeError(error).toJSON() });
  }
};
