/** The page's side of the simulator worker. */
import { toLakeError } from '../core/errors.ts';
import { PendingCalls } from '../core/pendingCalls.ts';
import type { SimBatch, SimBatchRequest, SimBatchResult, SimCancel, SimRequest, SimResponse, SimRunResult } from './simProtocol.ts';
import type { ConflictRules } from '../core/delta/conflicts/conflictChecker.ts';
import type { LiveTarget } from './liveTarget.ts';

export class SimWorkerClient {
  private worker?: Worker;
  /** The served samples, which scenarios starting from a fixture copy. */
  private readonly samplesUrl = new URL('samples/', globalThis.location?.href ?? 'http://localhost/').href;
  private readonly calls = new PendingCalls<SimRunResult | SimBatchResult>();
  private readonly progress = new Map<number, (done: number, total: number) => void>();

  run(scenario: string | unknown, seed: number, options: { rules?: ConflictRules; runId?: number; withTable?: boolean } = {}): Promise<SimRunResult> {
    const worker = (this.worker ??= this.start());
    const request: Omit<SimRequest, 'id'> = { scenario, seed, rules: options.rules ?? 'delta-rs', samplesUrl: this.samplesUrl, runId: options.runId, withTable: options.withTable };
    return this.calls.send((id) => worker.postMessage({ id, ...request } satisfies SimRequest)) as Promise<SimRunResult>;
  }

  /** Many runs in the worker (a sweep, or a scenario over many seeds), reporting after each; `signal` stops it between two runs. */
  runBatch(batch: SimBatch, options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {}): Promise<SimBatchResult> {
    const worker = (this.worker ??= this.start());
    return this.calls.send((id) => {
      if (options.onProgress) this.progress.set(id, options.onProgress);
      options.signal?.addEventListener('abort', () => worker.postMessage({ cancel: id } satisfies SimCancel), { once: true });
      worker.postMessage({ id, batch, samplesUrl: this.samplesUrl } satisfies SimBatchRequest);
    }) as Promise<SimBatchResult>;
  }

  /** Live mode (not replayable): writers in their own workers on real time. */
  async runLive(scenario: string | unknown, options: { target?: LiveTarget; runId?: number; signal?: AbortSignal } = {}): Promise<SimRunResult> {
    const { runLive } = await import('./liveRunner.ts');
    return runLive(scenario, { ...options, samplesUrl: this.samplesUrl });
  }

  private start(): Worker {
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<SimResponse>) => {
      const message = event.data;
      if ('progress' in message) {
        this.progress.get(message.id)?.(message.progress.done, message.progress.total);
        return;
      }
      this.progress.delete(message.id);
      if (!message.ok) this.calls.reject(message.id, toLakeError(message.error));
      else this.calls.resolve(message.id, 'batch' in message ? message.batch : message.result);
    };
    return worker;
  }
}
