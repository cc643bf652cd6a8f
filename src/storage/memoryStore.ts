/** An ObjectStore in memory: the page's writable sample store, the simulator's, and tests'. */
import { LakeError } from '../core/errors.ts';
import {
  checkKey, type GetOptions, type ListOptions, type ListPage, type ObjectMeta, type ObjectStore,
  type LeaseDuration, type LeaseStore, type LeaseWriteOutcome, type PutIfAbsentOutcome, type PutOptions,
} from '../core/objectStore.ts';
import type { Clock } from '../core/clock.ts';
import { compareKeys, groupByDelimiter, toListPages } from './listing.ts';
import { LeaseTable } from './memoryLeases.ts';
import { BlockCopies } from './blockCopies.ts';

interface Entry {
  data: Uint8Array;
  lastModified: number;
  etag: string;
  metadata: Record<string, string>;
}

export interface MemoryEntry {
  key: string;
  data: Uint8Array;
  lastModified: number;
}

export interface MemoryStoreOptions {
  clock?: Pick<Clock, 'now'>;
  description?: string;
  /** Lease ids; default crypto.randomUUID (the simulator passes a seeded source). */
  newLeaseId?: () => string;
}

const systemClock: Pick<Clock, 'now'> = { now: () => Date.now() };

export class MemoryStore implements ObjectStore {
  readonly description: string;
  readonly readOnly = false;
  private readonly entries = new Map<string, Entry>();
  /** Every key in listing order, so a listing finds its prefix (or `startAfter`) by binary search. */
  private readonly sortedKeys: string[] = [];
  private readonly clock: Pick<Clock, 'now'>;
  private nextEtag = 1;
  private readonly leaseTable: LeaseTable;
  readonly leases: LeaseStore;

  /** Set by copySmallReadsFromBlocks. */
  private blockCopies: BlockCopies | undefined;

  constructor(options: MemoryStoreOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.description = options.description ?? 'memory';
    this.leaseTable = new LeaseTable(this.clock, options.newLeaseId);
    this.leases = this.createLeaseStore();
  }

  /**
   * From now on a whole-object read of a small object returns a copy carved out of a shared block
   * (blockCopies.ts): cheaper when the store is read thousands of times (the simulator's), for
   * readers that never transfer or detach a read's `.buffer`.
   */
  copySmallReadsFromBlocks(): void {
    this.blockCopies ??= new BlockCopies();
  }

  async *list(prefix: string, options: ListOptions = {}): AsyncIterable<ListPage> {
    const { startAfter } = options;
    const from = startAfter !== undefined && compareKeys(startAfter, prefix) >= 0 ? this.indexAfter(startAfter) : this.indexOf(prefix);
    const metas: ObjectMeta[] = [];
    for (let i = from; i < this.sortedKeys.length && this.sortedKeys[i]!.startsWith(prefix); i++) {
      const key = this.sortedKeys[i]!;
      metas.push(this.toMeta(key, this.entries.get(key)!));
    }
    const { objects, prefixes } = options.delimiter ? groupByDelimiter(metas, prefix) : { objects: metas, prefixes: [] };
    yield* toListPages(objects, prefixes, 1000);
  }

  async head(key: string): Promise<ObjectMeta> {
    return this.toMeta(key, this.require(key));
  }

  async get(key: string, options: GetOptions = {}): Promise<Uint8Array> {
    const { data } = this.require(key);
    if (!options.range) return this.blockCopies ? this.blockCopies.copy(data) : data.slice();
    const start = Math.min(options.range.offset, data.length);
    return data.slice(start, Math.min(start + options.range.length, data.length));
  }

  async put(key: string, data: Uint8Array, options: PutOptions = {}): Promise<ObjectMeta> {
    this.validate(key);
    this.checkLease(key, options.leaseId);
    const meta = this.write(key, data);
    this.entries.get(key)!.metadata = { ...(options.metadata ?? {}) };
    return meta;
  }

  async putIfAbsent(key: string, data: Uint8Array, _options?: PutOptions): Promise<PutIfAbsentOutcome> {
    // A stored key is a valid one; a new key is checked as it is written.
    if (this.entries.has(key)) return { status: 'exists' };
    return { status: 'created', meta: this.write(key, data) };
  }

  async delete(key: string, options: { leaseId?: string } = {}): Promise<void> {
    this.validate(key);
    if (!this.entries.has(key)) return;
    this.checkLease(key, options.leaseId);
    this.entries.delete(key);
    this.sortedKeys.splice(this.indexOf(key), 1);
    this.leaseTable.forget(key);
  }

  /** Write with a given modification time: for loading folders and fixtures into memory. */
  putWithTime(key: string, data: Uint8Array, lastModified: number): ObjectMeta {
    this.validate(key);
    const entry = { data: data.slice(), lastModified, etag: `"${this.nextEtag++}"`, metadata: this.entries.get(key)?.metadata ?? {} };
    if (!this.entries.has(key)) this.sortedKeys.splice(this.indexOf(key), 0, key);
    this.entries.set(key, entry);
    return this.toMeta(key, entry);
  }

  /** Every object with its bytes and times, for copying a store (the simulator, the page). */
  toEntries(): MemoryEntry[] {
    return [...this.entries.entries()].map(([key, e]) => ({ key, data: e.data.slice(), lastModified: e.lastModified }));
  }

  /** A store holding these objects (as `toEntries` gives them); leases start available. */
  static fromEntries(entries: Iterable<MemoryEntry>, options: MemoryStoreOptions = {}): MemoryStore {
    const store = new MemoryStore(options);
    for (const entry of entries) store.putWithTime(entry.key, entry.data, entry.lastModified);
    return store;
  }

  /** The first position whose key sorts at or after `key`. */
  private indexOf(key: string): number {
    let low = 0;
    let high = this.sortedKeys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareKeys(this.sortedKeys[mid]!, key) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The first position whose key sorts after `key`. */
  private indexAfter(key: string): number {
    const at = this.indexOf(key);
    return this.sortedKeys[at] === key ? at + 1 : at;
  }

  private checkLease(key: string, leaseId: string | undefined): void {
    const problem = this.leaseTable.checkWrite(key, leaseId);
    if (problem) throw new LakeError('AccessDenied', `${key}: ${problem}`);
  }

  private createLeaseStore(): LeaseStore {
    const table = this.leaseTable;
    const existing = (key: string) => this.require(key);
    return {
      acquire: async (key: string, duration: LeaseDuration, proposed?: string) => (existing(key), table.acquire(key, duration, proposed)),
      renew: async (key: string, id: string) => (existing(key), table.renew(key, id)),
      change: async (key: string, id: string, proposed: string) => (existing(key), table.change(key, id, proposed)),
      release: async (key: string, id: string) => (existing(key), table.release(key, id)),
      break: async (key: string, period?: number) => (existing(key), table.break(key, period)),
      info: async (key: string) => (existing(key), table.info(key)),
      getMetadata: async (key: string) => ({ ...existing(key).metadata }),
      setMetadata: async (key: string, metadata: Record<string, string>, leaseId?: string): Promise<LeaseWriteOutcome> => {
        const entry = existing(key);
        const problem = table.checkWrite(key, leaseId);
        if (problem) return { status: 'lost', reason: problem };
        entry.metadata = { ...metadata };
        entry.etag = `"${this.nextEtag++}"`;
        return { status: 'ok', meta: this.toMeta(key, entry) };
      },
    };
  }

  private write(key: string, data: Uint8Array): ObjectMeta {
    return this.putWithTime(key, data, this.clock.now());
  }

  private require(key: string): Entry {
    const entry = this.entries.get(key);
    // A stored key was checked when it was written: only a key not found is checked here (an invalid one is InvalidInput, not NotFound).
    if (entry) return entry;
    this.validate(key);
    throw new LakeError('NotFound', `${key}: no such object in ${this.description}`);
  }

  private validate(key: string): void {
    const problem = checkKey(key);
    if (problem) throw new LakeError('InvalidInput', problem);
  }

  private toMeta(key: string, entry: Entry): ObjectMeta {
    return { key, size: entry.data.length, lastModified: entry.lastModified, etag: entry.etag };
  }
}
