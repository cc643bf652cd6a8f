/**
 * Arrow values to the CLI's JSON form, by the column's Delta type: exact integers, decimals as
 * strings with their scale, binary as base64, dates and timestamps as text (UTC with "Z";
 * timestamp_ntz without), structs as objects, arrays as arrays, maps as [{key, value}].
 */
import { DataType as ArrowType, makeVector, type Vector } from 'apache-arrow';
import type { DataType, StructType } from '../core/delta/schemaTypes.ts';
import { formatDate, formatTimestampMicros } from '../core/delta/civilTime.ts';
import { decimalOf } from '../core/delta/schema.ts';
import { toMicrosFromNanos } from './int96Timestamps.ts';
import type { ScanBatch } from './scanBatch.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);

export function toJsonRows(batch: ScanBatch): Record<string, JsonValue>[] {
  const rows = new Array<Record<string, JsonValue>>(batch.selection.length);
  for (let r = 0; r < batch.selection.length; r++) rows[r] = {};
  batch.columns.forEach((column, c) => {
    const source = batch.sources[c];
    const name = column.logicalName;
    if (!source || source.kind === 'null' || source.kind === 'constant') {
      const value = source?.kind === 'constant' ? toJsonScalar(source.value, column.type) : null;
      for (const row of rows) row[name] = value;
      return;
    }
    forEachSelected(source.vector, batch.selection, (chunk, index, r) => {
      (rows[r] as Record<string, JsonValue>)[name] = toJsonValue(chunk, index, column.type);
    });
  });
  return rows;
}

/**
 * Visits the selected positions (ascending) chunk by chunk: a value looked up in a vector of
 * many chunks costs a search for its chunk, and a file's columns come in many.
 */
function forEachSelected(vector: Vector, selection: Uint32Array, visit: (chunk: Vector, index: number, r: number) => void): void {
  const chunks = vector.data.length === 1 ? [vector] : vector.data.map((data) => makeVector(data));
  let chunk = 0;
  let start = 0;
  for (let r = 0; r < selection.length; r++) {
    const position = selection[r] as number;
    while (chunk < chunks.length - 1 && position >= start + (chunks[chunk] as Vector).length) start += (chunks[chunk++] as Vector).length;
    visit(chunks[chunk] as Vector, position - start, r);
  }
}

/** The value at `index` of an Arrow vector, as JSON for Delta type `type`. */
export function toJsonValue(vector: Vector, index: number, type: DataType): JsonValue {
  if (!vector.isValid(index)) return null;
  const arrowType = vector.type;
  if (typeof type === 'object') {
    if (type.type === 'struct') return toJsonStruct(vector, index, type);
    if (type.type === 'array') {
      const items = vector.get(index) as Vector;
      return Array.from({ length: items.length }, (_, i) => toJsonValue(items, i, type.elementType));
    }
    const entries = vector.get(index) as Iterable<[unknown, unknown]>;
    return [...entries].map(([key, value]) => ({ key: toJsonScalar(key, type.keyType), value: toJsonScalar(value, type.valueType) }));
  }
  if (ArrowType.isTimestamp(arrowType)) return formatTimestamp(rawInt64(vector, index), arrowType.unit, type);
  if (ArrowType.isDecimal(arrowType)) return formatDecimal(rawDecimal(vector, index), arrowType.scale, decimalOf(type)?.scale ?? arrowType.scale);
  if (ArrowType.isDate(arrowType)) {
    const raw = vector.get(index) as number | Date;
    const ms = raw instanceof Date ? raw.getTime() : raw;
    return formatDate(Math.floor(ms / 86_400_000));
  }
  return toJsonScalar(vector.get(index), type);
}

function toJsonStruct(vector: Vector, index: number, type: StructType): JsonValue {
  const out: Record<string, JsonValue> = {};
  for (const field of type.fields) {
    const physical = field.metadata['delta.columnMapping.physicalName'];
    const child = vector.getChild(field.name) ?? (typeof physical === 'string' ? vector.getChild(physical) : null);
    out[field.name] = child ? toJsonValue(child, index, field.type) : null;
  }
  return out;
}

/** Plain JS values (from partition values, map entries) as JSON for `type`. */
export function toJsonScalar(value: unknown, type: DataType): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    if (type === 'timestamp' || type === 'timestamp_ntz') return formatTimestampText(value, type);
    return value > maxSafe || value < -maxSafe ? value.toString() : Number(value);
  }
  if (typeof value === 'number') {
    if (type === 'date') return formatDate(value);
    if (Number.isNaN(value)) return 'NaN';
    if (value === Number.POSITIVE_INFINITY) return 'Infinity';
    if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
    return value;
  }
  if (value instanceof Uint8Array) return toBase64(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return formatTimestampText(BigInt(value.getTime()) * 1000n, type);
  return String(value);
}

function formatTimestamp(raw: bigint, unit: number, type: DataType): string {
  // Arrow TimeUnit: 0 second, 1 millisecond, 2 microsecond, 3 nanosecond.
  const micros = unit === 0 ? raw * 1_000_000n : unit === 1 ? raw * 1000n : unit === 2 ? raw : toMicrosFromNanos(raw);
  return formatTimestampText(micros, type);
}

function formatTimestampText(micros: bigint, type: DataType): string {
  return formatTimestampMicros(micros) + (type === 'timestamp_ntz' ? '' : 'Z');
}

function rawInt64(vector: Vector, index: number): bigint {
  const { data, at } = locate(vector, index);
  const values = data.values as BigInt64Array | Int32Array;
  if (values instanceof BigInt64Array) return values[at] ?? 0n;
  return BigInt.asIntN(64, (BigInt(values[at * 2 + 1] ?? 0) << 32n) | BigInt((values[at * 2] ?? 0) >>> 0));
}

function rawDecimal(vector: Vector, index: number): bigint {
  const { data, at } = locate(vector, index);
  const words = data.values as Uint32Array;
  const width = (data.type as { bitWidth?: number }).bitWidth === 256 ? 8 : 4;
  let value = 0n;
  for (let w = width - 1; w >= 0; w--) value = (value << 32n) | BigInt(words[at * width + w] ?? 0);
  return BigInt.asIntN(width * 32, value);
}

function locate(vector: Vector, index: number): { data: Vector['data'][number]; at: number } {
  let rest = index;
  for (const data of vector.data) {
    if (rest < data.length) return { data, at: data.offset + rest };
    rest -= data.length;
  }
  throw new RangeError(`row ${index} is outside the vector`);
}

function formatDecimal(unscaled: bigint, fileScale: number, scale: number): string {
  let value = unscaled;
  if (scale > fileScale) value *= 10n ** BigInt(scale - fileScale);
  else if (scale < fileScale) value /= 10n ** BigInt(fileScale - scale);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
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
