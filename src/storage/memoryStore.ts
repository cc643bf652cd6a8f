/** An ObjectStore in memory: the page's writable sample store, the simulator's, and tests'. */
import { LakeError } from '../core/errors.ts';
import {
  checkKey, type GetOptions, type ListOptions, type ListPage, type ObjectMeta, type ObjectStore,
  type PutIfAbsentOutcome, type PutOptions,
} from '../core/objectStore.ts';
import type { Clock } from '../core/clock.ts';
import { groupByDelimiter, toListPages } from './listing.ts';

interface Entry {
  data: Uint8Array;
  lastModified: number;
  etag: string;
}

const systemClock: Pick<Clock, 'now'> = { now: () => Date.now() };

export class MemoryStore implements ObjectStore {
  readonly description: string;
  readonly readOnly = false;
  private readonly entries = new Map<string, Entry>();
  private readonly clock: Pick<Clock, 'now'>;
  private nextEtag = 1;

  constructor(options: { clock?: Pick<Clock, 'now'>; description?: string } = {}) {
    this.clock = options.clock ?? systemClock;
    this.description = options.description ?? 'memory';
  }

  async *list(prefix: string, options: ListOptions = {}): AsyncIterable<ListPage> {
    const metas = [...this.entries.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, entry]) => this.toMeta(key, entry));
    const { objects, prefixes } = options.delimiter ? groupByDelimiter(metas, prefix) : { objects: metas, prefixes: [] };
    yield* toListPages(objects, prefixes, 1000);
  }

  async head(key: string): Promise<ObjectMeta> {
    return this.toMeta(key, this.require(key));
  }

  async get(key: string, options: GetOptions = {}): Promise<Uint8Array> {
    const { data } = this.require(key);
    if (!options.range) return data.slice();
    const start = Math.min(options.range.offset, data.length);
    return data.slice(start, Math.min(start + options.range.length, data.length));
  }

  async put(key: string, data: Uint8Array, _options?: PutOptions): Promise<ObjectMeta> {
    return this.write(key, data);
  }

  async putIfAbsent(key: string, data: Uint8Array, _options?: PutOptions): Promise<PutIfAbsentOutcome> {
    this.validate(key);
    if (this.entries.has(key)) return { status: 'exists' };
    return { status: 'created', meta: this.write(key, data) };
  }

  async delete(key: string): Promise<void> {
    this.validate(key);
    this.entries.delete(key);
  }

  /** Write with a given modification time: for loading folders and fixtures into memory. */
  putWithTime(key: string, data: Uint8Array, lastModified: number): ObjectMeta {
    this.validate(key);
    const entry = { data: data.slice(), lastModified, etag: `"${this.nextEtag++}"` };
    this.entries.set(key, entry);
    return this.toMeta(key, entry);
  }

  private write(key: string, data: Uint8Array): ObjectMeta {
    return this.putWithTime(key, data, this.clock.now());
  }

  private require(key: string): Entry {
    this.validate(key);
    const entry = this.entries.get(key);
    if (!entry) throw new LakeError('NotFound', `${key}: no such object in ${this.description}`);
    return entry;
  }

  private validate(key: string): void {
    const problem = checkKey(key);
    if (problem) throw new LakeError('InvalidInput', problem);
  }

  private toMeta(key: string, entry: Entry): ObjectMeta {
    return { key, size: entry.data.length, lastModified: entry.lastModified, etag: entry.etag };
  }
}
