/**
 * What changed between two versions, worked out from the files each side has: files only in
 * the older one (their live rows are removed), files only in the newer one (added), and files
 * in both whose deletion vector changed (the rows it newly deletes are removed).
 */
import type { Add } from '../delta/actions.ts';
import { deletionVectorId } from '../delta/replay.ts';
import { parseStats } from '../delta/stats.ts';

export interface VersionDiffPlan {
  fromVersion: number;
  toVersion: number;
  removedFiles: Add[];
  addedFiles: Add[];
  /** The same data file with another deletion vector on each side. */
  changedDeletionVectors: { before: Add; after: Add }[];
  /** From file stats: rows in removed files and newly deleted rows, rows in added files. Null when stats are missing. */
  rowsRemoved: number | null;
  rowsAdded: number | null;
}

export function planVersionDiff(fromVersion: number, from: readonly Add[], toVersion: number, to: readonly Add[]): VersionDiffPlan {
  const before = new Map(from.map((f) => [f.path, f]));
  const after = new Map(to.map((f) => [f.path, f]));
  const removedFiles: Add[] = [];
  const addedFiles: Add[] = [];
  const changedDeletionVectors: { before: Add; after: Add }[] = [];
  for (const [path, file] of before) {
    const other = after.get(path);
    if (!other) removedFiles.push(file);
    else if (deletionVectorId(file.deletionVector) !== deletionVectorId(other.deletionVector)) changedDeletionVectors.push({ before: file, after: other });
  }
  for (const [path, file] of after) if (!before.has(path)) addedFiles.push(file);
  let rowsRemoved: number | null = 0;
  let rowsAdded: number | null = 0;
  const live = (f: Add) => {
    const records = parseStats(f)?.numRecords;
    return records === undefined ? null : records - (f.deletionVector?.cardinality ?? 0);
  };
  const add = (total: number | null, n: number | null) => (total === null || n === null ? null : total + n);
  for (const f of removedFiles) rowsRemoved = add(rowsRemoved, live(f));
  for (const f of addedFiles) rowsAdded = add(rowsAdded, live(f));
  for (const { before: b, after: a } of changedDeletionVectors) {
    const delta = (a.deletionVector?.cardinality ?? 0) - (b.deletionVector?.cardinality ?? 0);
    if (delta >= 0) rowsRemoved = add(rowsRemoved, delta);
    else rowsAdded = add(rowsAdded, -delta);
  }
  return { fromVersion, toVersion, removedFiles, addedFiles, changedDeletionVectors, rowsRemoved, rowsAdded };
}

/** Rows present on one side only, as multisets: a row rewritten unchanged cancels out. */
export function subtractRows<T>(removed: T[], added: T[], keyOf: (row: T) => string): { removed: T[]; added: T[] } {
  const counts = new Map<string, number>();
  for (const row of added) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
  const keptRemoved: T[] = [];
  for (const row of removed) {
    const key = keyOf(row);
    const n = counts.get(key) ?? 0;
    if (n > 0) counts.set(key, n - 1);
    else keptRemoved.push(row);
  }
  const keptAdded: T[] = [];
  const cancelled = new Map<string, number>();
  for (const row of removed) cancelled.set(keyOf(row), (cancelled.get(keyOf(row)) ?? 0) + 1);
  for (const row of added) {
    const key = keyOf(row);
    const n = cancelled.get(key) ?? 0;
    if (n > 0) cancelled.set(key, n - 1);
    else keptAdded.push(row);
  }
  return { removed: keptRemoved, added: keptAdded };
}
