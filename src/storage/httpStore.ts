/**
 * A read-only ObjectStore over HTTP (the app's samples, any static server). Static servers
 * cannot list, so listing reads an index, `lakelab-index.json`, at the base URL
 * (`npx lakelab index <folder>` writes one). Ranges are always explicit (`bytes=a-b`):
 * suffix ranges are answered wrongly by some servers.
 */
import { LakeError } from '../core/errors.ts';
import {
  checkKey, type GetOptions, type ListOptions, type ListPage, type ObjectMeta, type ObjectStore,
  type PutIfAbsentOutcome, type PutOptions,
} from '../core/objectStore.ts';
import { groupByDelimiter, toListPages } from './listing.ts';
import { describeObject, isWebPage, toUrlPath } from './urlPaths.ts';

export const listingIndexName = 'lakelab-index.json';

export interface ListingIndex {
  version: 1;
  objects: { key: string; size: number; lastModified: number }[];
}

export function toListingIndex(objects: ObjectMeta[]): ListingIndex {
  return {
    version: 1,
    objects: objects
      .filter((o) => o.key !== listingIndexName)
      .map(({ key, size, lastModified }) => ({ key, size, lastModified: Math.round(lastModified) })),
  };
}

export class HttpStore implements ObjectStore {
  readonly readOnly = true;
  readonly description: string;
  private readonly base: string;
  private readonly fetcher: typeof fetch;
  private index?: Promise<ObjectMeta[]>;

  constructor(baseUrl: string, options: { fetch?: typeof fetch; headers?: Record<string, string> } = {}) {
    if (!/^https?:\/\/[^/]/i.test(baseUrl)) {
      throw new LakeError('InvalidInput', `"${redactQuery(baseUrl)}" is not a table URL: give an http:// or https:// address of the table's folder`);
    }
    this.base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    const inner = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
    const headers = options.headers;
    this.fetcher = headers ? (input, init) => inner(input, { ...init, headers: { ...headers, ...(init?.headers as Record<string, string> | undefined) } }) : inner;
    this.description = `HTTP ${redactQuery(this.base)}`;
  }

  async *list(prefix: string, options: ListOptions = {}): AsyncIterable<ListPage> {
    const all = (await this.loadIndex()).filter((o) => o.key.startsWith(prefix));
    const { objects, prefixes } = options.delimiter ? groupByDelimiter(all, prefix) : { objects: all, prefixes: [] };
    yield* toListPages(objects, prefixes, 1000);
  }

  async head(key: string, options: { signal?: GetOptions['signal'] } = {}): Promise<ObjectMeta> {
    const response = await this.request(key, { method: 'HEAD', signal: options.signal as RequestInit['signal'] });
    const length = response.headers.get('content-length');
    const size = length === null ? Number.NaN : Number(length);
    if (!Number.isFinite(size)) throw new LakeError('Network', `${key}: the server sent no Content-Length`);
    return { key, size, lastModified: Date.parse(response.headers.get('last-modified') ?? '') || 0, etag: response.headers.get('etag') ?? undefined };
  }

  async get(key: string, options: GetOptions = {}): Promise<Uint8Array> {
    if (!options.range) {
      const response = await this.request(key, { signal: options.signal as RequestInit['signal'] });
      return new Uint8Array(await response.arrayBuffer());
    }
    if (options.range.length <= 0) return new Uint8Array(0);
    const { offset, length } = options.range;
    const response = await this.request(key, {
      headers: { Range: `bytes=${offset}-${offset + length - 1}` },
      signal: options.signal as RequestInit['signal'],
    }, [416]);
    if (response.status === 416) return new Uint8Array(0);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A server that ignores Range sends the whole object (200): cut the range out ourselves.
    return response.status === 206 ? bytes.subarray(0, length) : bytes.slice(offset, offset + length);
  }

  put(key: string, _data?: Uint8Array, _options?: PutOptions): Promise<ObjectMeta> {
    return Promise.reject(this.readOnlyError(key));
  }

  putIfAbsent(key: string, _data?: Uint8Array, _options?: PutOptions): Promise<PutIfAbsentOutcome> {
    return Promise.reject(this.readOnlyError(key));
  }

  delete(key: string, _options?: { leaseId?: string }): Promise<void> {
    return Promise.reject(this.readOnlyError(key));
  }

  private loadIndex(): Promise<ObjectMeta[]> {
    this.index ??= (async () => {
      const url = this.urlOf(listingIndexName);
      let response: Response;
      try {
        response = await this.send(listingIndexName, {});
      } catch (error) {
        if (error instanceof LakeError && error.code === 'NotFound') {
          throw new LakeError('Unsupported', `${this.description} gives no listing: a static server cannot list a folder. Put a ${listingIndexName} beside the table (npx lakelab index <folder> writes it); if this is not a table's folder, give the one holding _delta_log/.`, { cause: error });
        }
        throw error;
      }
      if (isWebPage(response.headers.get('content-type'), listingIndexName)) {
        throw new LakeError('InvalidInput', `${this.description} is not a table Lakelab can read: the server answered a web page for ${redactQuery(url)}. Give the address of a table's folder (the one holding _delta_log/), served with a ${listingIndexName} beside it (npx lakelab index <folder> writes it).`);
      }
      let index: ListingIndex;
      try {
        index = (await response.json()) as ListingIndex;
      } catch (error) {
        throw new LakeError('Corrupt', `${redactQuery(url)} is not a listing index: it is not JSON (${(error as Error).message})`, { cause: error });
      }
      if (index?.version !== 1 || !Array.isArray(index.objects)) throw new LakeError('Corrupt', `${listingIndexName} at ${this.description} is not a version 1 listing index`);
      return index.objects;
    })();
    this.index.catch(() => { this.index = undefined; });
    return this.index;
  }

  /** A response for `key` that holds what was asked for: a web page instead is refused, naming the URL. */
  private async request(key: string, init: RequestInit, accept: number[] = []): Promise<Response> {
    const response = await this.send(key, init, accept);
    if (isWebPage(response.headers.get('content-type'), key)) {
      throw new LakeError('Network', `the server answered a web page, not ${describeObject(key)}: ${redactQuery(this.urlOf(key))} (the file is not there, or the server answers paths it lacks with its own page)`);
    }
    return response;
  }

  private urlOf(key: string): string {
    return this.base + toUrlPath(key);
  }

  private async send(key: string, init: RequestInit, accept: number[] = []): Promise<Response> {
    const problem = checkKey(key);
    if (problem) throw new LakeError('InvalidInput', problem);
    let response: Response;
    try {
      response = await this.fetcher(this.urlOf(key), init);
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw new LakeError('Aborted', `reading ${key} was cancelled`, { cause: error });
      throw new LakeError('Network', `${key}: could not reach ${this.description} (${(error as Error).message})`, { cause: error });
    }
    if (response.ok || accept.includes(response.status)) return response;
    if (response.status === 404) throw new LakeError('NotFound', `${key}: not found at ${this.description}`);
    if (response.status === 401 || response.status === 403) throw new LakeError('AccessDenied', `${key}: the server refused access (HTTP ${response.status})`);
    throw new LakeError('Network', `${key}: HTTP ${response.status} from ${this.description}`);
  }

  private readOnlyError(key: string): LakeError {
    return new LakeError('AccessDenied', `${key}: ${this.description} is read-only`);
  }
}

function redactQuery(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? url : `${url.slice(0, at)}?…`;
}
