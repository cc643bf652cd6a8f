/**
 * Per-file statistics (PROTOCOL.md "Per-file Statistics"): `add.stats` JSON, or
 * `stats_parsed` from checkpoints written with delta.checkpoint.writeStatsAsStruct.
 * Parsed once per action (stats strings are re-read by many views).
 */
import type { Add } from './actions.ts';

export interface FileStats {
  numRecords?: number;
  minValues?: Record<string, unknown>;
  maxValues?: Record<string, unknown>;
  nullCount?: Record<string, unknown>;
  tightBounds?: boolean;
}

const cache = new WeakMap<object, FileStats | null>();

export function parseStats(add: Pick<Add, 'stats' | 'stats_parsed'>): FileStats | undefined {
  const cached = cache.get(add);
  if (cached !== undefined) return cached ?? undefined;
  const stats = readStats(add) ?? null;
  cache.set(add, stats);
  return stats ?? undefined;
}

/** The same, read afresh and not kept: for one pass over many files (`lakelab files`), whose stats need not outlive it. */
export function readStats(add: Pick<Add, 'stats' | 'stats_parsed'>): FileStats | undefined {
  let stats: FileStats | null = null;
  if (typeof add.stats === 'string' && add.stats !== '') {
    try {
      stats = JSON.parse(add.stats) as FileStats;
    } catch {
      stats = null; // unreadable stats only cost file skipping, never correctness
    }
  } else if (add.stats_parsed && typeof add.stats_parsed === 'object') {
    stats = add.stats_parsed as FileStats;
  }
  if (stats && typeof stats.numRecords !== 'number') {
    const n = Number(stats.numRecords);
    stats = Number.isFinite(n) && stats.numRecords !== undefined && stats.numRecords !== null ? { ...stats, numRecords: n } : { ...stats, numRecords: undefined };
  }
  return stats ?? undefined;
}
