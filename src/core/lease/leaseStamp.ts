/**
 * The stamp a catalog's lease holder leaves in the blob's own metadata (ducklake-lease.md):
 * `acquired_at`, a UTC ISO time, and `acquired_by`, who took it. A writer refused by a held
 * lease reads it to say who holds the catalog since when, and to decide whether the holder is
 * presumed dead (its stamp older than the staleness window).
 */
import { formatIsoMs, parseIsoMs } from '../delta/civilTime.ts';
export const acquiredAtKey = 'acquired_at';
export const acquiredByKey = 'acquired_by';

/** ducklake-lease.md: a crashed run self-heals within 12 hours. */
export const defaultStaleAfterMs = 12 * 60 * 60 * 1000;

export interface LeaseStamp {
  /** As written: a UTC ISO time. */
  acquiredAt?: string;
  acquiredBy?: string;
}

export function toStampMetadata(now: number, holder: string): Record<string, string> {
  // Azure metadata values are HTTP header values: keep them printable ASCII.
  return { [acquiredAtKey]: formatIsoMs(now), [acquiredByKey]: toHeaderSafe(holder) };
}

export function toLeaseStamp(metadata: Record<string, string>): LeaseStamp {
  const stamp: LeaseStamp = {};
  const at = metadata[acquiredAtKey];
  const by = metadata[acquiredByKey];
  if (at !== undefined) stamp.acquiredAt = at;
  if (by !== undefined) stamp.acquiredBy = by;
  return stamp;
}

/** Milliseconds from the stamp's acquired_at to the caller's `now`; undefined when it has none or it does not parse. */
export function stampAgeMs(stamp: LeaseStamp, now: number): number | undefined {
  if (stamp.acquiredAt === undefined) return undefined;
  const at = parseIsoMs(stamp.acquiredAt);
  return at === undefined ? undefined : now - at;
}

/** Stale: its acquired_at is more than staleAfterMs before the caller's `now`. A lease with no readable acquired_at never is. */
export function isStampStale(stamp: LeaseStamp, now: number, staleAfterMs: number): boolean {
  const age = stampAgeMs(stamp, now);
  return age !== undefined && age > staleAfterMs;
}

/** "by lakelab@host since 2026-01-01T00:00:00.000Z (3 h 20 min ago)", for messages. */
export function describeStamp(stamp: LeaseStamp, now: number): string {
  if (stamp.acquiredAt === undefined) return 'by a holder that left no acquired_at stamp';
  const age = stampAgeMs(stamp, now);
  const who = stamp.acquiredBy ? `by ${stamp.acquiredBy} ` : '';
  return `${who}since ${stamp.acquiredAt}${age === undefined ? ' (not a time)' : ` (${formatAge(age)} ago)`}`;
}

export function formatAge(ms: number): string {
  if (ms < 0) return `${formatAge(-ms)} in the future`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.floor(ms / 1000)} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

function toHeaderSafe(text: string): string {
  const safe = text.replace(/[^\x20-\x7e]/g, '?').trim();
  return safe.length > 200 ? safe.slice(0, 200) : safe;
}
