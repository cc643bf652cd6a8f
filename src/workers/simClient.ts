/** The page's side of the simulator worker. */
import { toLakeError } from '../core/errors.ts';
import type { SimResponse, SimRunResult } from './simProtocol.ts';
import type { LiveTarget } from './liveTarget.ts';

export class SimWorkerClient {
  private worker?: Worker;
  /** The served samples, which scenarios starting from a fixture copy. */
  private readonly samplesUrl = new URL('samples/', globalThis.location?.href ?? 'http://localhost/').href;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: SimRunResult) => void; reject: (e: unknown) => void }>();

  run(scenario: string | unknown, seed: number, rules: 'delta-rs' | 'spark' | 'ducklake' = 'delta-rs'): Promise<SimRunResult> {
    this.worker ??= this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ id, scenario, seed, rules, samplesUrl: this.samplesUrl });
    });
  }

  /** Live mode (not replayable): writers in their own workers on real time. */
  async runLive(scenario: string | unknown, target?: LiveTarget): Promise<SimRunResult> {
    const { runLive } = await import('./liveRunner.ts');
    return runLive(scenario, { target, samplesUrl: this.samplesUrl });
  }

  private start(): Worker {
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<SimResponse>) => {
      const message = event.data;
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(toLakeError(message.error));
    };
    return worker;
  }
}
