/**
 * Writing one commit file when the answer may be lost. A putIfAbsent that fails with a Network
 * error (a timeout, a dropped connection) may still have created the file, and a client that
 * retried a create whose first answer was lost hears 'exists' for its own commit. Either way
 * the commit file is read back: bytes equal to one this transaction wrote at that version
 * make it ours. Without this a writer reports a commit failed that is in the table, or, on
 * 'exists', checks its own commit as a rival and commits the same change a second time.
 */
import { LakeError } from '../errors.ts';
import type { Clock } from '../clock.ts';
import type { ObjectStore } from '../objectStore.ts';
import type { AbortSignal } from '../abort.ts';
import { throwIfAborted } from '../abort.ts';

export type CommitWriteOutcome = 'created' | 'ours' | 'exists';

/** Read-backs (and resends) before a commit whose fate stays unknown is reported as such. */
export const unknownWriteAttempts = 6;

/** The commit may or may not be in the table: a caller must read the history before writing the change again. */
export class CommitOutcomeUnknown extends LakeError {
  constructor(key: string, cause: unknown) {
    super('Network', `${key}: the commit could not be confirmed after ${unknownWriteAttempts} tries and may have been written; read the table's history before writing this change again (last error: ${(cause as Error)?.message})`, { cause });
  }
}

export class CommitAttempts {
  /** Every commit file this transaction sent, by key. */
  private readonly sent = new Map<string, Uint8Array[]>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Partial<Pick<Clock, 'sleep'>>,
    private readonly signal?: AbortSignal,
  ) {}

  /** putIfAbsent of `bytes` at `key`, with lost answers resolved. */
  async write(key: string, bytes: Uint8Array): Promise<CommitWriteOutcome> {
    let lastError: unknown;
    for (let attempt = 0; attempt < unknownWriteAttempts; attempt++) {
      throwIfAborted(this.signal, 'the commit');
      if (attempt > 0) await this.clock.sleep?.(Math.min(2_000, 50 * 2 ** attempt));
      this.remember(key, bytes);
      try {
        const outcome = await this.store.putIfAbsent(key, bytes);
        if (outcome.status === 'created') return 'created';
        return (await this.isOurs(key)) ? 'ours' : 'exists';
      } catch (error) {
        if (!isUnknownOutcome(error)) throw error;
        lastError = error;
      }
      // The answer was lost: the file tells whether it was written, and by whom.
      const found = await this.readBack(key);
      if (found === 'unreadable' || (found !== undefined && this.isCutShort(key, found))) continue;
      if (found !== undefined) return this.isSent(key, found) ? 'ours' : 'exists';
    }
    throw new CommitOutcomeUnknown(key, lastError);
  }

  /** Whether the commit at `key` holds bytes this transaction sent there. */
  async isOurs(key: string): Promise<boolean> {
    if (!this.sent.has(key)) return false;
    for (let attempt = 0; attempt < unknownWriteAttempts; attempt++) {
      const found = await this.readBack(key);
      if (found === 'unreadable' || (found !== undefined && this.isCutShort(key, found))) continue;
      return found !== undefined && this.isSent(key, found);
    }
    throw new CommitOutcomeUnknown(key, new LakeError('Network', 'cannot read the commit back to tell whether it is this writer\'s'));
  }

  private async readBack(key: string): Promise<Uint8Array | undefined | 'unreadable'> {
    try {
      return await this.store.get(key, { signal: this.signal });
    } catch (error) {
      if (error instanceof LakeError && error.code === 'NotFound') return undefined;
      if (isUnknownOutcome(error)) return 'unreadable';
      throw error;
    }
  }

  private remember(key: string, bytes: Uint8Array): void {
    const list = this.sent.get(key) ?? [];
    if (!list.includes(bytes)) list.push(bytes);
    this.sent.set(key, list);
  }

  /** A read cut short shows the start of what we sent: read again rather than call it someone else's. */
  private isCutShort(key: string, found: Uint8Array): boolean {
    return (this.sent.get(key) ?? []).some((bytes) => found.length < bytes.length && sameBytes(bytes.subarray(0, found.length), found));
  }

  private isSent(key: string, found: Uint8Array): boolean {
    return (this.sent.get(key) ?? []).some((bytes) => sameBytes(bytes, found));
  }
}

function isUnknownOutcome(error: unknown): boolean {
  return error instanceof LakeError && error.code === 'Network';
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
