/**
 * Rows, files and bytes at each version, walked forward through the commits from a starting
 * state (empty at version 0, or the snapshot at the earliest version a cleaned-up log keeps).
 */
import type { Add, Commit } from '../delta/actions.ts';
import { parseStats } from '../delta/stats.ts';
import { fileKey } from '../delta/replay.ts';

export interface GrowthPoint {
  version: number;
  files: number;
  bytes: number;
  /** Live rows; null once a file without stats is involved. */
  rows: number | null;
}

export function toTableGrowth(base: { version: number; files: readonly Add[] } | undefined, commits: readonly Commit[]): GrowthPoint[] {
  const active = new Map<string, Add>();
  for (const file of base?.files ?? []) active.set(fileKey(file.path, file.deletionVector), file);
  const totals = { files: 0, bytes: 0, rows: 0 as number | null };
  const addFile = (file: Add, sign: 1 | -1) => {
    totals.files += sign;
    totals.bytes += sign * file.size;
    const records = parseStats(file)?.numRecords;
    totals.rows = totals.rows === null || records === undefined ? null : totals.rows + sign * (records - (file.deletionVector?.cardinality ?? 0));
  };
  for (const file of active.values()) addFile(file, 1);
  const points: GrowthPoint[] = [];
  if (base) points.push({ version: base.version, ...totals });
  for (const commit of [...commits].sort((a, b) => a.version - b.version)) {
    if (base && commit.version <= base.version) continue;
    for (const action of commit.actions) {
      if ('remove' in action) {
        const key = fileKey(action.remove.path, action.remove.deletionVector);
        const removed = active.get(key);
        if (removed) {
          addFile(removed, -1);
          active.delete(key);
        }
      } else if ('add' in action) {
        const key = fileKey(action.add.path, action.add.deletionVector);
        const previous = active.get(key);
        if (previous) addFile(previous, -1);
        active.set(key, action.add);
        addFile(action.add, 1);
      }
    }
    points.push({ version: commit.version, ...totals });
  }
  return points;
}
