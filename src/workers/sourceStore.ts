/** Turns a SourceSpec from the page into an ObjectStore inside the worker. */
import { listAll, type ObjectStore } from '../core/objectStore.ts';
import { HttpStore } from '../storage/httpStore.ts';
import { MemoryStore } from '../storage/memoryStore.ts';
import { LocalFolderStore } from '../storage/localFolderStore.ts';
import type { SourceSpec } from './protocol.ts';
import { requestPageToken } from './pageTokens.ts';

export async function openSourceStore(source: SourceSpec): Promise<ObjectStore> {
  switch (source.kind) {
    case 'http':
      return new HttpStore(source.url);
    case 'sample':
      return copyIntoMemory(new HttpStore(source.url), `sample ${source.url}`);
    case 'azure': {
      const { openAzureStore } = await import('../storage/azureStore.ts');
      const { parseAzureAddress } = await import('../storage/azureAddress.ts');
      const credential = source.credential.kind === 'pageTokens'
        ? { kind: 'tokenSource' as const, getToken: () => requestPageToken((m) => postMessage(m)) }
        : source.credential;
      return openAzureStore(parseAzureAddress(source.address), credential, { proxyOrigin: source.proxyOrigin });
    }
    case 'directory':
      return new LocalFolderStore(source.handle);
    case 'files': {
      const store = new MemoryStore({ description: 'local folder' });
      for (const entry of source.entries) store.putWithTime(entry.key, new Uint8Array(entry.bytes), entry.lastModified);
      return store;
    }
  }
}

/** Samples are small: copy one into memory so the page can write to it without touching the server. */
async function copyIntoMemory(from: ObjectStore, description: string): Promise<MemoryStore> {
  const store = new MemoryStore({ description });
  const objects = await listAll(from, '');
  await Promise.all(objects.map(async (meta) => store.putWithTime(meta.key, await from.get(meta.key), meta.lastModified)));
  return store;
}
