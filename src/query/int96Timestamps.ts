/**
 * Parquet INT96 timestamps (Spark's legacy form) reach us through parquet-wasm as
 * Timestamp(ns), computed modulo 2^64: dates past 2262 wrap around. Spark writes microsecond
 * precision, and that pins the wrap down: among the wraps that land within years 0001-9999,
 * exactly one is a whole number of microseconds (2^64 mod 1000 = 616 and the 125 residues
 * it cycles through outnumber the ~19 candidate wraps). Delta data files never hold int64
 * nanosecond timestamps, so Timestamp(ns) in a Delta file means INT96.
 */
const wrap = 1n << 64n;
const minMicros = -62135596800000000n; // 0001-01-01T00:00:00Z
const maxMicros = 253402300799999999n; // 9999-12-31T23:59:59.999999Z

export function toMicrosFromNanos(nanos: bigint): bigint {
  if (nanos % 1000n === 0n) return nanos / 1000n;
  for (let k = -4n; k <= 14n; k++) {
    if (k === 0n) continue;
    const candidate = nanos + k * wrap;
    if (candidate % 1000n !== 0n) continue;
    const micros = candidate / 1000n;
    if (micros >= minMicros && micros <= maxMicros) return micros;
  }
  return nanos / 1000n; // true nanosecond precision: truncate to microseconds
}
