/**
 * The retention preview of a Delta table, from its log and one listing: what VACUUM (lite and
 * full) and log cleanup would delete now at a given retention, and the versions time travel
 * would lose (vacuumPreview.ts, logCleanupPreview.ts, fileLifetimes.ts hold the rules).
 */
import { listAll, type ObjectMeta, type ObjectStore } from '../../objectStore.ts';
import type { ParquetCodec } from '../../parquetCodec.ts';
import type { AbortSignal } from '../../abort.ts';
import type { Remove } from '../actions.ts';
import { loadSnapshot } from '../loadSnapshot.ts';
import { earliestVersionOf, loadLogListing, planLogSegment, type LogListing } from '../logSegment.ts';
import type { DeltaSnapshot } from '../snapshot.ts';
import { loadCheckpointActions } from '../checkpoint.ts';
import { loadCommits } from '../loadCommits.ts';
import { logFolder } from '../logPaths.ts';
import { toRetentionMs } from '../retentionDuration.ts';
import { decodePath, planVacuumPreview, type VacuumMode, type VacuumPreview, type VacuumPreviewInput } from './vacuumPreview.ts';
import { planLogCleanup, type LogCleanupPreview } from './logCleanupPreview.ts';
import { toFileLifetimes, toLostVersions } from './fileLifetimes.ts';
import { planDeletionVectorRead } from '../deletionVector.ts';

export const defaultLogRetentionMs = 30 * 24 * 60 * 60 * 1000;

export interface RetentionRequest {
  now: number;
  /** Overrides delta.deletedFileRetentionDuration for VACUUM. */
  retentionMs?: number;
  /** Overrides delta.logRetentionDuration for log cleanup. */
  logRetentionMs?: number;
  mode: VacuumMode;
  /** delta-rs's enforce_retention_duration (on by default). */
  enforceRetention?: boolean;
}

export interface RetentionPreview {
  version: number;
  earliestVersion: number;
  vacuum: VacuumPreview & { lostVersions: number[] };
  logCleanup: LogCleanupPreview;
}

/** What VACUUM is planned from, minus the request (mode, now, retention): the table's current version, its tombstones and one listing. */
export type VacuumFacts = Omit<VacuumPreviewInput, 'mode' | 'now' | 'retentionMs' | 'enforceRetention'>;

export interface LoadedVacuumFacts {
  facts: VacuumFacts;
  snapshot: DeltaSnapshot;
  listing: LogListing;
  objects: ObjectMeta[];
}

/** Loads the log and lists the table once; planVacuumPreview then plans from the facts at any retention. */
export async function loadVacuumFacts(store: ObjectStore, tableRoot: string, codec: ParquetCodec, signal?: AbortSignal): Promise<LoadedVacuumFacts> {
  const listing = await loadLogListing(store, tableRoot, signal);
  const snapshot = await loadSnapshot(store, tableRoot, { codec, signal, listing });
  const segment = planLogSegment(listing, snapshot.version);
  const tombstones = new Map<string, Remove>();
  if (segment.checkpoint) {
    const read = await loadCheckpointActions(store, tableRoot, segment.checkpoint, codec, { signal, withTombstones: true });
    for (const action of read.actions) if ('remove' in action) tombstones.set(decodePath(action.remove.path), action.remove);
  }
  const segmentCommits = await loadCommits(store, tableRoot, segment.commits.map((c) => c.version), { signal });
  for (const commit of segmentCommits) {
    for (const action of commit.actions) {
      if ('remove' in action) tombstones.set(decodePath(action.remove.path), action.remove);
      else if ('add' in action) tombstones.delete(decodePath(action.add.path));
    }
  }
  const objects = (await listAll(store, tableRoot, { signal })).map((o) => ({ ...o, key: o.key.slice(tableRoot.length) }));
  const activeDeletionVectorPaths = new Set(snapshot.files.flatMap((f) => {
    if (!f.deletionVector || f.deletionVector.storageType === 'i') return [];
    const location = planDeletionVectorRead(f.deletionVector, '');
    return location.kind === 'file' ? [location.key] : [];
  }));
  const facts: VacuumFacts = {
    tableRetentionMs: toRetentionMs(snapshot.metadata.configuration['delta.deletedFileRetentionDuration']),
    activePaths: new Set(snapshot.files.map((f) => decodePath(f.path))),
    activeDeletionVectorPaths,
    tombstones: [...tombstones.values()],
    objects,
    partitionColumns: snapshot.metadata.partitionColumns,
  };
  return { facts, snapshot, listing, objects };
}

export async function loadRetentionPreview(
  store: ObjectStore, tableRoot: string, codec: ParquetCodec, request: RetentionRequest, signal?: AbortSignal,
): Promise<RetentionPreview> {
  const { facts, snapshot, listing, objects } = await loadVacuumFacts(store, tableRoot, codec, signal);
  const configuration = snapshot.metadata.configuration;
  const vacuum = planVacuumPreview({ ...facts, mode: request.mode, now: request.now, retentionMs: request.retentionMs, enforceRetention: request.enforceRetention });

  // Lifetimes from the earliest version that can be rebuilt: its files, then every commit after it.
  const earliestVersion = earliestVersionOf(listing);
  const base = earliestVersion === snapshot.version ? snapshot : await loadSnapshot(store, tableRoot, { codec, signal, listing, version: earliestVersion });
  const later = [];
  for (let v = earliestVersion + 1; v <= snapshot.version; v++) later.push(v);
  const commits = await loadCommits(store, tableRoot, later, { signal });
  const lifetimes = toFileLifetimes(earliestVersion, base.files, commits);
  const lostVersions = toLostVersions(vacuum.files.map((f) => f.path), lifetimes, earliestVersion, snapshot.version);

  const logCleanup = planLogCleanup({
    logObjects: objects.filter((o) => o.key.startsWith(logFolder)),
    latestVersion: snapshot.version,
    now: request.now,
    logRetentionMs: request.logRetentionMs ?? toRetentionMs(configuration['delta.logRetentionDuration'], 'delta.logRetentionDuration', defaultLogRetentionMs),
    enabled: (configuration['delta.enableExpiredLogCleanup'] ?? 'true').toLowerCase() !== 'false',
  });
  return { version: snapshot.version, earliestVersion, vacuum: { ...vacuum, lostVersions }, logCleanup };
}
