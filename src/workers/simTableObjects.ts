/** The objects a simulated run left in its store, copied out for the page to open as a folder in memory. */
import { listAll, type ObjectStore } from '../core/objectStore.ts';
import type { SimTableObjects } from './simProtocol.ts';

export async function tableObjects(store: ObjectStore): Promise<SimTableObjects> {
  const objects = await listAll(store, '');
  return Promise.all(objects.map(async (meta) => {
    const bytes = await store.get(meta.key);
    return { key: meta.key, bytes: bytes.slice().buffer as ArrayBuffer, lastModified: meta.lastModified };
  }));
}
