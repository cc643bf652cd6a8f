/**
 * Time travel by timestamp (PROTOCOL.md "In-Commit Timestamps"): the latest version committed
 * at or before a time. Commit times are in-commit timestamps from their enablement version on
 * (monotonic, so binary-searched with few reads), the commit files' modification times before.
 * The answer says which of the two it went by.
 */
import { formatIsoMs } from './civilTime.ts';
import { LakeError } from '../errors.ts';
import type { ObjectStore } from '../objectStore.ts';
import type { DeltaSnapshot } from './snapshot.ts';
import type { LogListing } from './logSegment.ts';
import { earliestVersionOf, latestVersionOf } from './logSegment.ts';
import { loadCommit } from './loadCommits.ts';
import { inCommitTimestampOf, inCommitTimestampsFrom } from './commitTimestamp.ts';
import { commitInfoOf } from './actions.ts';

export interface TimeTravel {
  version: number;
  /** Which commit times the version was found by. */
  by: 'inCommitTimestamp' | 'fileModificationTime';
  /** The version's commit time by that measure. */
  commitTime: number;
}

export const describeTimeSource = (by: TimeTravel['by']) => (by === 'inCommitTimestamp' ? 'in-commit timestamps' : "the commit files' modification times");

export async function resolveVersionAt(
  store: ObjectStore,
  tableRoot: string,
  listing: LogListing,
  timestamp: number,
  loadAt: (version: number) => Promise<DeltaSnapshot>,
): Promise<TimeTravel> {
  if (!Number.isFinite(timestamp)) throw new LakeError('InvalidInput', `time travel needs a time in milliseconds since the epoch, got ${timestamp}`);
  const latest = latestVersionOf(listing);
  const latestSnapshot = await loadAt(latest);
  const ictFrom = inCommitTimestampsFrom(latestSnapshot.metadata);
  const fileTime = (version: number) => listing.commits.get(version)?.lastModified ?? 0;
  const ictAt = async (version: number) => inCommitTimestampOf(commitInfoOf((await loadCommit(store, tableRoot, version)).actions)) ?? fileTime(version);
  // Log cleanup may have removed the enablement commit: search from the oldest one still listed.
  const ictStart = ictFrom === undefined ? undefined : oldestCommitFrom(listing, ictFrom);
  if (ictStart !== undefined && (await ictAt(ictStart)) <= timestamp) {
    let low = ictStart;
    let high = latest;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((await ictAt(mid)) <= timestamp) low = mid;
      else high = mid - 1;
    }
    return { version: low, by: 'inCommitTimestamp', commitTime: await ictAt(low) };
  }
  const limit = ictStart ?? latest + 1;
  const earliest = earliestVersionOf(listing);
  let found: number | undefined;
  for (const [version, meta] of listing.commits) {
    if (version < earliest || version >= limit) continue;
    if (meta.lastModified <= timestamp && (found === undefined || version > found)) found = version;
  }
  if (found !== undefined) return { version: found, by: 'fileModificationTime', commitTime: fileTime(found) };
  const byIct = earliest === ictStart;
  const earliestTime = byIct ? await ictAt(earliest) : (listing.commits.get(earliest)?.lastModified ?? listing.checkpoints.find((c) => c.version === earliest)?.files[0]?.lastModified);
  const when = earliestTime === undefined ? '' : `, at ${formatIsoMs(earliestTime)}`;
  const hint = byIct ? '' : await hintAtResetTimes(store, tableRoot, listing, earliest, timestamp);
  throw new LakeError('NotFound', `no version was committed at or before ${formatIsoMs(timestamp)} by ${describeTimeSource(byIct ? 'inCommitTimestamp' : 'fileModificationTime')}: the earliest readable version is ${earliest}${when}${hint}`);
}

/** When the earliest commit says it was made before the time, its file's time was reset (a copy, a checkout): say so. */
async function hintAtResetTimes(store: ObjectStore, tableRoot: string, listing: LogListing, earliest: number, timestamp: number): Promise<string> {
  if (!listing.commits.has(earliest)) return '';
  const own = commitInfoOf((await loadCommit(store, tableRoot, earliest)).actions)?.timestamp;
  if (typeof own !== 'number' || own > timestamp) return '';
  return ` (its commitInfo.timestamp, ${formatIsoMs(own)}, is earlier: a copy or a checkout resets files' times; \`lakelab index --commit-times <table>\` records the commit times for Lakelab to travel by)`;
}

function oldestCommitFrom(listing: LogListing, from: number): number | undefined {
  let oldest: number | undefined;
  for (const version of listing.commits.keys()) if (version >= from && (oldest === undefined || version < oldest)) oldest = version;
  return oldest;
}
