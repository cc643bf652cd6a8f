/**
 * A table's retention durations as delta-rs reads them: delta.deletedFileRetentionDuration (7
 * days by default) for VACUUM, delta.logRetentionDuration for log cleanup, written as Spark's
 * CalendarInterval ("interval 1 week", "interval 168 hours", "7 days").
 */
import { LakeError } from '../errors.ts';

export const defaultRetentionMs = 7 * 24 * 60 * 60 * 1000;

const units: Record<string, number> = {
  millisecond: 1, second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000,
};

export function toRetentionMs(text: string | undefined, property = 'delta.deletedFileRetentionDuration', fallbackMs = defaultRetentionMs): number {
  if (text === undefined) return fallbackMs;
  const m = /^\s*(?:interval\s+)?(\d+)\s+(millisecond|second|minute|hour|day|week)s?\s*$/i.exec(text);
  if (!m) throw new LakeError('InvalidInput', `${property} "${text}" is not an interval such as "interval 7 days"`);
  return Number(m[1]) * (units[m[2]!.toLowerCase()] ?? 0);
}
