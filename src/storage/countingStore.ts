/** Wraps a store and counts its calls, so tests can hold reads to an I/O budget. */
import { DelegatingStore } from './delegatingStore.ts';
import type { GetOptions, ListOptions, ListPage, ObjectMeta, ObjectStore, PutIfAbsentOutcome, PutOptions } from '../core/objectStore.ts';

export interface CallCounts {
  list: number;
  head: number;
  get: number;
  /** Gets with a byte range (also counted in `get`). */
  rangedGet: number;
  bytesRead: number;
  /** Bytes returned by ranged gets (also counted in `bytesRead`). */
  rangeBytes: number;
  put: number;
  putIfAbsent: number;
  delete: number;
  /** Keys read with get, in order. */
  keysRead: string[];
}

const zero = (): CallCounts => ({ list: 0, head: 0, get: 0, rangedGet: 0, bytesRead: 0, rangeBytes: 0, put: 0, putIfAbsent: 0, delete: 0, keysRead: [] });

export class CountingStore extends DelegatingStore {
  private current = zero();

  constructor(inner: ObjectStore) {
    super(inner);
  }

  counts(): CallCounts {
    return { ...this.current, keysRead: [...this.current.keysRead] };
  }

  reset(): void {
    this.current = zero();
  }

  override list(prefix: string, options?: ListOptions): AsyncIterable<ListPage> {
    this.current.list++;
    return this.inner.list(prefix, options);
  }

  override head(key: string, options?: { signal?: GetOptions['signal'] }): Promise<ObjectMeta> {
    this.current.head++;
    return this.inner.head(key, options);
  }

  override async get(key: string, options?: GetOptions): Promise<Uint8Array> {
    this.current.get++;
    if (options?.range) this.current.rangedGet++;
    this.current.keysRead.push(key);
    const bytes = await this.inner.get(key, options);
    this.current.bytesRead += bytes.length;
    if (options?.range) this.current.rangeBytes += bytes.length;
    return bytes;
  }

  override put(key: string, data: Uint8Array, options?: PutOptions): Promise<ObjectMeta> {
    this.current.put++;
    return this.inner.put(key, data, options);
  }

  override putIfAbsent(key: string, data: Uint8Array, options?: PutOptions): Promise<PutIfAbsentOutcome> {
    this.current.putIfAbsent++;
    return this.inner.putIfAbsent(key, data, options);
  }

  override delete(key: string, options?: { leaseId?: string; signal?: GetOptions['signal'] }): Promise<void> {
    this.current.delete++;
    return this.inner.delete(key, options);
  }
}
