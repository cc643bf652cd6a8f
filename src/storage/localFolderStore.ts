/**
 * An ObjectStore over a folder the user picked in the browser (File System Access API), or
 * the origin-private file system. `putIfAbsent` is atomic between writers in this browser
 * (tabs, workers) through the Web Locks API; nothing can make it atomic against other programs
 * writing the same folder (the README says so).
 */
import { LakeError } from '../core/errors.ts';
import {
  checkKey, type GetOptions, type ListOptions, type ListPage, type ObjectMeta, type ObjectStore, type PutIfAbsentOutcome,
} from '../core/objectStore.ts';
import { groupByDelimiter, toListPages } from './listing.ts';

const tempSuffix = '.lakelab-tmp';

export class LocalFolderStore implements ObjectStore {
  readonly readOnly = false;
  readonly description: string;

  constructor(private readonly root: FileSystemDirectoryHandle, private readonly lockScope = root.name) {
    this.description = `local folder ${root.name}`;
  }

  async *list(prefix: string, options: ListOptions = {}): AsyncIterable<ListPage> {
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/') + 1) : '';
    const objects: ObjectMeta[] = [];
    const start = await this.folderOf(folder, false).catch((error: unknown) => {
      if (error instanceof LakeError && error.code === 'NotFound') return undefined;
      throw error;
    });
    if (start) await this.walk(start, folder, prefix, objects);
    const grouped = options.delimiter ? groupByDelimiter(objects, prefix) : { objects, prefixes: [] };
    yield* toListPages(grouped.objects, grouped.prefixes, 1000);
  }

  async head(key: string): Promise<ObjectMeta> {
    const file = await this.fileOf(key);
    return { key, size: file.size, lastModified: file.lastModified };
  }

  async get(key: string, options: GetOptions = {}): Promise<Uint8Array> {
    const file = await this.fileOf(key);
    const blob = options.range ? file.slice(options.range.offset, options.range.offset + options.range.length) : file;
    return new Uint8Array(await blob.arrayBuffer());
  }

  async put(key: string, data: Uint8Array): Promise<ObjectMeta> {
    await this.write(key, data);
    return this.head(key);
  }

  async putIfAbsent(key: string, data: Uint8Array): Promise<PutIfAbsentOutcome> {
    const lockName = `lakelab:${this.lockScope}:${key}`;
    return navigator.locks.request(lockName, async () => {
      if (await this.exists(key)) return { status: 'exists' } as const;
      await this.write(key, data);
      return { status: 'created', meta: await this.head(key) } as const;
    });
  }

  async delete(key: string): Promise<void> {
    const { folder, name } = this.split(key);
    try {
      const parent = await this.folderOf(folder, false);
      await parent.removeEntry(name);
    } catch (error) {
      const translated = translate(error, key);
      if (translated.code !== 'NotFound') throw translated;
    }
  }

  private async write(key: string, data: Uint8Array): Promise<void> {
    const { folder, name } = this.split(key);
    try {
      const parent = await this.folderOf(folder, true);
      // A new file would be visible, empty, between its creation and its first write: write a
      // temporary file and move it into place, so readers see the whole file or none of it.
      const temp = await parent.getFileHandle(`${name}.${globalThis.crypto.randomUUID()}${tempSuffix}`, { create: true });
      const writable = await temp.createWritable();
      await writable.write(data as Uint8Array<ArrayBuffer>);
      await writable.close();
      const movable = temp as FileSystemFileHandle & { move?: (parent: FileSystemDirectoryHandle, name: string) => Promise<void> };
      if (movable.move) {
        await movable.move(parent, name);
      } else {
        const handle = await parent.getFileHandle(name, { create: true });
        const target = await handle.createWritable();
        await target.write(data as Uint8Array<ArrayBuffer>);
        await target.close();
        await parent.removeEntry(temp.name);
      }
    } catch (error) {
      throw translate(error, key);
    }
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.fileOf(key);
      return true;
    } catch (error) {
      if (error instanceof LakeError && error.code === 'NotFound') return false;
      throw error;
    }
  }

  private async fileOf(key: string): Promise<File> {
    const { folder, name } = this.split(key);
    try {
      const parent = await this.folderOf(folder, false);
      return await (await parent.getFileHandle(name)).getFile();
    } catch (error) {
      throw translate(error, key);
    }
  }

  private async folderOf(folder: string, create: boolean): Promise<FileSystemDirectoryHandle> {
    let handle = this.root;
    try {
      for (const part of folder.split('/').filter(Boolean)) handle = await handle.getDirectoryHandle(part, { create });
    } catch (error) {
      throw translate(error, folder);
    }
    return handle;
  }

  private async walk(handle: FileSystemDirectoryHandle, folder: string, prefix: string, into: ObjectMeta[]): Promise<void> {
    for await (const [name, entry] of (handle as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
      const key = folder + name;
      if (entry.kind === 'directory') {
        const sub = `${key}/`;
        if (sub.startsWith(prefix) || prefix.startsWith(sub)) await this.walk(entry as FileSystemDirectoryHandle, sub, prefix, into);
      } else if (key.startsWith(prefix) && !name.endsWith(tempSuffix)) {
        const file = await statOrSkip(entry as FileSystemFileHandle, key);
        if (file) into.push({ key, size: file.size, lastModified: file.lastModified });
      }
    }
  }

  private split(key: string): { folder: string; name: string } {
    const problem = checkKey(key);
    if (problem) throw new LakeError('InvalidInput', problem);
    const at = key.lastIndexOf('/');
    return { folder: at < 0 ? '' : key.slice(0, at + 1), name: key.slice(at + 1) };
  }
}

/**
 * A listing is a snapshot: an entry another writer moves or removes between being listed and
 * being looked at is left out, as an object store's listing would not have seen it yet.
 */
async function statOrSkip(handle: FileSystemFileHandle, key: string): Promise<File | undefined> {
  try {
    return await handle.getFile();
  } catch (error) {
    const translated = translate(error, key);
    if (translated.code === 'NotFound') return undefined;
    throw translated;
  }
}

function translate(error: unknown, key: string): LakeError {
  if (error instanceof LakeError) return error;
  const name = (error as { name?: string }).name;
  if (name === 'NotFoundError' || name === 'TypeMismatchError') return new LakeError('NotFound', `${key}: not found in the folder`, { cause: error });
  if (name === 'NotAllowedError' || name === 'SecurityError') return new LakeError('AccessDenied', `${key}: the browser did not allow access to the folder (grant it again)`, { cause: error });
  return new LakeError('Network', `${key}: ${(error as Error).message}`, { cause: error });
}
