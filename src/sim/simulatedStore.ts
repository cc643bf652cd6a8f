/**
 * The simulator's store: a MemoryStore whose every call takes a latency drawn from a seeded
 * Rng, on the virtual clock. The call takes effect when its time comes, atomically (so two
 * racing putIfAbsent calls on one key are ordered by their virtual arrival).
 */
import type { GetOptions, LeaseStore, ListOptions, ListPage, ObjectMeta, ObjectStore, PutIfAbsentOutcome, PutOptions } from '../core/objectStore.ts';
import { randomInt, type Rng } from '../core/rng.ts';
import type { VirtualScheduler } from './scheduler.ts';

export interface Latency {
  /** Milliseconds, inclusive range. */
  min: number;
  max: number;
}

export type StoreCall = 'list' | 'head' | 'get' | 'put' | 'putIfAbsent' | 'delete' | 'lease';

export class SimulatedStore implements ObjectStore {
  readonly readOnly = false;
  readonly description = 'simulated store';

  constructor(
    private readonly inner: ObjectStore,
    private readonly scheduler: VirtualScheduler,
    private readonly rng: Rng,
    private readonly latency: Partial<Record<StoreCall, Latency>> & { default: Latency },
  ) {}

  /** Lease calls take virtual time too. */
  get leases(): LeaseStore | undefined {
    const inner = this.inner.leases;
    if (!inner) return undefined;
    const slow = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
      await this.wait('lease');
      return call(...args);
    };
    return {
      acquire: slow(inner.acquire.bind(inner)),
      renew: slow(inner.renew.bind(inner)),
      change: slow(inner.change.bind(inner)),
      release: slow(inner.release.bind(inner)),
      break: slow(inner.break.bind(inner)),
      info: slow(inner.info.bind(inner)),
      getMetadata: slow(inner.getMetadata.bind(inner)),
      setMetadata: slow(inner.setMetadata.bind(inner)),
    };
  }

  async *list(prefix: string, options?: ListOptions): AsyncIterable<ListPage> {
    await this.wait('list');
    const pages: ListPage[] = [];
    for await (const page of this.inner.list(prefix, options)) pages.push(page);
    yield* pages;
  }

  async head(key: string): Promise<ObjectMeta> {
    await this.wait('head');
    return this.inner.head(key);
  }

  async get(key: string, options?: GetOptions): Promise<Uint8Array> {
    await this.wait('get');
    return this.inner.get(key, options);
  }

  async put(key: string, data: Uint8Array, options?: PutOptions): Promise<ObjectMeta> {
    await this.wait('put');
    return this.inner.put(key, data, options);
  }

  async putIfAbsent(key: string, data: Uint8Array, options?: PutOptions): Promise<PutIfAbsentOutcome> {
    await this.wait('putIfAbsent');
    return this.inner.putIfAbsent(key, data, options);
  }

  async delete(key: string, options?: { leaseId?: string }): Promise<void> {
    await this.wait('delete');
    return this.inner.delete(key, options);
  }

  private wait(call: StoreCall): Promise<void> {
    const range = this.latency[call] ?? this.latency.default;
    return this.scheduler.sleep(randomInt(this.rng, range.min, range.max + 1));
  }
}
