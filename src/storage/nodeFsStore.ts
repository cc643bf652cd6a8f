/**
 * An ObjectStore over a local folder (Node). `putIfAbsent` is atomic across processes: the
 * bytes go to a unique temporary file, then `link` gives it the final name, which fails with
 * EEXIST when another writer got there first. Never check-then-write.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { LakeError } from '../core/errors.ts';
import {
  checkKey, type GetOptions, type ListOptions, type ListPage, type ObjectMeta, type ObjectStore,
  type PutIfAbsentOutcome,
} from '../core/objectStore.ts';
import { toListPages } from './listing.ts';
import { FolderRoot } from './insideFolder.ts';

const tempSuffix = '.lakelab-tmp';

export class NodeFsStore implements ObjectStore {
  readonly readOnly = false;
  readonly description: string;
  private readonly folder: FolderRoot;

  constructor(private readonly root: string) {
    this.description = `folder ${root}`;
    this.folder = new FolderRoot(root, this.description);
  }

  async *list(prefix: string, options: ListOptions = {}): AsyncIterable<ListPage> {
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/') + 1) : '';
    const objects: ObjectMeta[] = [];
    const prefixes: string[] = [];
    await this.walk(folder, prefix, options.delimiter ? prefixes : undefined, objects);
    yield* toListPages(objects, prefixes, 1000);
  }

  async head(key: string): Promise<ObjectMeta> {
    const path = this.pathOf(key);
    try {
      const stat = await fs.stat(await this.folder.resolveExisting(path, key));
      if (!stat.isFile()) throw new LakeError('NotFound', `${key}: not a file in ${this.description}`);
      return { key, size: stat.size, lastModified: stat.mtimeMs };
    } catch (error) {
      throw this.translate(error, key);
    }
  }

  async get(key: string, options: GetOptions = {}): Promise<Uint8Array> {
    try {
      const path = await this.folder.resolveExisting(this.pathOf(key), key);
      if (!options.range) return new Uint8Array(await fs.readFile(path));
      const handle = await fs.open(path, 'r');
      try {
        const { size } = await handle.stat();
        const start = Math.min(options.range.offset, size);
        const length = Math.max(0, Math.min(options.range.length, size - start));
        const buffer = new Uint8Array(length);
        let read = 0;
        while (read < length) {
          const { bytesRead } = await handle.read(buffer, read, length - read, start + read);
          if (bytesRead === 0) break;
          read += bytesRead;
        }
        return buffer.subarray(0, read);
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw this.translate(error, key);
    }
  }

  async put(key: string, data: Uint8Array): Promise<ObjectMeta> {
    const path = this.pathOf(key);
    const temp = await this.writeTemp(path, data, key, true);
    try {
      await fs.rename(temp, path);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw this.translate(error, key);
    }
    return this.head(key);
  }

  async putIfAbsent(key: string, data: Uint8Array): Promise<PutIfAbsentOutcome> {
    const path = this.pathOf(key);
    const temp = await this.writeTemp(path, data, key, false);
    try {
      await fs.link(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { status: 'exists' };
      throw this.translate(error, key);
    } finally {
      await fs.rm(temp, { force: true });
    }
    return { status: 'created', meta: await this.head(key) };
  }

  async delete(key: string): Promise<void> {
    try {
      await fs.rm(this.pathOf(key), { force: true });
    } catch (error) {
      throw this.translate(error, key);
    }
  }

  private async writeTemp(path: string, data: Uint8Array, key: string, replacing: boolean): Promise<string> {
    const temp = `${path}.${randomUUID()}${tempSuffix}`;
    try {
      await this.folder.checkWritable(path, key, replacing);
      await fs.mkdir(dirname(path), { recursive: true });
      await fs.writeFile(temp, data, { flag: 'wx' });
      return temp;
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw this.translate(error, key);
    }
  }

  /** Collect files under `prefix`; with `folders`, one level only, sub-folders collected there. */
  private async walk(folder: string, prefix: string, folders: string[] | undefined, into: ObjectMeta[], seen = new Set<string>()): Promise<void> {
    let entries;
    try {
      const path = folder ? this.pathOf(folder) : this.root;
      const real = folder ? await this.folder.resolveExisting(path, folder) : await fs.realpath(path);
      // A linked folder that leads back above itself would be walked for ever.
      if (seen.has(real)) throw new LakeError('Corrupt', `${folder}: a symbolic link loop in ${this.description}`);
      seen = new Set(seen).add(real);
      entries = await fs.readdir(path, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw this.translate(error, folder);
    }
    await Promise.all(
      entries.map(async (entry) => {
        const key = folder + entry.name;
        if (entry.name.endsWith(tempSuffix)) return;
        // A link is listed as what it names, so a linked commit is never skipped: a file that
        // resolves outside the folder is refused when read (get, head), a folder when walked.
        const linked = entry.isSymbolicLink() ? await fs.stat(join(this.root, ...key.split('/'))).catch(() => undefined) : undefined;
        if (entry.isDirectory() || linked?.isDirectory()) {
          const sub = `${key}/`;
          if (folders && sub.startsWith(prefix)) folders.push(sub);
          else if (sub.startsWith(prefix) || prefix.startsWith(sub)) await this.walk(sub, prefix, folders, into, seen);
        } else if ((entry.isFile() || entry.isSymbolicLink()) && key.startsWith(prefix)) {
          const stat = entry.isFile() ? await fs.stat(join(this.root, ...key.split('/'))) : linked;
          into.push({ key, size: stat?.size ?? 0, lastModified: stat?.mtimeMs ?? 0 });
        }
      }),
    );
  }

  private pathOf(key: string): string {
    const problem = checkKey(key);
    if (problem) throw new LakeError('InvalidInput', problem);
    const path = join(this.root, ...key.split('/'));
    const inside = relative(this.root, path);
    if (inside.startsWith('..') || inside.startsWith(sep)) throw new LakeError('InvalidInput', `key "${key}" escapes the store's folder`);
    return path;
  }

  private translate(error: unknown, key: string): LakeError {
    if (error instanceof LakeError) return error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return new LakeError('NotFound', `${key}: no such file in ${this.description}`, { cause: error });
    if (code === 'EACCES' || code === 'EPERM') return new LakeError('AccessDenied', `${key}: permission denied in ${this.description}`, { cause: error });
    return new LakeError('Network', `${key}: ${(error as Error).message}`, { cause: error });
  }
}
