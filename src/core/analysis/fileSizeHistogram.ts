/**
 * File sizes bucketed on a log2 scale, so the small-file problem shows at a glance: each
 * bucket covers [2^k, 2^(k+1)) bytes, with an empty-file bucket for size 0.
 */
export interface SizeBucket {
  /** Inclusive lower bound in bytes. */
  from: number;
  /** Exclusive upper bound in bytes. */
  to: number;
  count: number;
  bytes: number;
}

export function toFileSizeHistogram(sizes: Iterable<number>): SizeBucket[] {
  const buckets = new Map<number, SizeBucket>();
  for (const size of sizes) {
    const exponent = size <= 0 ? -1 : Math.floor(Math.log2(size));
    let bucket = buckets.get(exponent);
    if (!bucket) {
      bucket = exponent < 0 ? { from: 0, to: 1, count: 0, bytes: 0 } : { from: 2 ** exponent, to: 2 ** (exponent + 1), count: 0, bytes: 0 };
      buckets.set(exponent, bucket);
    }
    bucket.count++;
    bucket.bytes += Math.max(0, size);
  }
  const exponents = [...buckets.keys()].sort((a, b) => a - b);
  const first = exponents[0];
  const last = exponents[exponents.length - 1];
  if (first === undefined || last === undefined) return [];
  const result: SizeBucket[] = [];
  for (let e = first; e <= last; e++) {
    result.push(buckets.get(e) ?? (e < 0 ? { from: 0, to: 1, count: 0, bytes: 0 } : { from: 2 ** e, to: 2 ** (e + 1), count: 0, bytes: 0 }));
  }
  return result;
}

/** Files smaller than this are "small" in the explorer's summary (delta-rs's and Spark's OPTIMIZE aim near 100 MiB-1 GiB). */
export const smallFileThreshold = 16 * 1024 * 1024;
