/// <reference lib="webworker" />
/**
 * The live simulator's shared store, served to every writer worker over its own MessagePort:
 * a MemoryStore (putIfAbsent atomic across workers), or a local folder or an Azure folder, whose
 * own conditional creates decide the race.
 */
import { LakeError, toLakeError } from '../core/errors.ts';
import { serveStore } from '../storage/remoteStore.ts';
import { openLiveStore } from './liveTarget.ts';
import type { ObjectStore } from '../core/objectStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { checkInvariants } from '../sim/invariants.ts';
import { writeStartingTable } from '../sim/startingTable.ts';
import { sampleFixtures } from './sampleFixtures.ts';
import { simOperations } from './simOperationsImpl.ts';
import { toScenario } from './scenarioInput.ts';
import type { StoreWorkerRequest, StoreWorkerResponse } from './liveProtocol.ts';
import { tableObjects } from './simTableObjects.ts';
import { cryptoRng } from '../query/cryptoRng.ts';

let store: ObjectStore | undefined;
const setUp = () => {
  if (!store) throw new LakeError('InvalidInput', 'live store: set up before writers connect');
  return store;
};
let startVersion = 0;
const reply = (message: StoreWorkerResponse) => postMessage(message);

onmessage = async (event: MessageEvent<StoreWorkerRequest>) => {
  const message = event.data;
  try {
    if (message.kind === 'connect') {
      serveStore(setUp(), message.port as unknown as Parameters<typeof serveStore>[1]);
    } else if (message.kind === 'setup') {
      await loadParquetWasm();
      // A local or Azure folder instead of memory: the race then leaves a real Delta table behind.
      store = await openLiveStore(message.target);
      const scenario = toScenario(message.scenario);
      startVersion = await writeStartingTable(store, scenario.table, {
        operations: simOperations,
        rng: cryptoRng(),
        clock: { now: () => Date.now() },
        fixtures: message.samplesUrl === undefined ? undefined : sampleFixtures(message.samplesUrl),
      });
      reply({ kind: 'ready', writers: scenario.writers.map((w) => w.name), startVersion });
    } else {
      const run = { trace: [], store: setUp(), committed: message.committed, startVersion };
      reply({ kind: 'checked', problems: await checkInvariants(run), table: await tableObjects(run.store) });
    }
  } catch (error) {
    reply({ kind: 'failed', error: toLakeError(error).toJSON() });
  }
};
