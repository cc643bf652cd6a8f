/**
 * The commit loop, as delta-rs runs it: write `_delta_log/<readVersion+1>.json` with
 * putIfAbsent; when the version is taken, check the transaction against each winning commit
 * in turn and either try the next version or return the conflict. Only "version already
 * exists" loops; a conflict is final. Retries are bounded (delta-rs: 15).
 */
import type { ObjectStore } from '../objectStore.ts';
import { LakeError } from '../errors.ts';
import type { Clock } from '../clock.ts';
import { throwIfAborted, type AbortSignal } from '../abort.ts';
import { commitInfoOf, type Commit, type CommitInfo } from './actions.ts';
import { commitKey } from './logPaths.ts';
import { loadLogListingFrom, latestVersionOf } from './logSegment.ts';
import { loadCommit } from './loadCommits.ts';
import { toActionLines, type Transaction } from './transaction.ts';
import { commitFileBytes } from './commitFileBytes.ts';
import { checkConflictDeltaRs } from './conflicts/deltaRsRules.ts';
import { CommitAttempts } from './commitWrite.ts';
import { checkDataFilesWritten } from './checkDataFiles.ts';
import { commitFailedPrefix, type Conflict } from './conflicts/conflict.ts';

export const defaultMaxRetries = 15;

export type CommitOutcome =
  | { status: 'committed'; version: number; attempts: number; commitInfo: CommitInfo }
  | { status: 'conflict'; conflict: Conflict; attempts: number; message: string }
  | { status: 'exhausted'; attempts: number; message: string };

/** What the loop did, step by step (the simulator's trace and the page's explanation read it). */
export type CommitEvent =
  | { kind: 'attempt'; version: number }
  | { kind: 'versionTaken'; version: number }
  | { kind: 'checked'; winningVersion: number; conflict?: Conflict };

export interface CommitOptions {
  /** `sleep`, when given, spaces out the read-backs of a commit whose answer was lost. */
  clock: Pick<Clock, 'now'> & Partial<Pick<Clock, 'sleep'>>;
  engineInfo: string;
  maxRetries?: number;
  signal?: AbortSignal;
  onEvent?: (event: CommitEvent) => void;
  /**
   * Before the first attempt, head every data file the transaction adds: a store that
   * acknowledged a write it lost would otherwise get a commit naming a missing file.
   */
  verifyDataFiles?: boolean;
  /** Conflict rules; delta-rs's by default. */
  checkConflict?: (tx: Transaction, winner: Commit) => Conflict | undefined;
}

export async function commitTransaction(store: ObjectStore, tx: Transaction, options: CommitOptions): Promise<CommitOutcome> {
  const maxRetries = options.maxRetries ?? defaultMaxRetries;
  const check = options.checkConflict ?? checkConflictDeltaRs;
  let version = tx.readVersion + 1;
  let attempts = 0;
  // The newest commit known before `version`: in-commit timestamps must increase from it.
  let previous: Commit | undefined;
  const sent = new CommitAttempts(store, options.clock, options.signal);
  const fileAt = commitFileBytes(tx, options.engineInfo, toActionLines(tx.actions));
  if (options.verifyDataFiles) await checkDataFilesWritten(store, tx, options.signal);
  for (;;) {
    throwIfAborted(options.signal, 'the commit');
    attempts++;
    const now = options.clock.now();
    let inCommitTimestamp: number | undefined;
    if (tx.inCommitTimestamps !== false && version > 0) {
      if (previous?.version !== version - 1) previous = await loadPreviousCommit(store, tx.tableRoot, version - 1, options.signal);
      const before = inCommitTimestampOf(previous);
      if (tx.inCommitTimestamps === true || before !== undefined) inCommitTimestamp = Math.max(now, (before ?? -Infinity) + 1);
    } else if (tx.inCommitTimestamps === true) {
      inCommitTimestamp = now;
    }
    const { commitInfo, bytes } = fileAt(now, inCommitTimestamp);
    options.onEvent?.({ kind: 'attempt', version });
    // A lost answer is resolved by reading the commit back: ours, someone else's, or not there.
    const written = await sent.write(commitKey(tx.tableRoot, version), bytes);
    if (written !== 'exists') return { status: 'committed', version, attempts, commitInfo };
    options.onEvent?.({ kind: 'versionTaken', version });
    if (tx.readVersion < 0) {
      // A new table has nothing to check against: delta-rs fails the create outright.
      throw new LakeError('InvalidInput', `a Delta table already exists in ${store.description}${tx.tableRoot ? ` at ${tx.tableRoot}` : ''} (${commitKey(tx.tableRoot, 0)}): Tried committing existing table version: 0`);
    }
    if (attempts > maxRetries) {
      return { status: 'exhausted', attempts, message: `${commitFailedPrefix}${maxRetries}` };
    }
    // The winners are the taken version and any after it: list from there on, not the whole log.
    // The taken version exists even when a lagging listing does not show it yet.
    const listing = await loadLogListingFrom(store, tx.tableRoot, version, options.signal);
    const latest = listing.commits.size + listing.checkpoints.length > 0 ? Math.max(version, latestVersionOf(listing)) : version;
    for (let winning = version; winning <= latest; winning++) {
      previous = await loadCommit(store, tx.tableRoot, winning, { signal: options.signal, size: listing.commits.get(winning)?.size });
      const conflict = check(tx, previous);
      options.onEvent?.({ kind: 'checked', winningVersion: winning, conflict });
      if (conflict) return { status: 'conflict', conflict, attempts, message: commitFailedPrefix + conflict.message };
    }
    version = latest + 1;
  }
}

/** The commit before ours; an empty one when log cleanup removed it (then it has no timestamp to follow). */
async function loadPreviousCommit(store: ObjectStore, tableRoot: string, version: number, signal?: AbortSignal): Promise<Commit> {
  try {
    return await loadCommit(store, tableRoot, version, signal);
  } catch (error) {
    if (error instanceof LakeError && error.code === 'NotFound') return { version, actions: [] };
    throw error;
  }
}

function inCommitTimestampOf(commit: Commit): number | undefined {
  const ict = commitInfoOf(commit.actions)?.inCommitTimestamp;
  return typeof ict === 'number' ? ict : undefined;
}
