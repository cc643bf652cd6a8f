/**
 * Calendar arithmetic without Date, exact over the whole proleptic Gregorian range
 * (years 0001-9999 and beyond), for dates and microsecond timestamps.
 */

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
export function toEpochDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of days since 1970-01-01. */
export function fromEpochDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const timestampPattern = /^(-?\d{4,})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** Microseconds since the epoch of "YYYY-MM-DD[ T]HH:MM:SS[.ffffff][Z|±HH:MM]" (UTC when no zone). */
export function parseTimestampMicros(text: string): bigint | undefined {
  const m = timestampPattern.exec(text.trim());
  if (!m) return undefined;
  const days = toEpochDays(Number(m[1]), Number(m[2]), Number(m[3]));
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  const fraction = (m[7] ?? '').padEnd(6, '0').slice(0, 6);
  let micros = BigInt(days) * 86_400_000_000n + BigInt(seconds) * 1_000_000n + BigInt(fraction || '0');
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1n : 1n;
    const digits = zone.slice(1).replace(':', '');
    const offset = BigInt(Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60) * 1_000_000n;
    micros -= sign * offset;
  }
  return micros;
}

/** Days since the epoch of "YYYY-MM-DD". */
export function parseDateDays(text: string): number | undefined {
  const m = /^(-?\d{4,})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  return m ? toEpochDays(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function formatDate(days: number): string {
  const { year, month, day } = fromEpochDays(days);
  const y = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  return `${y}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** "YYYY-MM-DDTHH:MM:SS.ffffff" of microseconds since the epoch (no zone suffix). */
export function formatTimestampMicros(micros: bigint): string {
  const perDay = 86_400_000_000n;
  let days = micros / perDay;
  let rest = micros % perDay;
  if (rest < 0n) {
    rest += perDay;
    days -= 1n;
  }
  const seconds = Number(rest / 1_000_000n);
  const fraction = Number(rest % 1_000_000n);
  const time = `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}.${pad(fraction, 6)}`;
  return `${formatDate(Number(days))}T${time}`;
}

/** "YYYY-MM-DDTHH:MM:SS.sssZ" of milliseconds since the epoch, as Date's toISOString writes it, without a Date. */
export function formatIsoMs(ms: number): string {
  return `${formatTimestampMicros(BigInt(Math.floor(ms)) * 1000n).slice(0, -3)}Z`;
}

/** Milliseconds since the epoch of an ISO time (UTC when it names no zone), or undefined when it is not one. */
export function parseIsoMs(text: string): number | undefined {
  const micros = parseTimestampMicros(text);
  return micros === undefined ? undefined : Number(micros / 1000n) - (micros < 0n && micros % 1000n !== 0n ? 1 : 0);
}
