/**
 * Live mode: every writer a real Web Worker running the same transaction code at full speed,
 * all against one shared store (its own worker, served over MessagePorts): in memory, or a
 * local or Azure folder. Not
 * replayable: real threads decide the interleaving. Its trace is recorded the same way.
 */
import { LakeError, toLakeError } from '../core/errors.ts';
import type { TraceEvent } from '../sim/trace.ts';
import { summarise } from '../sim/figures.ts';
import type { SimRunResult } from './simProtocol.ts';
import type { StoreWorkerResponse, WriterWorkerMessage } from './liveProtocol.ts';
import { toScenario } from './scenarioInput.ts';
import { describeLiveTarget, type LiveTarget } from './liveTarget.ts';

type Committed = Extract<WriterWorkerMessage, { kind: 'done' }>['committed'];

/** `runId`: the page's id for this run, carried back in the result. */
/** `signal`: cancels the run; its workers are stopped where they are, and it rejects with Aborted. */
export async function runLive(scenarioOrName: string | unknown, options: { target?: LiveTarget; samplesUrl?: string; runId?: number; signal?: AbortSignal } = {}): Promise<SimRunResult> {
  const target = options.target ?? { kind: 'memory' };
  const scenario = toScenario(scenarioOrName);
  if (scenario.writers.some((w) => w.lease || w.ducklake)) {
    throw new LakeError('Unsupported', 'live mode runs Delta writers; lease scenarios and DuckLake catalog database writers run in the deterministic engine (their leases and snapshot races live on its virtual clock)');
  }
  const storeWorker = new Worker(new URL('./liveStore.worker.ts', import.meta.url), { type: 'module' });
  const writers: Worker[] = [];
  const ask = (message: unknown, transfer: Transferable[] = []) => new Promise<StoreWorkerResponse>((resolve) => {
    storeWorker.onmessage = (event: MessageEvent<StoreWorkerResponse>) => resolve(event.data);
    storeWorker.postMessage(message, transfer);
  });
  const cancelled = new Promise<never>((_, reject) => {
    const stop = () => reject(new LakeError('Aborted', 'the live run was cancelled: its writers were stopped where they were (a table in a folder or on Azure keeps what they had committed)'));
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', stop, { once: true });
  });
  cancelled.catch(() => undefined);
  const race = <T>(work: Promise<T>) => Promise.race([work, cancelled]);
  try {
    const ready = await race(ask({ kind: 'setup', scenario: scenarioOrName, target, samplesUrl: options.samplesUrl }));
    if (ready.kind === 'failed') throw toLakeError(ready.error);
    const startVersion = ready.kind === 'ready' ? ready.startVersion : 0;
    const trace: TraceEvent[] = [];
    const outcomes: Record<string, string> = {};
    const committed: Committed = [];
    const startTime = Date.now();
    await race(Promise.all(scenario.writers.map((_, index) => new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      storeWorker.postMessage({ kind: 'connect', port: channel.port1 }, [channel.port1]);
      const worker = new Worker(new URL('./liveWriter.worker.ts', import.meta.url), { type: 'module' });
      writers.push(worker);
      worker.onmessage = (event: MessageEvent<WriterWorkerMessage>) => {
        const message = event.data;
        if (message.kind === 'events') {
          for (const e of message.events) trace.push(e);
        } else {
          outcomes[message.writer] = message.outcome;
          for (const c of message.committed) committed.push(c);
          resolve();
        }
      };
      worker.postMessage({ scenario: scenarioOrName, writer: index, port: channel.port2, startTime }, [channel.port2]);
    }))));
    trace.sort((a, b) => a.t - b.t);
    const checked = await race(ask({ kind: 'check', committed }));
    const run = { scenario: scenario.name, seed: 0, trace, outcomes, finalVersion: committed.reduce((latest, c) => Math.max(latest, c.version), startVersion), events: trace.length };
    return {
      runId: options.runId,
      ...run,
      summary: summarise(run),
      invariantViolations: checked.kind === 'checked' ? checked.problems : [{ invariant: 'log-checked', message: `the log could not be checked: ${checked.kind === 'failed' ? checked.error.message : 'no answer'}` }],
      live: true,
      liveOn: describeLiveTarget(target),
      ...(checked.kind === 'checked' ? { table: checked.table } : {}),
    };
  } finally {
    for (const worker of writers) worker.terminate();
    storeWorker.terminate();
  }
}
