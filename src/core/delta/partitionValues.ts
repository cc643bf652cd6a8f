/**
 * Partition values are strings in the log (PROTOCOL.md "Partition Value Serialization");
 * readers type them by the column's type. See TypedValue in scanPlan.ts for the JS forms.
 */
import { LakeError } from '../errors.ts';
import type { TypedValue } from './scanPlan.ts';
import type { DataType } from './schemaTypes.ts';
import { decimalOf } from './schema.ts';
import { formatDate, formatTimestampMicros, parseDateDays, parseTimestampMicros } from './civilTime.ts';

export function toTypedPartitionValue(text: string | null | undefined, type: DataType, column: string): TypedValue {
  if (text === null || text === undefined) return null;
  const fail = () => new LakeError('Corrupt', `partition value ${JSON.stringify(text)} of column "${column}" is not a valid ${typeof type === 'string' ? type : type.type}`);
  if (typeof type !== 'string') throw new LakeError('Unsupported', `partition column "${column}" has a nested type`);
  // An empty string is null for every type but string (Spark writes it for null).
  if (text === '' && type !== 'string') return null;
  switch (type) {
    case 'string':
      return text;
    case 'byte': case 'short': case 'integer': {
      const n = Number(text);
      if (!Number.isInteger(n)) throw fail();
      return n;
    }
    case 'long':
      if (!/^-?\d+$/.test(text.trim())) throw fail();
      return BigInt(text.trim());
    case 'float': case 'double': {
      const n = text === 'NaN' ? Number.NaN : Number(text);
      if (Number.isNaN(n) && text !== 'NaN') throw fail();
      return n;
    }
    case 'boolean':
      if (text === 'true' || text === 'false') return text === 'true';
      throw fail();
    case 'date': {
      const days = parseDateDays(text);
      if (days === undefined) throw fail();
      return days;
    }
    case 'timestamp': case 'timestamp_ntz': {
      const micros = parseTimestampMicros(text);
      if (micros === undefined) throw fail();
      return micros;
    }
    case 'binary':
      return toBinary(text);
    default: {
      const decimal = decimalOf(type);
      if (!decimal) throw fail();
      return toScaledDecimal(text, decimal.scale, fail);
    }
  }
}

/** The string a writer puts in `partitionValues` for a typed value. */
export function toPartitionString(value: TypedValue, type: DataType): string | null {
  if (value === null) return null;
  if (type === 'date' && typeof value === 'number') return formatDate(value);
  if ((type === 'timestamp' || type === 'timestamp_ntz') && typeof value === 'bigint') {
    return formatTimestampMicros(value).replace('T', ' ');
  }
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return String(value);
}

/** Binary partition values are the UTF-8 text of the bytes, as Spark writes them (DAT multi_partitioned). */
function toBinary(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function toScaledDecimal(text: string, scale: number, fail: () => Error): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw fail();
  const sign = m[1] === '-' ? '-' : '';
  let digits = (m[2] ?? '') + (m[3] ?? '');
  let point = (m[2] ?? '').length + Number(m[4] ?? 0);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  digits = digits.padEnd(point + scale, '0');
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fraction = digits.slice(point, point + scale);
  if (/[1-9]/.test(digits.slice(point + scale))) throw fail();
  const isZero = !/[1-9]/.test(integer + fraction);
  return `${isZero ? '' : sign}${integer}${scale > 0 ? `.${fraction}` : ''}`;
}
