/**
 * One Arrow chunk of primitive values to JS values, column-wise, by the column's Delta type.
 * Buffers are indexed the way apache-arrow's own getters index them: values and offsets from
 * the chunk's first row (slicing moves them), validity and boolean bits from `data.offset`.
 * Files written before a type widening (PROTOCOL.md "Type Widening") hold the narrower type:
 * integers read as long, double or decimal, float as double, date as timestamp_ntz, a decimal
 * at a greater precision and scale.
 */
import { DataType as ArrowType, makeVector, type Data } from 'apache-arrow';
import { LakeError } from '../core/errors.ts';
import type { PrimitiveType } from '../core/delta/schemaTypes.ts';
import { decimalOf } from '../core/delta/schema.ts';
import { formatDate, formatTimestampMicros } from '../core/delta/civilTime.ts';
import { toMicrosFromNanos } from './int96Timestamps.ts';

/** How leaves are rendered: the CLI's JSON forms, or the plain forms a ParquetCodec returns. */
export interface LeafForms {
  /** 64-bit integers past 2^53: their decimal text (JSON) or a bigint (plain). */
  bigLong: 'text' | 'bigint';
  /** NaN and infinities: as the strings "NaN", "Infinity", "-Infinity" (JSON) or as numbers. */
  nonFinite: 'text' | 'number';
  /** Binary: base64 text (JSON) or the bytes. */
  binary: 'base64' | 'bytes';
}

export interface Where {
  /** The column path, e.g. `a.b.element.key`, for error messages. */
  path: string;
  /** The data file (or other source) the values come from. */
  source?: string;
}

export function isValidAt(data: Data, i: number): boolean {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || !bitmap || bitmap.length === 0) return true;
  const bit = data.offset + i;
  return ((bitmap[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
}

export function toLeafValues(data: Data, type: PrimitiveType, forms: LeafForms, where: Where): unknown[] {
  const arrow = data.type as ArrowType;
  if (ArrowType.isNull(arrow)) return new Array<unknown>(data.length).fill(null);
  if (ArrowType.isInt(arrow)) return fromIntegers(data, type, forms, where);
  if (ArrowType.isFloat(arrow) && arrow.precision !== 0) return fromFloats(data, type, forms, where);
  if (ArrowType.isDecimal(arrow)) return fromDecimals(data, arrow.scale, (arrow as { bitWidth?: number }).bitWidth ?? 128, type, where);
  if (ArrowType.isBool(arrow)) {
    if (type !== 'boolean') throw mismatch(data, type, where);
    return each(data, (i) => ((data.values[(data.offset + i) >> 3] ?? 0) & (1 << ((data.offset + i) & 7))) !== 0);
  }
  if (ArrowType.isUtf8(arrow) || ArrowType.isLargeUtf8(arrow)) {
    if (type !== 'string') throw mismatch(data, type, where);
    return fromStrings(data);
  }
  if (ArrowType.isBinary(arrow) || ArrowType.isLargeBinary(arrow) || ArrowType.isFixedSizeBinary(arrow)) {
    // Some writers store strings as BYTE_ARRAY without the UTF8 annotation: text all the same.
    if (type === 'string' && !ArrowType.isFixedSizeBinary(arrow)) return fromStrings(data);
    if (type !== 'binary') throw mismatch(data, type, where);
    return fromBinary(data, forms);
  }
  if (ArrowType.isDate(arrow)) return fromDates(data, type, where);
  if (ArrowType.isTimestamp(arrow)) return fromTimestamps(data, arrow.unit, type, where);
  // Rare forms (half floats, string views, times, intervals from SQL): apache-arrow's own getter.
  const vector = makeVector(data);
  return each(data, (i) => toPlainValue(vector.get(i), forms));
}

function toPlainValue(value: unknown, forms: LeafForms): unknown {
  if (typeof value === 'bigint') return value > maxSafe || value < -maxSafe ? (forms.bigLong === 'text' ? value.toString() : value) : Number(value);
  if (value instanceof Uint8Array) return forms.binary === 'base64' ? toBase64(value) : value;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || value === null || value === undefined) return value ?? null;
  return String(value);
}

function each(data: Data, value: (i: number) => unknown): unknown[] {
  const out = new Array<unknown>(data.length);
  for (let i = 0; i < data.length; i++) out[i] = isValidAt(data, i) ? value(i) : null;
  return out;
}

function mismatch(data: Data, type: PrimitiveType, where: Where): LakeError {
  const at = where.source ? `${where.source}: ` : '';
  return new LakeError('Corrupt', `${at}column "${where.path}" holds ${String(data.type)} values, but the table's type is ${type}`);
}

function fromIntegers(data: Data, type: PrimitiveType, forms: LeafForms, where: Where): unknown[] {
  const values = data.values as ArrayLike<number | bigint>;
  const decimal = decimalOf(type);
  if (decimal) return each(data, (i) => formatDecimal(BigInt(values[i] ?? 0), 0, decimal.scale));
  if (type === 'string' || type === 'binary' || type === 'boolean' || type === 'date' || type === 'timestamp' || type === 'timestamp_ntz') {
    throw mismatch(data, type, where);
  }
  const toDouble = type === 'double' || type === 'float';
  return each(data, (i) => {
    const v = values[i] ?? 0;
    if (typeof v === 'number') return v;
    if (toDouble) return Number(v);
    return v > maxSafe || v < -maxSafe ? (forms.bigLong === 'text' ? v.toString() : v) : Number(v);
  });
}

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);

function fromFloats(data: Data, type: PrimitiveType, forms: LeafForms, where: Where): unknown[] {
  if (type !== 'float' && type !== 'double') throw mismatch(data, type, where);
  const values = data.values as Float32Array | Float64Array;
  return each(data, (i) => {
    const v = values[i] ?? 0;
    if (forms.nonFinite === 'number' || Number.isFinite(v)) return v;
    return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  });
}

function fromDecimals(data: Data, fileScale: number, bitWidth: number, type: PrimitiveType, where: Where): unknown[] {
  const decimal = decimalOf(type);
  if (!decimal) throw mismatch(data, type, where);
  const words = data.values as Uint32Array;
  const width = bitWidth / 32;
  return each(data, (i) => {
    let value = 0n;
    for (let w = width - 1; w >= 0; w--) value = (value << 32n) | BigInt(words[i * width + w] ?? 0);
    return formatDecimal(BigInt.asIntN(bitWidth, value), fileScale, decimal.scale);
  });
}

/** An unscaled decimal at `fileScale` as exact text at the table's `scale` ("12.30"). */
export function formatDecimal(unscaled: bigint, fileScale: number, scale: number): string {
  let value = unscaled;
  if (scale > fileScale) value *= 10n ** BigInt(scale - fileScale);
  else if (scale < fileScale) value /= 10n ** BigInt(fileScale - scale);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}

const decoder = new TextDecoder();

/** Strings: one decode per chunk when its bytes are ASCII (byte offsets are then character offsets). */
function fromStrings(data: Data): unknown[] {
  const offsets = data.valueOffsets as ArrayLike<number | bigint>;
  const bytes = data.values as Uint8Array;
  const start = Number(offsets[0] ?? 0);
  const slice = bytes.subarray(start, Number(offsets[data.length] ?? 0));
  let ascii = true;
  for (let i = 0; i < slice.length; i++) if ((slice[i] ?? 0) > 0x7f) { ascii = false; break; }
  const text = ascii ? decoder.decode(slice) : '';
  return each(data, (i) => {
    const from = Number(offsets[i] ?? 0) - start;
    const to = Number(offsets[i + 1] ?? 0) - start;
    return ascii ? text.slice(from, to) : decoder.decode(slice.subarray(from, to));
  });
}

function fromBinary(data: Data, forms: LeafForms): unknown[] {
  const bytes = data.values as Uint8Array;
  const arrow = data.type as ArrowType;
  const fixed = ArrowType.isFixedSizeBinary(arrow) ? arrow.byteWidth : undefined;
  const offsets = data.valueOffsets as ArrayLike<number | bigint>;
  return each(data, (i) => {
    const value = fixed === undefined ? bytes.subarray(Number(offsets[i] ?? 0), Number(offsets[i + 1] ?? 0)) : bytes.subarray(i * fixed, (i + 1) * fixed);
    return forms.binary === 'base64' ? toBase64(value) : value.slice();
  });
}

function fromDates(data: Data, type: PrimitiveType, where: Where): unknown[] {
  if (type !== 'date' && type !== 'timestamp_ntz' && type !== 'timestamp') throw mismatch(data, type, where);
  const values = data.values as Int32Array | BigInt64Array;
  const days = (i: number): number => {
    const v = values[i] ?? 0;
    return typeof v === 'bigint' ? Math.floor(Number(v) / 86_400_000) : v;
  };
  if (type === 'date') return each(data, (i) => formatDate(days(i)));
  return each(data, (i) => formatTimestamp(BigInt(days(i)) * 86_400_000_000n, type));
}

function fromTimestamps(data: Data, unit: number, type: PrimitiveType, where: Where): unknown[] {
  if (type !== 'timestamp' && type !== 'timestamp_ntz') throw mismatch(data, type, where);
  const values = data.values as BigInt64Array;
  // Arrow TimeUnit: 0 second, 1 millisecond, 2 microsecond, 3 nanosecond (INT96).
  const toMicros = unit === 0 ? (v: bigint) => v * 1_000_000n : unit === 1 ? (v: bigint) => v * 1000n : unit === 2 ? (v: bigint) => v : toMicrosFromNanos;
  return each(data, (i) => formatTimestamp(toMicros(values[i] ?? 0n), type));
}

/** Microseconds since the epoch as the JSON text of a timestamp (UTC with "Z") or timestamp_ntz. */
export function formatTimestamp(micros: bigint, type: PrimitiveType): string {
  return formatTimestampMicros(micros) + (type === 'timestamp_ntz' ? '' : 'Z');
}

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += base64Alphabet[(n >> 18) & 63];
    out += base64Alphabet[(n >> 12) & 63];
    out += b === undefined ? '=' : base64Alphabet[(n >> 6) & 63];
    out += c === undefined ? '=' : base64Alphabet[n & 63];
  }
  return out;
}
