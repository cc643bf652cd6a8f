/**
 * Wraps a store and injects faults: a call fails with a Network error, is delayed on an
 * injected clock, or a read comes back truncated. Decided per call by a function (often over
 * a seeded Rng), so a failure is reproducible.
 */
import { LakeError } from '../core/errors.ts';
import type { Clock } from '../core/clock.ts';
import type { Rng } from '../core/rng.ts';
import type { GetOptions, ListOptions, ListPage, ObjectMeta, ObjectStore, PutIfAbsentOutcome, PutOptions } from '../core/objectStore.ts';

export type StoreCall = 'list' | 'head' | 'get' | 'put' | 'putIfAbsent' | 'delete';

export type Fault = { kind: 'none' } | { kind: 'fail' } | { kind: 'delay'; ms: number } | { kind: 'truncate'; keepBytes: number };

export interface FaultRates {
  /** Chance a call fails with a Network error. */
  fail?: number;
  /** Chance a call is delayed, by up to `maxDelayMs` (uniform). */
  delay?: number;
  maxDelayMs?: number;
  /** Chance a get returns only part of its bytes. */
  truncate?: number;
  /** Only these calls get faults; default all. */
  calls?: StoreCall[];
}

/** A fault decider over a seeded Rng: the same seed gives the same faults in the same order. */
export function toFaultDecider(rng: Rng, rates: FaultRates): (call: StoreCall, key: string) => Fault {
  return (call) => {
    if (rates.calls && !rates.calls.includes(call)) return { kind: 'none' };
    const roll = rng.next();
    const fail = rates.fail ?? 0;
    const delay = rates.delay ?? 0;
    const truncate = call === 'get' ? (rates.truncate ?? 0) : 0;
    if (roll < fail) return { kind: 'fail' };
    if (roll < fail + delay) return { kind: 'delay', ms: Math.floor(rng.next() * (rates.maxDelayMs ?? 1000)) };
    if (roll < fail + delay + truncate) return { kind: 'truncate', keepBytes: Math.floor(rng.next() * 64) };
    return { kind: 'none' };
  };
}

/** Real time, only when no clock is injected (the simulator always injects its virtual one). */
const realTimer = globalThis as unknown as { setTimeout(callback: (value?: unknown) => void, ms: number): unknown };

export class FaultyStore implements ObjectStore {
  private readonly decideFault: (call: StoreCall, key: string) => Fault;

  constructor(
    private readonly inner: ObjectStore,
    decide: ((call: StoreCall, key: string) => Fault) | { rng: Rng; rates: FaultRates },
    private readonly clock?: Pick<Clock, 'sleep'>,
  ) {
    this.decideFault = typeof decide === 'function' ? decide : toFaultDecider(decide.rng, decide.rates);
  }

  get description(): string {
    return this.inner.description;
  }

  get readOnly(): boolean {
    return this.inner.readOnly;
  }

  get leases() {
    return this.inner.leases;
  }

  async *list(prefix: string, options?: ListOptions): AsyncIterable<ListPage> {
    await this.before('list', prefix);
    yield* this.inner.list(prefix, options);
  }

  async head(key: string, options?: { signal?: GetOptions['signal'] }): Promise<ObjectMeta> {
    await this.before('head', key);
    return this.inner.head(key, options);
  }

  async get(key: string, options?: GetOptions): Promise<Uint8Array> {
    const fault = await this.before('get', key);
    const bytes = await this.inner.get(key, options);
    return fault.kind === 'truncate' ? bytes.subarray(0, fault.keepBytes) : bytes;
  }

  async put(key: string, data: Uint8Array, options?: PutOptions): Promise<ObjectMeta> {
    await this.before('put', key);
    return this.inner.put(key, data, options);
  }

  async putIfAbsent(key: string, data: Uint8Array, options?: PutOptions): Promise<PutIfAbsentOutcome> {
    await this.before('putIfAbsent', key);
    return this.inner.putIfAbsent(key, data, options);
  }

  async delete(key: string, options?: { leaseId?: string; signal?: GetOptions['signal'] }): Promise<void> {
    await this.before('delete', key);
    return this.inner.delete(key, options);
  }

  private async before(call: StoreCall, key: string): Promise<Fault> {
    const fault = this.decideFault(call, key);
    if (fault.kind === 'fail') throw new LakeError('Network', `${key}: injected ${call} failure`);
    if (fault.kind === 'delay') await (this.clock ? this.clock.sleep(fault.ms) : new Promise((r) => realTimer.setTimeout(r, fault.ms)));
    return fault;
  }
}
