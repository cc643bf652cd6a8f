/** The ObjectStore contract in real Chromium, over the origin-private file system. */
import { LocalFolderStore } from './localFolderStore.ts';
import { describeObjectStoreContract } from './objectStoreContract.ts';

let counter = 0;

describeObjectStoreContract('LocalFolderStore (Chromium, OPFS)', async () => {
  const root = await navigator.storage.getDirectory();
  const name = `contract-${Date.now()}-${counter++}`;
  const folder = await root.getDirectoryHandle(name, { create: true });
  return {
    store: new LocalFolderStore(folder, name),
    cleanup: async () => root.removeEntry(name, { recursive: true }),
  };
});
