/**
 * A local table folder never leads outside itself: a path is resolved through every symbolic
 * link (and Windows junction, and `..` after resolution) and must land under the folder's own
 * resolved path. Reads follow links that stay inside; a link that leaves is refused by name,
 * never skipped and never followed.
 */
import { promises as fs } from 'node:fs';
import { dirname, relative, sep, isAbsolute } from 'node:path';
import { LakeError } from '../core/errors.ts';

export class FolderRoot {
  private resolved?: Promise<string>;

  constructor(readonly root: string, private readonly description: string) {}

  /** The real path of `path`, which must exist and resolve inside the folder. */
  async resolveExisting(path: string, key: string): Promise<string> {
    const root = await this.realRoot();
    let real: string;
    try {
      real = await fs.realpath(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (await isDanglingLink(path))) {
        throw new LakeError('NotFound', `${key}: a symbolic link to a file that does not exist, in ${this.description}`, { cause: error });
      }
      throw error;
    }
    this.check(root, real, key);
    return real;
  }

  /**
   * Before writing `path`: the nearest existing folder above it must resolve inside, so a
   * symlinked folder cannot carry a write outside. A write that replaces `path` refuses a link
   * there too (a create-if-absent finds it taken, which is what it is).
   */
  async checkWritable(path: string, key: string, replacing: boolean): Promise<void> {
    const root = await this.realRoot();
    const link = replacing ? await fs.lstat(path).catch(() => undefined) : undefined;
    if (link?.isSymbolicLink()) {
      throw new LakeError('AccessDenied', `${key}: is a symbolic link in ${this.description}; Lakelab does not write through links`);
    }
    // Up to the folder itself: above it nothing is the table's (and it may not exist yet).
    for (let folder = dirname(path); isBelow(this.root, folder); folder = dirname(folder)) {
      const real = await fs.realpath(folder).catch(() => undefined);
      if (real !== undefined) return this.check(root, real, key);
    }
  }

  private check(root: string, real: string, key: string): void {
    if (isBelow(root, real)) return;
    throw new LakeError('AccessDenied', `${key}: resolves outside ${this.description} (to ${real}) through a symbolic link; Lakelab reads and writes only inside the table's folder`);
  }

  private async realRoot(): Promise<string> {
    this.resolved ??= fs.realpath(this.root);
    try {
      return await this.resolved;
    } catch {
      // Not there yet (a table being created): resolve again next time.
      this.resolved = undefined;
      return this.root;
    }
  }
}

/** `path` is the root or lies under it, by name (no links followed). */
function isBelow(root: string, path: string): boolean {
  const inside = relative(root, path);
  return !inside.startsWith(`..${sep}`) && inside !== '..' && !isAbsolute(inside);
}

async function isDanglingLink(path: string): Promise<boolean> {
  const stat = await fs.lstat(path).catch(() => undefined);
  return stat?.isSymbolicLink() ?? false;
}
