/**
 * What delta-rs's log cleanup would delete (checkpoints.rs `cleanup_expired_logs_for`, run after
 * a checkpoint when `delta.enableExpiredLogCleanup` is on, the default): with the cutoff now
 * minus `delta.logRetentionDuration` (30 days by default),
 * 1. the keep version drops to the oldest commit modified at or after the cutoff;
 * 2. the safe checkpoint is the newest checkpoint at or before the keep version (none: nothing is deleted);
 * 3. every commit, checkpoint, checksum or temporary commit file of a version before the safe
 *    checkpoint, modified at or before the cutoff, is deleted.
 * Versions before the safe checkpoint then cannot be rebuilt unless another checkpoint and the
 * commits after it survive.
 */
import type { ObjectMeta } from '../../objectStore.ts';
import { logFolder } from '../logPaths.ts';

export interface LogCleanupPreview {
  logRetentionMs: number;
  /** delta.enableExpiredLogCleanup: when false, writers never run it. */
  enabled: boolean;
  /** The checkpoint everything older than is removed (none: nothing is removed). */
  safeCheckpointVersion: number | null;
  files: { key: string; version: number; size: number; lastModified: number }[];
  bytes: number;
  /** Versions that can be rebuilt today and could not after the cleanup. */
  lostVersions: number[];
}

const logFilePattern = /^(\d{20})\.(json|checkpoint.*|crc|json\.tmp.*)$/;
const checkpointPattern = /^(\d{20})\.checkpoint.*\.(parquet|json)$/;
const commitPattern = /^(\d{20})\.json$/;

export interface LogCleanupInput {
  /** The objects under `<table>/_delta_log/`, keys relative to the table root. */
  logObjects: readonly ObjectMeta[];
  latestVersion: number;
  now: number;
  logRetentionMs: number;
  enabled: boolean;
}

export function planLogCleanup(input: LogCleanupInput): LogCleanupPreview {
  const entries = input.logObjects.flatMap((meta) => {
    const name = meta.key.startsWith(logFolder) ? meta.key.slice(logFolder.length) : meta.key;
    const m = logFilePattern.exec(name);
    return m ? [{ meta, name, version: Number(m[1]) }] : [];
  });
  const cutoff = input.now - input.logRetentionMs;
  const recentCommits = entries.filter((e) => commitPattern.test(e.name) && e.meta.lastModified >= cutoff).map((e) => e.version);
  const keepVersion = Math.min(input.latestVersion, recentCommits.length > 0 ? Math.min(...recentCommits) : input.latestVersion);
  const checkpoints = entries.filter((e) => checkpointPattern.test(e.name) && e.version <= keepVersion).map((e) => e.version);
  const safe = checkpoints.length > 0 ? Math.max(...checkpoints) : null;
  const files = safe === null ? [] : entries
    .filter((e) => e.version < safe && e.meta.lastModified <= cutoff)
    .map((e) => ({ key: e.meta.key, version: e.version, size: e.meta.size, lastModified: e.meta.lastModified }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const removed = new Set(files.map((f) => f.key));
  const before = reachableVersions(entries, input.latestVersion);
  const after = reachableVersions(entries.filter((e) => !removed.has(e.meta.key)), input.latestVersion);
  return {
    logRetentionMs: input.logRetentionMs,
    enabled: input.enabled,
    safeCheckpointVersion: safe,
    files,
    bytes: files.reduce((n, f) => n + f.size, 0),
    lostVersions: [...before].filter((v) => !after.has(v)).sort((a, b) => a - b),
  };
}

/** A version can be rebuilt from a checkpoint at it, or from the one before it plus its own commit (or from version 0 on). */
function reachableVersions(entries: readonly { name: string; version: number }[], latest: number): Set<number> {
  const commits = new Set(entries.filter((e) => commitPattern.test(e.name)).map((e) => e.version));
  const checkpoints = new Set(entries.filter((e) => checkpointPattern.test(e.name)).map((e) => e.version));
  const reachable = new Set<number>();
  for (let v = 0; v <= latest; v++) {
    if (checkpoints.has(v) || (commits.has(v) && (v === 0 || reachable.has(v - 1)))) reachable.add(v);
  }
  return reachable;
}
