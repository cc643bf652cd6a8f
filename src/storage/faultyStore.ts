/**
 * Wraps a store and injects faults (faultRates.ts): latency, failed and timed-out requests,
 * writes that land but report failure (and creates that report 'exists'), puts that report
 * success and write nothing, truncated reads, listings that lag behind writes (listingLag.ts),
 * and a process that dies before or after a call. Decided per call by a function (often over
 * a seeded Rng), so a failure is reproducible; each injected fault is counted.
 */
import { LakeError } from '../core/errors.ts';
import { DelegatingStore } from './delegatingStore.ts';
import type { Clock } from '../core/clock.ts';
import type { Rng } from '../core/rng.ts';
import type { GetOptions, ListOptions, ListPage, ObjectMeta, ObjectStore, PutIfAbsentOutcome, PutOptions } from '../core/objectStore.ts';
import { toFaultDecider, type Fault, type FaultRates, type StoreCall } from './faultRates.ts';
import type { ListingLag } from './listingLag.ts';

export { toFaultDecider, type Fault, type FaultRates, type StoreCall } from './faultRates.ts';

/** What a writer whose process died sees: this call and every later one. */
export class InjectedCrash extends LakeError {
  constructor(call: string, key: string, after: boolean) {
    super('Aborted', `injected crash ${after ? 'after' : 'before'} ${call} ${key}: the process is dead`);
  }
}

/** Real time, only when no clock is injected (the simulator always injects its virtual one). */
const realTimer = globalThis as unknown as { setTimeout(callback: (value?: unknown) => void, ms: number): unknown };

export interface FaultyStoreOptions {
  clock?: Pick<Clock, 'sleep'>;
  /** Listings lag behind writes; share one among every client of the same store. */
  lag?: ListingLag;
}

export class FaultyStore extends DelegatingStore {
  private readonly decideFault: (call: StoreCall, key: string) => Fault;
  private readonly clock?: Pick<Clock, 'sleep'>;
  private readonly lag?: ListingLag;
  private dead?: InjectedCrash;
  /** Faults injected so far, by kind. */
  readonly injected: Partial<Record<Fault['kind'], number>> = {};

  constructor(
    inner: ObjectStore,
    decide: ((call: StoreCall, key: string) => Fault) | { rng: Rng; rates: FaultRates },
    options?: Pick<Clock, 'sleep'> | FaultyStoreOptions,
  ) {
    super(inner);
    this.decideFault = typeof decide === 'function' ? decide : toFaultDecider(decide.rng, decide.rates);
    const opts: FaultyStoreOptions = options && 'sleep' in options ? { clock: options } : (options ?? {});
    this.clock = opts.clock;
    this.lag = opts.lag;
  }

  /** True once an injected crash killed this client. */
  get crashed(): boolean {
    return this.dead !== undefined;
  }

  override async *list(prefix: string, options?: ListOptions): AsyncIterable<ListPage> {
    await this.run('list', prefix, async () => undefined);
    for await (const page of this.inner.list(prefix, options)) {
      yield this.lag ? { ...page, objects: this.lag.visible(page.objects) } : page;
    }
  }

  override head(key: string, options?: { signal?: GetOptions['signal'] }): Promise<ObjectMeta> {
    return this.run('head', key, () => this.inner.head(key, options));
  }

  override get(key: string, options?: GetOptions): Promise<Uint8Array> {
    return this.run('get', key, () => this.inner.get(key, options));
  }

  override put(key: string, data: Uint8Array, options?: PutOptions): Promise<ObjectMeta> {
    return this.run('put', key, async () => {
      const meta = await this.inner.put(key, data, options);
      this.lag?.noteWrite(key);
      return meta;
    }, () => ({ key, size: data.length, lastModified: 0 }));
  }

  override putIfAbsent(key: string, data: Uint8Array, options?: PutOptions): Promise<PutIfAbsentOutcome> {
    return this.run('putIfAbsent', key, async () => {
      const outcome = await this.inner.putIfAbsent(key, data, options);
      if (outcome.status === 'created') this.lag?.noteWrite(key);
      return outcome;
    });
  }

  override delete(key: string, options?: { leaseId?: string; signal?: GetOptions['signal'] }): Promise<void> {
    return this.run('delete', key, async () => {
      await this.inner.delete(key, options);
      this.lag?.noteDelete(key);
    });
  }

  private async run<T>(call: StoreCall, key: string, perform: () => Promise<T>, phantom?: () => T): Promise<T> {
    if (this.dead) throw this.dead;
    const fault = this.decideFault(call, key);
    if (fault.kind !== 'none') this.injected[fault.kind] = (this.injected[fault.kind] ?? 0) + 1;
    switch (fault.kind) {
      case 'fail':
        throw new LakeError('Network', `${key}: injected ${call} failure`);
      case 'delay':
        await this.sleep(fault.ms);
        return perform();
      case 'truncate': {
        const result = await perform();
        return (result instanceof Uint8Array ? result.subarray(0, fault.keepBytes) : result) as T;
      }
      case 'timeout':
        await this.sleep(fault.ms);
        // The request is still on its way: it lands after the caller was told it timed out.
        if (fault.landsAfterMs !== undefined) void this.sleep(fault.landsAfterMs).then(perform).catch(() => undefined);
        throw new LakeError('Network', `${key}: ${call} timed out after ${fault.ms} ms (injected)`);
      case 'failAfter':
        await perform();
        throw new LakeError('Network', `${key}: the connection dropped before the answer to ${call} arrived (injected)`);
      case 'existsAfter': {
        const outcome = await perform();
        return (call === 'putIfAbsent' ? { status: 'exists' } : outcome) as T;
      }
      case 'phantom':
        return phantom ? phantom() : perform();
      case 'crash':
        if (fault.after) await perform().catch(() => undefined);
        this.dead = new InjectedCrash(call, key, fault.after);
        throw this.dead;
      case 'none':
        return perform();
    }
  }

  private sleep(ms: number): Promise<void> {
    return this.clock ? this.clock.sleep(ms) : new Promise<void>((resolve) => realTimer.setTimeout(() => resolve(), ms));
  }
}
