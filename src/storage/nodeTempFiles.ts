/**
 * The temporary files NodeFsStore writes beside their final names (hidden from its listings),
 * found and removed with node:fs for `lakelab clean`. Links are not followed: a table folder
 * never leads outside itself.
 */
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LakeError } from '../core/errors.ts';
import { checkKey } from '../core/objectStore.ts';
import { tempFileSuffix, type TempFile } from '../core/delta/tempFiles.ts';

export async function listTempFiles(root: string): Promise<TempFile[]> {
  const found: TempFile[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw new LakeError('AccessDenied', `${dir}: cannot list it (${(error as Error).message})`, { cause: error });
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && entry.name.endsWith(tempFileSuffix)) {
        const stat = await fs.stat(path);
        found.push({ key: relative(root, path).split(sep).join('/'), size: stat.size, lastModified: stat.mtimeMs });
      }
    }
  }
  await walk(root);
  return found.sort((a, b) => (a.key < b.key ? -1 : 1));
}

export async function removeTempFile(root: string, key: string): Promise<void> {
  if (!key.endsWith(tempFileSuffix) || checkKey(key)) throw new LakeError('InvalidInput', `${key}: not a temporary file of this table`);
  await fs.rm(join(root, ...key.split('/')), { force: true });
}
