/**
 * Which log files make up a table at a version: one listing of `_delta_log/`, the newest
 * complete checkpoint at or before the version, and every JSON commit after it. A gap in the
 * commits is Corrupt, never silently skipped: log cleanup removes the oldest commits only, so
 * a version needs every commit after its checkpoint, and the history every commit from the
 * earliest version that can be rebuilt to the latest. `_last_checkpoint` is not read: the one listing
 * already names every checkpoint, so the hint would cost a request and could only be stale.
 */
import { LakeError } from '../errors.ts';
import { listAll, type ObjectMeta, type ObjectStore } from '../objectStore.ts';
import type { AbortSignal } from '../abort.ts';
import { commitFileName, logFolder, toLogFile, toVersionName, type LogFile } from './logPaths.ts';

export interface CheckpointCandidate {
  version: number;
  format: 'classic' | 'multi-part' | 'v2';
  files: ObjectMeta[];
}

/** What one listing of `_delta_log/` holds, indexed for segment selection. */
export interface LogListing {
  /** Commit files by version. */
  commits: Map<number, ObjectMeta>;
  /** Complete checkpoints, newest first. */
  checkpoints: CheckpointCandidate[];
  hasLastCheckpoint: boolean;
}

export async function loadLogListing(store: ObjectStore, tableRoot: string, signal?: AbortSignal): Promise<LogListing> {
  const prefix = `${tableRoot}${logFolder}`;
  const objects = await listAll(store, prefix, { signal });
  if (objects.length === 0) {
    const where = tableRoot ? `${tableRoot} in ${store.description}` : store.description;
    throw new LakeError('NotFound', `${where} is not a Delta table: it has no ${logFolder} folder (or it is empty)`);
  }
  return toLogListing(objects, prefix);
}

/** A commit missing between the earliest version that can be rebuilt and the latest (Corrupt), or undefined. */
export function checkCommitsContiguous(listing: LogListing): LakeError | undefined {
  const latest = latestVersionOf(listing);
  const earliest = earliestVersionOf(listing);
  for (let v = earliest + 1; v <= latest; v++) {
    if (!listing.commits.has(v)) {
      return new LakeError('Corrupt', `delta log is missing commit ${commitFileName(v)}: every version from ${earliest} to ${latest} needs its commit file, and version ${v} has none`);
    }
  }
  return undefined;
}

/**
 * The log from `version` on: commits and checkpoints at `version` and later, listed with
 * `startAfter` so a store that honours it skips the older part of a long log (the older entries
 * are dropped here when a store lists them anyway). Empty, not NotFound, when nothing is there.
 */
export async function loadLogListingFrom(store: ObjectStore, tableRoot: string, version: number, signal?: AbortSignal): Promise<LogListing> {
  const prefix = `${tableRoot}${logFolder}`;
  const from = toVersionName(version);
  const objects = await listAll(store, prefix, { startAfter: prefix + from, signal });
  return toLogListing(objects.filter((meta) => meta.key.slice(prefix.length) >= from), prefix);
}

export function toLogListing(objects: ObjectMeta[], prefix: string): LogListing {
  const commits = new Map<number, ObjectMeta>();
  const multiParts = new Map<string, { parts: number; files: Map<number, ObjectMeta> }>();
  const checkpoints: CheckpointCandidate[] = [];
  let hasLastCheckpoint = false;
  for (const meta of objects) {
    const name = meta.key.slice(prefix.length);
    if (name.includes('/')) continue; // _sidecars/, _staged_commits/ ...
    const file: LogFile | undefined = toLogFile(name);
    if (!file) continue;
    if (file.kind === 'commit') commits.set(file.version, meta);
    else if (file.kind === 'lastCheckpoint') hasLastCheckpoint = true;
    else if (file.kind === 'checkpoint') {
      if (file.format === 'multi-part') {
        const id = `${file.version}/${file.parts}`;
        const set = multiParts.get(id) ?? { parts: file.parts, files: new Map<number, ObjectMeta>() };
        set.files.set(file.part, meta);
        multiParts.set(id, set);
      } else {
        checkpoints.push({ version: file.version, format: file.format, files: [meta] });
      }
    }
  }
  for (const [id, set] of multiParts) {
    if (set.files.size !== set.parts) continue; // an incomplete multi-part checkpoint is ignored
    const version = Number(id.split('/')[0]);
    const files = [...set.files.entries()].sort((a, b) => a[0] - b[0]).map(([, meta]) => meta);
    checkpoints.push({ version, format: 'multi-part', files });
  }
  // Newest first; at one version prefer V2, then classic, then multi-part (all equivalent).
  const rank = { v2: 0, classic: 1, 'multi-part': 2 };
  checkpoints.sort((a, b) => b.version - a.version || rank[a.format] - rank[b.format]);
  return { commits, checkpoints, hasLastCheckpoint };
}

/** Most gaps probed in one listing; a log with more holes than this is reported as it is. */
export const maxProbedGaps = 64;

/**
 * A listing that lags behind writes (an eventually consistent store, a stale listing index)
 * can show commit 7 before commit 6. A gap between listed versions is probed with head before
 * it is called missing: a direct read sees what the listing does not yet. Versions below every
 * listed one are history cleaned up, not gaps.
 */
export async function fillListingGaps(store: ObjectStore, tableRoot: string, listing: LogListing, signal?: AbortSignal): Promise<LogListing> {
  const listed = [...listing.commits.keys(), ...listing.checkpoints.map((c) => c.version + 1)];
  if (listed.length === 0) return listing;
  let lowest = Infinity;
  let highest = -1;
  for (const v of listed) {
    lowest = Math.min(lowest, v);
    highest = Math.max(highest, v);
  }
  const missing: number[] = [];
  for (let v = lowest; v < highest && missing.length < maxProbedGaps; v++) if (!listing.commits.has(v)) missing.push(v);
  if (missing.length === 0) return listing;
  const commits = new Map(listing.commits);
  await Promise.all(missing.map(async (version) => {
    try {
      commits.set(version, await store.head(`${tableRoot}${logFolder}${toVersionName(version)}.json`, { signal }));
    } catch (error) {
      if (!(error instanceof LakeError && error.code === 'NotFound')) throw error;
    }
  }));
  return { ...listing, commits };
}

export interface SegmentChoice {
  version: number;
  checkpoint?: CheckpointCandidate;
  /** Commit files after the checkpoint up to `version`, ascending. */
  commits: { version: number; meta: ObjectMeta }[];
}

export function latestVersionOf(listing: LogListing): number {
  let latest = -1;
  for (const version of listing.commits.keys()) latest = Math.max(latest, version);
  for (const checkpoint of listing.checkpoints) latest = Math.max(latest, checkpoint.version);
  if (latest < 0) throw new LakeError('NotFound', 'the table has no commits in _delta_log/');
  return latest;
}

/** The earliest version that can be rebuilt: version 0, or the oldest checkpoint with every later commit. */
export function earliestVersionOf(listing: LogListing): number {
  if (listing.commits.has(0)) return 0;
  const oldest = [...listing.checkpoints].reverse().find((c) => hasCommitsAfter(listing, c.version));
  if (oldest) return oldest.version;
  throw new LakeError('Corrupt', 'the log has neither version 0 nor a checkpoint to start from: its history was cleaned up past every checkpoint');
}

function hasCommitsAfter(listing: LogListing, version: number): boolean {
  const latest = latestVersionOf(listing);
  for (let v = version + 1; v <= latest; v++) if (!listing.commits.has(v)) return false;
  return true;
}

/**
 * Choose the segment for `version` (the latest when undefined). `skipCheckpoints` lists
 * checkpoint versions found unreadable, to fall back past them.
 */
export function planLogSegment(listing: LogListing, version: number | undefined, skipCheckpoints: ReadonlySet<number> = new Set()): SegmentChoice {
  const latest = latestVersionOf(listing);
  const target = version ?? latest;
  if (target > latest || target < 0) {
    throw new LakeError('NotFound', `version ${target} does not exist: the table has ${describeVersions(listing, latest)}`);
  }
  const checkpoint = listing.checkpoints.find((c) => c.version <= target && !skipCheckpoints.has(c.version));
  const start = checkpoint ? checkpoint.version + 1 : 0;
  const commits: { version: number; meta: ObjectMeta }[] = [];
  for (let v = start; v <= target; v++) {
    const meta = listing.commits.get(v);
    if (!meta) {
      if (!checkpoint && !listing.commits.has(0) && v === 0) {
        throw new LakeError('NotFound', `version ${target} cannot be read: its history was cleaned up (no checkpoint at or before it); the table has ${describeVersions(listing, latest)}`);
      }
      throw new LakeError('Corrupt', `delta log is missing commit ${commitFileName(v)}: versions ${start} to ${target} must all be present to read version ${target}`);
    }
    commits.push({ version: v, meta });
  }
  return { version: target, checkpoint, commits };
}

function describeVersions(listing: LogListing, latest: number): string {
  try {
    return `versions ${earliestVersionOf(listing)} to ${latest}`;
  } catch {
    return `no version that can be rebuilt (its newest is ${latest})`;
  }
}
