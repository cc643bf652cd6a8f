/**
 * The checker's own access to a table's bytes, beside Lakelab's stores: the folder read with
 * node:fs (temporary files included), Azure through the SDK's container client, the memory
 * store's entries. Nothing here goes through Lakelab's listing rules.
 */
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContainerClient } from '@azure/storage-blob';
import type { MemoryStore } from '../../src/storage/memoryStore.ts';
import { listAll } from '../../src/core/objectStore.ts';

export interface RawObject {
  key: string;
  size: number;
  lastModified: number;
}

export interface RawTable {
  list(): Promise<RawObject[]>;
  read(key: string): Promise<Uint8Array>;
}

export function folderTable(root: string): RawTable {
  async function walk(dir: string, into: RawObject[]): Promise<void> {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, into);
      else if (entry.isFile()) {
        const stat = await fs.stat(path);
        into.push({ key: relative(root, path).split(sep).join('/'), size: stat.size, lastModified: stat.mtimeMs });
      }
    }
  }
  return {
    async list() {
      const out: RawObject[] = [];
      await walk(root, out);
      return out.sort((a, b) => (a.key < b.key ? -1 : 1));
    },
    read: async (key) => new Uint8Array(await fs.readFile(join(root, ...key.split('/')))),
  };
}

export function containerTable(container: ContainerClient, prefix: string): RawTable {
  return {
    async list() {
      const out: RawObject[] = [];
      for await (const blob of container.listBlobsFlat({ prefix })) {
        out.push({ key: blob.name.slice(prefix.length), size: blob.properties.contentLength ?? 0, lastModified: blob.properties.lastModified?.getTime() ?? 0 });
      }
      return out;
    },
    read: async (key) => new Uint8Array(await container.getBlockBlobClient(prefix + key).downloadToBuffer()),
  };
}

/** The memory store has no other door; its own list and get are the raw bytes. */
export function memoryTable(store: MemoryStore): RawTable {
  return {
    list: async () => (await listAll(store, '')).map((o) => ({ key: o.key, size: o.size, lastModified: o.lastModified })),
    read: (key) => store.get(key),
  };
}
