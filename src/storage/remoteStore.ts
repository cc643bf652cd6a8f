/**
 * An ObjectStore in another thread, reached over a MessagePort: the live simulator's writers
 * (each a Web Worker) share one in-memory store this way. The host runs every call to the end
 * before the next, so putIfAbsent stays atomic across workers.
 */
import { LakeError, toLakeError, type SerializedLakeError } from '../core/errors.ts';
import type { GetOptions, ListOptions, ListPage, ObjectMeta, ObjectStore, PutIfAbsentOutcome, PutOptions } from '../core/objectStore.ts';
import { PendingCalls } from '../core/pendingCalls.ts';

export interface PortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

type Method = 'list' | 'head' | 'get' | 'put' | 'putIfAbsent' | 'delete';
type Request = { id: number; method: Method; args: unknown[] };
type Response = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedLakeError };

export class RemoteStore implements ObjectStore {
  readonly readOnly = false;
  readonly description = 'shared in-memory store (another thread)';
  private readonly calls = new PendingCalls<unknown>();

  constructor(private readonly port: PortLike) {
    port.onmessage = (event: MessageEvent<Response>) => {
      const response = event.data;
      if (response.ok) this.calls.resolve(response.id, response.value);
      else this.calls.reject(response.id, toLakeError(response.error));
    };
  }

  async *list(prefix: string, options: ListOptions = {}): AsyncIterable<ListPage> {
    yield* (await this.call('list', [prefix, { delimiter: options.delimiter, startAfter: options.startAfter }])) as ListPage[];
  }

  head(key: string): Promise<ObjectMeta> {
    return this.call('head', [key]) as Promise<ObjectMeta>;
  }

  get(key: string, options: GetOptions = {}): Promise<Uint8Array> {
    return this.call('get', [key, { range: options.range }]) as Promise<Uint8Array>;
  }

  put(key: string, data: Uint8Array, options: PutOptions = {}): Promise<ObjectMeta> {
    return this.call('put', [key, data, { leaseId: options.leaseId }]) as Promise<ObjectMeta>;
  }

  putIfAbsent(key: string, data: Uint8Array, options: PutOptions = {}): Promise<PutIfAbsentOutcome> {
    return this.call('putIfAbsent', [key, data, { leaseId: options.leaseId }]) as Promise<PutIfAbsentOutcome>;
  }

  delete(key: string, options: { leaseId?: string } = {}): Promise<void> {
    return this.call('delete', [key, options]) as Promise<void>;
  }

  private call(method: Method, args: unknown[]): Promise<unknown> {
    return this.calls.send((id) => this.port.postMessage({ id, method, args } satisfies Request));
  }
}

/** Serve `store` on `port`: each request runs to completion, in arrival order. */
export function serveStore(store: ObjectStore, port: PortLike): void {
  let queue = Promise.resolve();
  port.onmessage = (event: MessageEvent<Request>) => {
    const { id, method, args } = event.data;
    queue = queue.then(async () => {
      try {
        const value = await run(store, method, args);
        port.postMessage({ id, ok: true, value } satisfies Response);
      } catch (error) {
        port.postMessage({ id, ok: false, error: (error instanceof LakeError ? error : toLakeError(error)).toJSON() } satisfies Response);
      }
    });
  };
}

async function run(store: ObjectStore, method: Method, args: unknown[]): Promise<unknown> {
  const [key, second, third] = args as [string, unknown, unknown];
  switch (method) {
    case 'list': {
      const pages: ListPage[] = [];
      for await (const page of store.list(key, second as ListOptions)) pages.push(page);
      return pages;
    }
    case 'head': return store.head(key);
    case 'get': return store.get(key, second as GetOptions);
    case 'put': return store.put(key, second as Uint8Array, third as PutOptions);
    case 'putIfAbsent': return store.putIfAbsent(key, second as Uint8Array, third as PutOptions);
    case 'delete': return store.delete(key, second as { leaseId?: string });
  }
}
