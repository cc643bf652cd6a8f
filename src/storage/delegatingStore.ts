/**
 * A store over another one: what it is (description, read-only, leases) and every call pass
 * through unless a subclass overrides them. The wrappers (counting, fault injection, indexed
 * file times) override only the calls they change.
 */
import type { GetOptions, ListOptions, ListPage, ObjectMeta, ObjectStore, PutIfAbsentOutcome, PutOptions } from '../core/objectStore.ts';

export abstract class DelegatingStore implements ObjectStore {
  constructor(protected readonly inner: ObjectStore) {}

  get description(): string {
    return this.inner.description;
  }

  get readOnly(): boolean {
    return this.inner.readOnly;
  }

  get leases() {
    return this.inner.leases;
  }

  list(prefix: string, options?: ListOptions): AsyncIterable<ListPage> {
    return this.inner.list(prefix, options);
  }

  head(key: string, options?: { signal?: GetOptions['signal'] }): Promise<ObjectMeta> {
    return this.inner.head(key, options);
  }

  get(key: string, options?: GetOptions): Promise<Uint8Array> {
    return this.inner.get(key, options);
  }

  put(key: string, data: Uint8Array, options?: PutOptions): Promise<ObjectMeta> {
    return this.inner.put(key, data, options);
  }

  putIfAbsent(key: string, data: Uint8Array, options?: PutOptions): Promise<PutIfAbsentOutcome> {
    return this.inner.putIfAbsent(key, data, options);
  }

  delete(key: string, options?: { leaseId?: string; signal?: GetOptions['signal'] }): Promise<void> {
    return this.inner.delete(key, options);
  }
}
