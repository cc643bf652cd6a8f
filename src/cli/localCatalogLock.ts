/**
 * One writer at a time on a local catalog file: `<catalog>.lakelab-lock`, created exclusively
 * (O_EXCL) and holding who took it and when; a second writer fails at once, naming them. The new
 * catalog is written beside it and renamed over the old one, so a crash leaves the old catalog
 * whole (and a lock file to remove once its holder is gone; it names the process).
 */
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { LakeError } from '../core/errors.ts';

export interface LocalLock {
  path: string;
  release(): Promise<void>;
}

export type LocalLockOutcome = { status: 'acquired'; lock: LocalLock } | { status: 'held'; message: string };

export async function acquireLocalLock(catalogPath: string, holder: string, now: number): Promise<LocalLockOutcome> {
  const path = `${catalogPath}.lakelab-lock`;
  try {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify({ acquired_by: holder, acquired_at: new Date(now).toISOString(), pid: process.pid })}\n`);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new LakeError('AccessDenied', `cannot create the lock file ${path} (${(error as Error).message})`, { cause: error });
    const stamp = await readFile(path, 'utf8').then((text) => JSON.parse(text) as { acquired_by?: string; acquired_at?: string; pid?: number }).catch(() => ({} as { acquired_by?: string; acquired_at?: string; pid?: number }));
    const who = stamp.acquired_by ? `by ${stamp.acquired_by}${stamp.pid ? ` (pid ${stamp.pid})` : ''} ` : '';
    return { status: 'held', message: `${catalogPath} is locked ${who}since ${stamp.acquired_at ?? 'an unknown time'}: another run is writing it; if that process is gone, remove ${path}` };
  }
  return { status: 'acquired', lock: { path, release: () => rm(path, { force: true }) } };
}

/** Replaces the file at `path` with `bytes`: written to a temporary file beside it, then renamed over it. */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.lakelab-${process.pid}-${Date.now()}.tmp`;
  try {
    await writeFile(temporary, bytes, { flush: true });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new LakeError('AccessDenied', `cannot write ${path} (${(error as Error).message}); the catalog is as it was`, { cause: error });
  }
}
