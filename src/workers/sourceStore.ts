/** Turns a SourceSpec from the page into an ObjectStore inside the worker. */
import type { ObjectStore } from '../core/objectStore.ts';
import { HttpStore } from '../storage/httpStore.ts';
import { MemoryStore } from '../storage/memoryStore.ts';
import type { SourceSpec } from './protocol.ts';

export async function openSourceStore(source: SourceSpec): Promise<ObjectStore> {
  switch (source.kind) {
    case 'http':
      return new HttpStore(source.url);
    case 'files': {
      const store = new MemoryStore({ description: 'local folder' });
      for (const entry of source.entries) store.putWithTime(entry.key, new Uint8Array(entry.bytes), entry.lastModified);
      return store;
    }
  }
}
