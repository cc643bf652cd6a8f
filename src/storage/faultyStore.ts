/**
 * Wraps a store and injects faults: a call fails with a Network error, is delayed on an
 * injected clock, or a read comes back truncated. Decided per call by a function (often over
 * a seeded Rng), so a failure is reproducible.
 */
import { LakeError } from '../core/errors.ts';
import type { Clock } from '../core/clock.ts';
import type { GetOptions, ListOptions, ListPage, ObjectMeta, ObjectStore, PutIfAbsentOutcome, PutOptions } from '../core/objectStore.ts';

export type StoreCall = 'list' | 'head' | 'get' | 'put' | 'putIfAbsent' | 'delete';

export type Fault = { kind: 'none' } | { kind: 'fail' } | { kind: 'delay'; ms: number } | { kind: 'truncate'; keepBytes: number };

export class FaultyStore implements ObjectStore {
  constructor(
    private readonly inner: ObjectStore,
    private readonly decide: (call: StoreCall, key: string) => Fault,
    private readonly clock?: Pick<Clock, 'sleep'>,
  ) {}

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

  async head(key: string): Promise<ObjectMeta> {
    await this.before('head', key);
    return this.inner.head(key);
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

  async delete(key: string, options?: { leaseId?: string }): Promise<void> {
    await this.before('delete', key);
    return this.inner.delete(key, options);
  }

  private async before(call: StoreCall, key: string): Promise<Fault> {
    const fault = this.decide(call, key);
    if (fault.kind === 'fail') throw new LakeError('Network', `${key}: injected ${call} failure`);
    if (fault.kind === 'delay') await (this.clock ? this.clock.sleep(fault.ms) : new Promise((r) => setTimeout(r, fault.ms)));
    return fault;
  }
}
