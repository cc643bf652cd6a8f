/**
 * Temporary files a writer leaves when it dies mid-write (`<name>.<uuid>.lakelab-tmp`: a
 * commit or data file written aside before it is linked or moved into place). A live writer
 * holds one for the milliseconds of one write, so one older than the given age belongs to no
 * live writer and can go.
 */
export const tempFileSuffix = '.lakelab-tmp';

export interface TempFile {
  key: string;
  size: number;
  lastModified: number;
}

export interface TempCleanup {
  remove: TempFile[];
  /** Younger than the age given: a writer may still be using them. */
  keep: TempFile[];
}

export function planTempCleanup(files: readonly TempFile[], now: number, olderThanMs: number): TempCleanup {
  const plan: TempCleanup = { remove: [], keep: [] };
  for (const file of files) (now - file.lastModified >= olderThanMs ? plan.remove : plan.keep).push(file);
  return plan;
}

/** "90s", "15m", "1h", "2d" to milliseconds; undefined for anything else. */
export function toDurationMs(text: string): number | undefined {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  if (!m) return undefined;
  const scale = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * scale;
}
