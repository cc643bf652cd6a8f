/**
 * What delta-rs's VACUUM would delete, planned from the log and one listing, deleting nothing
 * (delta-rs crates/core/src/operations/vacuum.rs, `create_vacuum_plan`):
 * - the retention is the one asked for, else `delta.deletedFileRetentionDuration` (7 days by
 *   default); one shorter than the table's is refused unless enforcement is off, in delta-rs's words;
 * - lite (the default) deletes the expired tombstones: remove actions of the current snapshot's
 *   log segment (its checkpoint and the commits after it) whose `deletionTimestamp` (0 when
 *   absent) is older than now minus the retention, unless the current version names the path
 *   or the path is hidden; it lists nothing, so a tombstone whose file is gone is still "deleted";
 * - full also deletes every listed file the current version does not name, that is not hidden,
 *   has no tombstone at all (a recent one protects it) and was last modified at least a retention ago:
 *   lost races, crashed writers, `_change_data/` (cdc) files, and deletion-vector files, which
 *   delta-rs does not count as named by the version (their data file is).
 */
import type { ObjectMeta } from '../../objectStore.ts';
import type { Remove } from '../actions.ts';

export type VacuumMode = 'lite' | 'full';

export interface VacuumCandidate {
  /** Relative to the table root, decoded, as listed. */
  path: string;
  /** From the listing; else the tombstone's size; null when neither says. */
  size: number | null;
  why: 'expired tombstone' | 'not in the log' | 'change data (cdc)' | 'deletion vector';
  /** The tombstone's deletionTimestamp (expired tombstones). */
  removedAt?: number | null;
  lastModified?: number;
  /** False when the listing does not have it (a tombstone whose file is already gone). */
  exists: boolean;
  /** A deletion-vector file a version still reads: deleting it breaks those versions. */
  inUse?: boolean;
}

export interface VacuumPreview {
  mode: VacuumMode;
  retentionMs: number;
  /** The table's delta.deletedFileRetentionDuration (7 days by default). */
  tableRetentionMs: number;
  /** delta-rs's refusal when the retention is shorter than the table's and enforcement is on. */
  refused?: string;
  files: VacuumCandidate[];
  bytes: number;
  /** Tombstones still inside the retention: kept for time travel. */
  retainedTombstones: number;
}

export interface VacuumPreviewInput {
  mode: VacuumMode;
  now: number;
  /** The table's retention (toRetentionMs of delta.deletedFileRetentionDuration). */
  tableRetentionMs: number;
  retentionMs?: number;
  /** Refuse a retention shorter than the table's (delta-rs's enforce_retention_duration, on by default). */
  enforceRetention?: boolean;
  /** Data-file paths (decoded) the current version names. */
  activePaths: ReadonlySet<string>;
  /** Deletion-vector files (decoded, relative) the current version reads. */
  activeDeletionVectorPaths?: ReadonlySet<string>;
  /** The current snapshot's tombstones: remove actions of its checkpoint and later commits, re-added paths dropped. */
  tombstones: readonly Remove[];
  /** Every object under the table root (keys relative to it); lite needs it only for sizes and existence. */
  objects: readonly ObjectMeta[];
  partitionColumns: readonly string[];
}

export function planVacuumPreview(input: VacuumPreviewInput): VacuumPreview {
  const retentionMs = input.retentionMs ?? input.tableRetentionMs;
  const base = { mode: input.mode, retentionMs, tableRetentionMs: input.tableRetentionMs };
  if ((input.enforceRetention ?? true) && retentionMs < input.tableRetentionMs) {
    const hours = (ms: number) => Math.trunc(ms / 3_600_000);
    return {
      ...base,
      refused: `Invalid retention period, minimum retention for vacuum is configured to be greater than ${hours(input.tableRetentionMs)} hours, got ${hours(retentionMs)} hours`,
      files: [], bytes: 0, retainedTombstones: 0,
    };
  }
  const cutoff = input.now - retentionMs;
  const listed = new Map(input.objects.map((o) => [o.key, o]));
  const okToDelete = (path: string) => !input.activePaths.has(path) && !isHiddenPath(path, input.partitionColumns);
  const expired = new Set<string>();
  const tombstoned = new Set<string>();
  const files: VacuumCandidate[] = [];
  let retainedTombstones = 0;
  for (const tombstone of input.tombstones) {
    const path = decodePath(tombstone.path);
    tombstoned.add(path);
    if (!((tombstone.deletionTimestamp ?? 0) < cutoff)) {
      retainedTombstones++;
      continue;
    }
    if (expired.has(path) || !okToDelete(path)) continue;
    expired.add(path);
    const meta = listed.get(path);
    files.push({
      path, size: meta?.size ?? tombstone.size ?? null, why: 'expired tombstone',
      removedAt: tombstone.deletionTimestamp ?? null, lastModified: meta?.lastModified, exists: meta !== undefined,
    });
  }
  if (input.mode === 'full') {
    for (const meta of input.objects) {
      if (expired.has(meta.key) || !okToDelete(meta.key) || tombstoned.has(meta.key)) continue;
      if (input.now - meta.lastModified < retentionMs) continue;
      const inUse = input.activeDeletionVectorPaths?.has(meta.key) ?? false;
      files.push({
        path: meta.key, size: meta.size, lastModified: meta.lastModified, exists: true,
        why: meta.key.startsWith('_change_data/') ? 'change data (cdc)' : isDeletionVectorFile(meta.key) ? 'deletion vector' : 'not in the log',
        ...(inUse && { inUse }),
      });
    }
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { ...base, files, bytes: files.reduce((n, f) => n + (f.size ?? 0), 0), retainedTombstones };
}

/** delta-rs's is_hidden_directory: '_' or '.' first, except _delta_index, _change_data and paths starting with a partition column's name. */
export function isHiddenPath(path: string, partitionColumns: readonly string[]): boolean {
  return (path.startsWith('.') || path.startsWith('_'))
    && !path.startsWith('_delta_index') && !path.startsWith('_change_data')
    && !partitionColumns.some((c) => path.startsWith(c));
}

const isDeletionVectorFile = (path: string) => /(^|\/)deletion_vector_[^/]*\.bin$/.test(path);

export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
