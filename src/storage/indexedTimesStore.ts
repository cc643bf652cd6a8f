/**
 * A folder's `lakelab-index.json` as the record of its files' modification times. A copy or a
 * git checkout resets those times; the index, which the page reads when it serves the folder
 * over HTTP, keeps the ones it was written with (`lakelab index --commit-times` dates commit
 * files by their commits). Listing gives the index's time for each file it lists with the same
 * size, so the CLI over the folder and the page over HTTP see one set of times; everything else
 * passes through.
 */
import { LakeError } from '../core/errors.ts';
import type { ListOptions, ListPage, ObjectStore } from '../core/objectStore.ts';
import { DelegatingStore } from './delegatingStore.ts';
import { listingIndexName } from './httpStore.ts';
import { parseListingIndex } from './listingIndex.ts';

export class IndexedTimesStore extends DelegatingStore {
  private times?: Promise<Map<string, { size: number; lastModified: number }>>;

  constructor(inner: ObjectStore) {
    super(inner);
  }

  override async *list(prefix: string, options?: ListOptions): AsyncIterable<ListPage> {
    const times = await (this.times ??= this.loadTimes());
    for await (const page of this.inner.list(prefix, options)) {
      if (times.size === 0) {
        yield page;
        continue;
      }
      yield {
        ...page,
        objects: page.objects.map((meta) => {
          const indexed = times.get(meta.key);
          return indexed && indexed.size === meta.size ? { ...meta, lastModified: indexed.lastModified } : meta;
        }),
      };
    }
  }

  private async loadTimes(): Promise<Map<string, { size: number; lastModified: number }>> {
    let bytes: Uint8Array;
    try {
      bytes = await this.inner.get(listingIndexName);
    } catch (error) {
      if (error instanceof LakeError && error.code === 'NotFound') return new Map();
      throw error;
    }
    const index = parseListingIndex(bytes, `${listingIndexName} in ${this.inner.description}`);
    return new Map(index.objects.map(({ key, size, lastModified }) => [key, { size, lastModified }]));
  }
}
