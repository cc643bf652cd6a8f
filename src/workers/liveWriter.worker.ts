/// <reference lib="webworker" />
/**
 * One live writer: the same writer code as the deterministic engine, at full speed in its own
 * Web Worker, on real time, against the shared store over a MessagePort.
 */
import { RemoteStore, type PortLike } from '../storage/remoteStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { runWriter } from '../sim/runWriter.ts';
import { simOperations } from './simOperationsImpl.ts';
import { toScenario } from './scenarioInput.ts';
import type { WriterWorkerMessage, WriterWorkerRequest } from './liveProtocol.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { cryptoRng } from '../query/cryptoRng.ts';

const realTime = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };
/** How often a writer sends the page the trace events it has recorded. */
const flushEveryMs = 100;

onmessage = async (event: MessageEvent<WriterWorkerRequest>) => {
  const { scenario: nameOrJson, writer, port, startTime } = event.data;
  await loadParquetWasm();
  const scenario = toScenario(nameOrJson);
  const script = scenario.writers[writer]!;
  const store = new RemoteStore(port as unknown as PortLike);
  port.start();
  const committed: { writer: string; version: number; transaction: import('../core/delta/transaction.ts').Transaction }[] = [];
  let recorded: TraceEvent[] = [];
  const flush = () => {
    if (recorded.length > 0) postMessage({ kind: 'events', events: recorded } satisfies WriterWorkerMessage);
    recorded = [];
  };
  const flusher = setInterval(flush, flushEveryMs);
  const outcome = await runWriter(script, {
    store,
    scheduler: realTime,
    operations: simOperations,
    isolationLevel: scenario.isolationLevel,
    startTime,
    record: (e) => recorded.push(e),
    committed,
  }, cryptoRng()); // live runs are not replayable: file names must not collide
  clearInterval(flusher);
  flush();
  postMessage({ kind: 'done', writer: script.name, outcome, committed } satisfies WriterWorkerMessage);
};
