/**
 * Ordering of values of one Delta type, whatever form they arrive in: typed partition values,
 * stats JSON (numbers, ISO strings), the CLI's JSON form, or a literal from a predicate.
 * Returns undefined when the two cannot be compared. The conversions are exported so that a
 * predicate given to another engine (predicateSql.ts) converts its literals exactly as here.
 */
import type { DataType } from './schemaTypes.ts';
import { decimalOf } from './schema.ts';
import { parseDateDays, parseTimestampMicros } from './civilTime.ts';
import { toScaledDecimal } from './partitionValues.ts';

export function compareValues(a: unknown, b: unknown, type: DataType): number | undefined {
  if (typeof type !== 'string') return undefined;
  switch (type) {
    case 'byte': case 'short': case 'integer': case 'float': case 'double':
      return compareNumbers(toNumber(a), toNumber(b));
    case 'long': {
      const x = toBigInt(a);
      const y = toBigInt(b);
      if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
      return compareNumbers(toNumber(a), toNumber(b));
    }
    case 'boolean': {
      const x = toBoolean(a);
      const y = toBoolean(b);
      return x === undefined || y === undefined ? undefined : Number(x) - Number(y);
    }
    case 'date': {
      const x = toDays(a);
      const y = toDays(b);
      return x === undefined || y === undefined ? undefined : x - y;
    }
    case 'timestamp': case 'timestamp_ntz': {
      const x = toMicros(a);
      const y = toMicros(b);
      return x === undefined || y === undefined ? undefined : x < y ? -1 : x > y ? 1 : 0;
    }
    case 'string': {
      const x = toText(a);
      const y = toText(b);
      return x === undefined || y === undefined ? undefined : compareCodePoints(x, y);
    }
    default: {
      const decimal = decimalOf(type);
      if (!decimal) return undefined;
      const x = toScaledBigInt(a, decimal.scale);
      const y = toScaledBigInt(b, decimal.scale);
      return x === undefined || y === undefined ? undefined : x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

function compareNumbers(x: number | undefined, y: number | undefined): number | undefined {
  if (x === undefined || y === undefined || Number.isNaN(x) || Number.isNaN(y)) return undefined;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '') {
    const n = v === 'NaN' ? Number.NaN : Number(v);
    return Number.isNaN(n) && v !== 'NaN' ? undefined : n;
  }
  return undefined;
}

export function toBigInt(v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return BigInt(v.trim());
  return undefined;
}

export function toText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

export function toBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
}

export function toDays(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  return typeof v === 'string' ? parseDateDays(v.slice(0, 10)) : undefined;
}

export function toMicros(v: unknown): bigint | undefined {
  if (typeof v === 'bigint') return v;
  return typeof v === 'string' ? parseTimestampMicros(v) : undefined;
}

export function toScaledBigInt(v: unknown, scale: number): bigint | undefined {
  const text = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? String(v) : undefined;
  if (text === undefined) return undefined;
  try {
    return BigInt(toScaledDecimal(text, scale, () => new Error('not a decimal')).replace('.', ''));
  } catch {
    return undefined;
  }
}

/** Compare by code points (UTF-8 byte order), as Parquet stats and Delta order strings. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
