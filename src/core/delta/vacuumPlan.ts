/**
 * What delta-rs's VACUUM would remove from a table, planned without removing anything
 * (delta-rs crates/core/src/operations/vacuum.rs): files the current version names are kept;
 * paths under a folder starting with '_' or '.' (the log, _sidecars, ...) are not data,
 * except partition folders; the default 'lite' mode removes files whose remove action is older
 * than the retention (delta.deletedFileRetentionDuration, 7 days by default), and 'full' also
 * removes every other file no version names: the data files of lost races and of writers that
 * died before committing.
 */
import { LakeError } from '../errors.ts';
import type { ObjectMeta } from '../objectStore.ts';
import type { Action } from './actions.ts';

export const defaultRetentionMs = 7 * 24 * 60 * 60 * 1000;

export interface VacuumPlan {
  retentionMs: number;
  /** The table's own (delta-rs refuses a shorter one unless told not to enforce it). */
  tableRetentionMs: number;
  /** Removed from the table longer ago than the retention: VACUUM (lite and full) removes them. */
  expiredTombstones: ObjectMeta[];
  /** Removed more recently: kept for time travel until the retention passes. */
  retainedTombstones: ObjectMeta[];
  /** Data files no commit names (never added): VACUUM full removes them, lite keeps them. */
  orphans: ObjectMeta[];
}

export interface VacuumInput {
  /** Every object under the table root, keys relative to it. */
  objects: readonly ObjectMeta[];
  /** The commits that are still in the log, oldest first. */
  commits: readonly { actions: readonly Action[] }[];
  /** Paths (decoded, relative) the current version names. */
  activePaths: ReadonlySet<string>;
  partitionColumns: readonly string[];
  configuration: Readonly<Record<string, string>>;
  now: number;
  /** Overrides the table's retention. */
  retentionMs?: number;
}

export function planVacuum(input: VacuumInput): VacuumPlan {
  const tableRetentionMs = toRetentionMs(input.configuration['delta.deletedFileRetentionDuration']);
  const retentionMs = input.retentionMs ?? tableRetentionMs;
  const removedAt = new Map<string, number>();
  const named = new Set<string>();
  for (const commit of input.commits) {
    for (const action of commit.actions) {
      if ('add' in action) {
        const path = decode(action.add.path);
        named.add(path);
        removedAt.delete(path);
      } else if ('remove' in action) {
        const path = decode(action.remove.path);
        named.add(path);
        removedAt.set(path, action.remove.deletionTimestamp ?? 0);
      }
    }
  }
  const plan: VacuumPlan = { retentionMs, tableRetentionMs, expiredTombstones: [], retainedTombstones: [], orphans: [] };
  for (const meta of input.objects) {
    if (input.activePaths.has(meta.key) || isHidden(meta.key, input.partitionColumns)) continue;
    const at = removedAt.get(meta.key);
    if (at !== undefined) (at < input.now - retentionMs ? plan.expiredTombstones : plan.retainedTombstones).push(meta);
    else if (!named.has(meta.key)) plan.orphans.push(meta);
  }
  return plan;
}

/** delta-rs's is_hidden_directory: '_' or '.' first, except _delta_index, _change_data and partition folders. */
function isHidden(key: string, partitionColumns: readonly string[]): boolean {
  return (key.startsWith('.') || key.startsWith('_'))
    && !key.startsWith('_delta_index') && !key.startsWith('_change_data')
    && !partitionColumns.some((c) => key.startsWith(c));
}

const units: Record<string, number> = {
  millisecond: 1, second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000,
};

/** "interval 1 week", "interval 168 hours", "7 days" (Spark's CalendarInterval, as delta-rs reads it). */
export function toRetentionMs(text: string | undefined, property = 'delta.deletedFileRetentionDuration', fallbackMs = defaultRetentionMs): number {
  if (text === undefined) return fallbackMs;
  const m = /^\s*(?:interval\s+)?(\d+)\s+(millisecond|second|minute|hour|day|week)s?\s*$/i.exec(text);
  if (!m) throw new LakeError('InvalidInput', `${property} "${text}" is not an interval such as "interval 7 days"`);
  return Number(m[1]) * (units[m[2]!.toLowerCase()] ?? 0);
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
