/**
 * Time travel by timestamp: the latest version committed at or before a time. Commit times are
 * file modification times, or in-commit timestamps from their enablement version on (those are
 * monotonic, so they are binary-searched with few reads).
 */
import { LakeError } from '../errors.ts';
import type { ObjectStore } from '../objectStore.ts';
import type { DeltaSnapshot } from './snapshot.ts';
import type { LogListing } from './logSegment.ts';
import { earliestVersionOf, latestVersionOf } from './logSegment.ts';
import { loadCommit } from './loadCommits.ts';
import { commitTimestampOf, inCommitTimestampsFrom } from './commitTimestamp.ts';
import { commitInfoOf } from './actions.ts';

export async function resolveVersionAt(
  store: ObjectStore,
  tableRoot: string,
  listing: LogListing,
  timestamp: number,
  loadAt: (version: number) => Promise<DeltaSnapshot>,
): Promise<number> {
  if (!Number.isFinite(timestamp)) throw new LakeError('InvalidInput', `time travel needs a time in milliseconds since the epoch, got ${timestamp}`);
  const latest = latestVersionOf(listing);
  const latestSnapshot = await loadAt(latest);
  const ictFrom = inCommitTimestampsFrom(latestSnapshot.metadata);
  const ictAt = async (version: number) => {
    const commit = await loadCommit(store, tableRoot, version);
    return commitTimestampOf(commitInfoOf(commit.actions), listing.commits.get(version)?.lastModified ?? 0);
  };
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
    return low;
  }
  const limit = ictStart ?? latest + 1;
  const earliest = earliestVersionOf(listing);
  let found: number | undefined;
  for (const [version, meta] of listing.commits) {
    if (version < earliest || version >= limit) continue;
    if (meta.lastModified <= timestamp && (found === undefined || version > found)) found = version;
  }
  if (found === undefined) {
    const earliestTime = earliest === ictStart ? await ictAt(earliest) : (listing.commits.get(earliest)?.lastModified ?? listing.checkpoints.find((c) => c.version === earliest)?.files[0]?.lastModified);
    const when = earliestTime === undefined ? '' : `, at ${new Date(earliestTime).toISOString()}`;
    throw new LakeError('NotFound', `no version was committed at or before ${new Date(timestamp).toISOString()}: the earliest readable version is ${earliest}${when}`);
  }
  return found;
}

function oldestCommitFrom(listing: LogListing, from: number): number | undefined {
  let oldest: number | undefined;
  for (const version of listing.commits.keys()) if (version >= from && (oldest === undefined || version < oldest)) oldest = version;
  return oldest;
}
