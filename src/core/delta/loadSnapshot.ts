/** A table's state at a version or a timestamp: list the log once, read a checkpoint and the commits after it, replay. */
import { LakeError } from '../errors.ts';
import type { ObjectStore } from '../objectStore.ts';
import type { ParquetCodec } from '../parquetCodec.ts';
import { throwIfAborted, type AbortSignal } from '../abort.ts';
import { commitInfoOf, type Action } from './actions.ts';
import type { DeltaSnapshot } from './snapshot.ts';
import { fillListingGaps, loadLogListing, planLogSegment, type LogListing } from './logSegment.ts';
import { loadCheckpointActions } from './checkpoint.ts';
import { loadCommits } from './loadCommits.ts';
import { applyActions, emptyReplayState } from './replay.ts';
import { parseSchema } from './schema.ts';
import { checkReadSupport } from './features.ts';
import { resolveVersionAt, type TimeTravel } from './timeTravel.ts';
import { commitTimestampOf } from './commitTimestamp.ts';
import type { RangedReads } from '../readObject.ts';

export interface LoadProgress {
  /** 'commit bytes': how much of a large commit is read (done and total in bytes). */
  phase: 'listing' | 'checkpoint' | 'commits' | 'commit bytes' | 'replay';
  done: number;
  total?: number;
}

export interface LoadSnapshotOptions {
  version?: number;
  /** Milliseconds since the epoch: the latest version committed at or before it. */
  timestamp?: number;
  codec: ParquetCodec;
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
  /** A listing made earlier by the caller (saves a list call). */
  listing?: LogListing;
  /** When a checkpoint is large enough to read as ranged reads, and how (defaultRangedReads). */
  ranged?: RangedReads;
}

export async function loadSnapshot(store: ObjectStore, tableRoot: string, options: LoadSnapshotOptions): Promise<DeltaSnapshot> {
  const { signal, onProgress } = options;
  onProgress?.({ phase: 'listing', done: 0 });
  const listing = await fillListingGaps(store, tableRoot, options.listing ?? (await loadLogListing(store, tableRoot, signal)), signal);
  onProgress?.({ phase: 'listing', done: listing.commits.size + listing.checkpoints.length });
  let version = options.version;
  let timeTravel: TimeTravel | undefined;
  if (options.timestamp !== undefined) {
    if (version !== undefined) throw new LakeError('InvalidInput', 'give a version or a timestamp, not both');
    timeTravel = await resolveVersionAt(store, tableRoot, listing, options.timestamp, (v) => loadSnapshot(store, tableRoot, { ...options, version: v, timestamp: undefined, listing }));
    version = timeTravel.version;
  }
  const skipped = new Set<number>();
  let checkpointError: LakeError | undefined;
  for (;;) {
    const segment = planSegmentAfterFallback(listing, version, skipped, checkpointError);
    const state = emptyReplayState();
    let checkpointFiles: string[] = [];
    if (segment.checkpoint) {
      const checkpoint = segment.checkpoint;
      let read;
      try {
        read = await loadCheckpointActions(store, tableRoot, checkpoint, options.codec, {
          signal,
          onFileRead: (done, total) => onProgress?.({ phase: 'checkpoint', done, total }),
          ranged: options.ranged,
        });
      } catch (error) {
        // An unreadable or half-written checkpoint: replay from an older one (or from version 0).
        if (error instanceof LakeError && (error.code === 'Corrupt' || error.code === 'NotFound' || error.code === 'Unsupported')) {
          skipped.add(checkpoint.version);
          checkpointError ??= error;
          continue;
        }
        throw error;
      }
      applyActions(state, read.actions);
      checkpointFiles = read.files;
    }
    throwIfAborted(signal, 'loading the snapshot');
    const commits = await loadCommits(store, tableRoot, segment.commits.map((c) => c.version), {
      signal,
      sizes: new Map(segment.commits.map((c) => [c.version, c.meta.size])),
      ranged: options.ranged,
      onLoaded: (done) => onProgress?.({ phase: 'commits', done, total: segment.commits.length }),
      onBytes: (done, total) => onProgress?.({ phase: 'commit bytes', done, total }),
    });
    onProgress?.({ phase: 'replay', done: 0, total: commits.length });
    for (const commit of commits) applyActions(state, commit.actions);
    const { protocol, metadata } = state;
    if (!protocol || !metadata) {
      throw new LakeError('Corrupt', `version ${segment.version} has no ${protocol ? 'metaData' : 'protocol'} action in its log: the log is incomplete`);
    }
    const schema = parseSchema(metadata.schemaString);
    const unsupported = checkReadSupport(protocol, metadata, schema);
    if (unsupported) throw unsupported;
    const last = commits[commits.length - 1];
    const ownActions: readonly Action[] = last && last.version === segment.version ? last.actions : [];
    const commitInfo = commitInfoOf(ownActions);
    const timeSource = listing.commits.get(segment.version) ?? segment.checkpoint?.files[0];
    return {
      tableRoot,
      version: segment.version,
      protocol,
      metadata,
      schema,
      files: [...state.files.values()],
      appTransactions: state.appTransactions,
      domainMetadata: state.domainMetadata,
      timestamp: commitTimestampOf(commitInfo, timeSource?.lastModified ?? 0),
      commitInfo,
      ...(timeTravel && { timeTravel }),
      logSegment: {
        version: segment.version,
        checkpoint: segment.checkpoint && { version: segment.checkpoint.version, kind: segment.checkpoint.format, files: checkpointFiles },
        commitFiles: segment.commits.map((c) => c.meta.key),
      },
    };
  }
}

/** After an unreadable checkpoint, a segment that cannot be built is reported with that checkpoint's problem. */
function planSegmentAfterFallback(listing: LogListing, version: number | undefined, skipped: ReadonlySet<number>, checkpointError: LakeError | undefined) {
  try {
    return planLogSegment(listing, version, skipped);
  } catch (error) {
    if (!checkpointError || !(error instanceof LakeError)) throw error;
    throw new LakeError(checkpointError.code, `${checkpointError.message}; falling back past it failed: ${error.message}`, { cause: checkpointError });
  }
}
