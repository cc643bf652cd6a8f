/**
 * Bring a snapshot forward: list the log from the snapshot's version on (`startAfter`, so a
 * long log is not listed whole), read only the JSON commits after it and replay them on top of
 * the snapshot. The result is deep-equal to what loadSnapshot gives at that version. Whenever
 * loadSnapshot would build it from other files (a checkpoint newer than the one the snapshot
 * started from, at or before the version wanted), and whenever anything is amiss (a gap, a
 * version before the snapshot's or past HEAD), it is loadSnapshot's, with its own full listing.
 * As in delta-kernel-rs's incremental update, checkpoints older than the snapshot's version are
 * not looked for (unless the caller passes a full listing): one written there after the
 * snapshot was read would give the same table state from other files.
 */
import type { ObjectStore } from '../objectStore.ts';
import type { ParquetCodec } from '../parquetCodec.ts';
import { throwIfAborted, type AbortSignal } from '../abort.ts';
import { commitInfoOf } from './actions.ts';
import type { DeltaSnapshot } from './snapshot.ts';
import { latestVersionOf, loadLogListingFrom, type LogListing } from './logSegment.ts';
import { loadCommits } from './loadCommits.ts';
import { loadSnapshot } from './loadSnapshot.ts';
import { applyActions, fileKey, type ReplayState } from './replay.ts';
import { parseSchema } from './schema.ts';
import { checkReadSupport } from './features.ts';
import { commitTimestampOf } from './commitTimestamp.ts';

export interface UpdateSnapshotOptions {
  /** The version wanted (the latest when undefined). */
  version?: number;
  codec: ParquetCodec;
  signal?: AbortSignal;
  /** A listing made earlier by the caller (saves a list call): of the whole log, or of the log from the snapshot's version on. */
  listing?: LogListing;
}

export async function updateSnapshot(store: ObjectStore, snapshot: DeltaSnapshot, options: UpdateSnapshotOptions): Promise<DeltaSnapshot> {
  const { tableRoot } = snapshot;
  const listing = options.listing ?? (await loadLogListingFrom(store, tableRoot, snapshot.version, options.signal));
  const full = () => loadSnapshot(store, tableRoot, { version: options.version, codec: options.codec, signal: options.signal });
  if (listing.commits.size === 0 && listing.checkpoints.length === 0) return full();
  const latest = latestVersionOf(listing);
  const target = options.version ?? latest;
  if (target < snapshot.version || target > latest) return full();
  // The checkpoint loadSnapshot would start from must not be newer than the one the snapshot started from.
  const own = snapshot.logSegment.checkpoint;
  const checkpoint = listing.checkpoints.find((c) => c.version <= target);
  if (checkpoint && (!own || checkpoint.version > own.version || (checkpoint.version === own.version && checkpoint.format !== own.kind))) return full();
  // Every commit after the snapshot must be listed (a gap is loadSnapshot's to report).
  const newVersions: number[] = [];
  for (let v = snapshot.version + 1; v <= target; v++) {
    if (!listing.commits.has(v)) return full();
    newVersions.push(v);
  }
  if (newVersions.length === 0) return snapshot;

  throwIfAborted(options.signal, 'updating the snapshot');
  const commits = await loadCommits(store, tableRoot, newVersions, { signal: options.signal, sizes: new Map(newVersions.map((v) => [v, listing.commits.get(v)?.size ?? 0])) });
  const state: ReplayState = {
    files: new Map(snapshot.files.map((add) => [fileKey(add.path, add.deletionVector), add])),
    protocol: snapshot.protocol,
    metadata: snapshot.metadata,
    appTransactions: new Map(snapshot.appTransactions),
    domainMetadata: new Map(snapshot.domainMetadata),
  };
  for (const commit of commits) applyActions(state, commit.actions);
  const protocol = state.protocol ?? snapshot.protocol;
  const metadata = state.metadata ?? snapshot.metadata;
  let schema = snapshot.schema;
  if (protocol !== snapshot.protocol || metadata !== snapshot.metadata) {
    schema = metadata === snapshot.metadata ? snapshot.schema : parseSchema(metadata.schemaString);
    const unsupported = checkReadSupport(protocol, metadata, schema);
    if (unsupported) throw unsupported;
  }
  const last = commits[commits.length - 1]?.actions ?? [];
  const commitInfo = commitInfoOf(last);
  return {
    tableRoot,
    version: target,
    protocol,
    metadata,
    schema,
    files: [...state.files.values()],
    appTransactions: state.appTransactions,
    domainMetadata: state.domainMetadata,
    timestamp: commitTimestampOf(commitInfo, listing.commits.get(target)?.lastModified ?? 0),
    commitInfo,
    logSegment: {
      version: target,
      checkpoint: snapshot.logSegment.checkpoint,
      commitFiles: [...snapshot.logSegment.commitFiles, ...newVersions.map((v) => listing.commits.get(v)!.key)],
    },
  };
}
