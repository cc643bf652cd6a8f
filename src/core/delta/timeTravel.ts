/**
 * Time travel by timestamp: the latest version committed at or before a time. Commit times are
 * file modification times, or in-commit timestamps from their enablement version on (those are
 * monotonic, so they are binary-searched with few reads).
 */
import { LakeError } from '../errors.ts';
import type { ObjectStore } from '../objectStore.ts';
import type { DeltaSnapshot } from './snapshot.ts';
import type { LogListing } from './logSegment.ts';
import { latestVersionOf } from './logSegment.ts';
import { loadCommit } from './loadCommits.ts';
import { commitTimestampOf, inCommitTimestampsFrom } from './commitTimestamp.ts';

export async function resolveVersionAt(
  store: ObjectStore,
  tableRoot: string,
  listing: LogListing,
  timestamp: number,
  loadAt: (version: number) => Promise<DeltaSnapshot>,
): Promise<number> {
  const latest = latestVersionOf(listing);
  const latestSnapshot = await loadAt(latest);
  const ictFrom = inCommitTimestampsFrom(latestSnapshot.metadata);
  const ictAt = async (version: number) => {
    const commit = await loadCommit(store, tableRoot, version);
    const info = commit.actions.find((a) => 'commitInfo' in a);
    return commitTimestampOf(info && 'commitInfo' in info ? info.commitInfo : undefined, listing.commits.get(version)?.lastModified ?? 0);
  };
  if (ictFrom !== undefined && listing.commits.has(ictFrom) && (await ictAt(ictFrom)) <= timestamp) {
    let low = ictFrom;
    let high = latest;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if ((await ictAt(mid)) <= timestamp) low = mid;
      else high = mid - 1;
    }
    return low;
  }
  const limit = ictFrom ?? latest + 1;
  let found: number | undefined;
  let earliest: { version: number; time: number } | undefined;
  for (const [version, meta] of listing.commits) {
    if (version >= limit) continue;
    if (!earliest || version < earliest.version) earliest = { version, time: meta.lastModified };
    if (meta.lastModified <= timestamp && (found === undefined || version > found)) found = version;
  }
  if (found === undefined) {
    const when = earliest ? ` (version ${earliest.version}, ${new Date(earliest.time).toISOString()})` : '';
    throw new LakeError('NotFound', `no version was committed at or before ${new Date(timestamp).toISOString()}: the earliest commit is later${when}`);
  }
  return found;
}
