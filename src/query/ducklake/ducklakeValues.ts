/**
 * Arrow values to the JSON forms of Lakelab's scan (README "scan"), by the DuckLake type of the
 * field at the snapshot read: the leaves Delta has go through jsonValues.ts, a chunk at a time (numbers, decimals,
 * text, base64 binary, dates, timestamps), and the types only DuckLake has get their DuckDB text
 * (time "13:45:00.5", interval "1 day 02:00:00", uuid "f81d4fae-..."), JSON its value. A reader
 * is compiled once per file and column: where each nested field's data is was resolved by the
 * caller (field ids, a name mapping, or an inlined table's names), so rows cost no lookups.
 */
import { DataType as ArrowType, makeVector, type Data, type Vector } from 'apache-arrow';
import { LakeError } from '../../core/errors.ts';
import type { DucklakeField, DucklakeType } from '../../core/ducklake/columnTree.ts';
import type { DataType } from '../../core/delta/schemaTypes.ts';
import { toJsonValues, type JsonValue } from '../jsonValues.ts';

/** A field's value at a row of one Arrow chunk. */
export type ValueReader = (row: number) => JsonValue;

/** Where a field's children are in a chunk's children: the child index for each of the field's own children, or -1. */
export type ChildLocator = (data: Data, field: DucklakeField) => { index: number; locator: ChildLocator }[];

const deltaLeaf: Record<string, DataType> = {
  int8: 'byte', int16: 'short', int32: 'integer', int64: 'long', uint8: 'short', uint16: 'integer', uint32: 'long', uint64: 'long',
  int128: 'long', uint128: 'long', float32: 'float', float64: 'double', varchar: 'string', blob: 'binary', boolean: 'boolean',
  date: 'date', timestamp: 'timestamp_ntz', timestamp_s: 'timestamp_ntz', timestamp_ms: 'timestamp_ntz', timestamp_ns: 'timestamp_ntz',
  timestamptz: 'timestamp', geometry: 'binary',
};

/** The Delta type a DuckLake type reads as in JSON and in Arrow for SQL (types Delta lacks become strings). */
export function toDeltaType(type: DucklakeType): DataType {
  switch (type.kind) {
    case 'struct': return { type: 'struct', fields: type.fields.map((f) => ({ name: f.name, type: toDeltaType(f.type), nullable: f.nullable, metadata: {} })) };
    case 'list': return { type: 'array', elementType: toDeltaType(type.element.type), containsNull: true };
    case 'map': return { type: 'map', keyType: toDeltaType(type.key.type), valueType: toDeltaType(type.value.type), valueContainsNull: true };
    case 'primitive': {
      const decimal = /^decimal\((\d+),\s*(\d+)\)$/.exec(type.name);
      if (decimal) return `decimal(${Number(decimal[1])},${Number(decimal[2])})`;
      return deltaLeaf[type.name] ?? 'string';
    }
  }
}

export function compileReader(data: Data, field: DucklakeField, locate: ChildLocator, column: string): ValueReader {
  const valid = (row: number) => isValid(data, row);
  const type = field.type;
  if (type.kind === 'struct') {
    if (!ArrowType.isStruct(data.type)) throw mismatch(column, field, data);
    const found = new Map(locate(data, field).map((c, i) => [type.fields[i]?.id, c]));
    const children = type.fields.map((child) => {
      const at = found.get(child.id);
      const childData = at && at.index >= 0 ? data.children[at.index] : undefined;
      return { name: child.name, read: childData && at ? compileReader(childData, child, at.locator, `${column}.${child.name}`) : () => null };
    });
    return (row) => {
      if (!valid(row)) return null;
      const out: Record<string, JsonValue> = {};
      for (const child of children) out[child.name] = child.read(row);
      return out;
    };
  }
  if (type.kind === 'list' || type.kind === 'map') {
    const isList = type.kind === 'list';
    if (isList ? !(ArrowType.isList(data.type) || ArrowType.isFixedSizeList(data.type)) : !ArrowType.isMap(data.type)) throw mismatch(column, field, data);
    const child = data.children[0];
    if (!child) return () => null;
    const offsets = data.valueOffsets as Int32Array | undefined;
    const size = ArrowType.isFixedSizeList(data.type) ? data.type.listSize : 0;
    const range = (row: number): [number, number] => offsets ? [offsets[data.offset + row] ?? 0, offsets[data.offset + row + 1] ?? 0] : [(data.offset + row) * size, (data.offset + row + 1) * size];
    if (type.kind === 'list') {
      const [at] = locate(data, field);
      const element = compileReader(child, type.element, at?.locator ?? locate, `${column}[]`);
      return (row) => {
        if (!valid(row)) return null;
        const [from, to] = range(row);
        const items: JsonValue[] = new Array(to - from);
        for (let i = from; i < to; i++) items[i - from] = element(i);
        return items;
      };
    }
    const [keyAt, valueAt] = locate(child, { ...field, type: { kind: 'struct', fields: [type.key, type.value] } });
    const keyData = keyAt && keyAt.index >= 0 ? child.children[keyAt.index] : child.children[0];
    const valueData = valueAt && valueAt.index >= 0 ? child.children[valueAt.index] : child.children[1];
    const key = keyData ? compileReader(keyData, type.key, keyAt?.locator ?? locate, `${column}.key`) : () => null;
    const value = valueData ? compileReader(valueData, type.value, valueAt?.locator ?? locate, `${column}.value`) : () => null;
    return (row) => {
      if (!valid(row)) return null;
      const [from, to] = range(row);
      const entries: JsonValue[] = new Array(to - from);
      for (let i = from; i < to; i++) entries[i - from] = { key: key(i), value: value(i) };
      return entries;
    };
  }
  return compileLeaf(data, field, column);
}

function compileLeaf(data: Data, field: DucklakeField, column: string): ValueReader {
  const name = field.type.kind === 'primitive' ? field.type.name : 'unknown';
  const vector: Vector = makeVector(data);
  const arrow = data.type;
  if (name === 'variant') throw new LakeError('Unsupported', `column ${column} is a VARIANT; Lakelab does not read DuckLake variant columns yet`);
  if (name === 'uuid' && ArrowType.isFixedSizeBinary(arrow)) return (row) => (vector.isValid(row) ? toUuid(vector.get(row) as Uint8Array) : null);
  if ((name === 'time' || name === 'timetz') && ArrowType.isTime(arrow)) {
    const perSecond = [1, 1000, 1_000_000, 1_000_000_000][arrow.unit] ?? 1_000_000;
    return (row) => (vector.isValid(row) ? formatTime(BigInt(vector.get(row) as number | bigint), perSecond) : null);
  }
  if (name === 'interval') return (row) => (vector.isValid(row) ? formatInterval(vector.get(row), arrow) : null);
  if (name === 'json') {
    return (row) => {
      if (!vector.isValid(row)) return null;
      const text = String(vector.get(row));
      try { return JSON.parse(text) as JsonValue; } catch { return text; }
    };
  }
  const type = toDeltaType(field.type);
  if (typeof type === 'object') throw mismatch(column, field, data);
  if (ArrowType.isStruct(arrow) || ArrowType.isList(arrow) || ArrowType.isMap(arrow)) throw mismatch(column, field, data);
  // The chunk's values at once (jsonValues.ts converts column-wise), then looked up per row.
  const values = toJsonValues(vector, type, { path: column });
  return (row) => values[row] ?? null;
}

function isValid(data: Data, row: number): boolean {
  if (data.nullCount === 0 || !data.nullBitmap || data.nullBitmap.length === 0) return true;
  const bit = data.offset + row;
  return ((data.nullBitmap[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
}

function mismatch(column: string, field: DucklakeField, data: Data): LakeError {
  return new LakeError('Corrupt', `column ${column}: the catalog says ${field.type.kind === 'primitive' ? field.type.name : field.type.kind}, the file holds ${String(data.type)}`);
}

const hex = (bytes: Uint8Array, from: number, to: number) => Array.from(bytes.subarray(from, to), (b) => b.toString(16).padStart(2, '0')).join('');

function toUuid(bytes: Uint8Array): string {
  return `${hex(bytes, 0, 4)}-${hex(bytes, 4, 6)}-${hex(bytes, 6, 8)}-${hex(bytes, 8, 10)}-${hex(bytes, 10, 16)}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** DuckDB's TIME text: HH:MM:SS, then the fraction without trailing zeros. */
export function formatTime(value: bigint, perSecond: number): string {
  const micros = (value * 1_000_000n) / BigInt(perSecond);
  const seconds = Number(micros / 1_000_000n);
  const fraction = Number(micros % 1_000_000n);
  const text = `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  return fraction === 0 ? text : `${text}.${String(fraction).padStart(6, '0').replace(/0+$/, '')}`;
}

/** DuckDB's INTERVAL text: "1 year 2 months 3 days 04:05:06.5". */
function formatInterval(value: unknown, arrow: ArrowType): string {
  let months = 0;
  let days = 0;
  let micros = 0n;
  if (value instanceof Uint8Array && value.length === 12) {
    const view = new DataView(value.buffer, value.byteOffset, 12);
    months = view.getUint32(0, true);
    days = view.getUint32(4, true);
    micros = BigInt(view.getUint32(8, true)) * 1000n;
  } else if (value && typeof value === 'object' && 'length' in value) {
    const words = Array.from(value as ArrayLike<number>);
    if (ArrowType.isInterval(arrow) && words.length >= 4) {
      months = words[0] ?? 0;
      days = words[1] ?? 0;
      micros = (BigInt.asIntN(64, (BigInt(words[3] ?? 0) << 32n) | BigInt((words[2] ?? 0) >>> 0))) / 1000n;
    } else {
      months = (words[0] ?? 0) * 12 + (words[1] ?? 0);
    }
  }
  const parts: string[] = [];
  const unit = (n: number, word: string) => { if (n !== 0) parts.push(`${n} ${word}${Math.abs(n) === 1 ? '' : 's'}`); };
  unit(Math.trunc(months / 12), 'year');
  unit(months % 12, 'month');
  unit(days, 'day');
  if (micros !== 0n || parts.length === 0) {
    const negative = micros < 0n;
    const text = formatTime(negative ? -micros : micros, 1_000_000);
    parts.push(negative ? `-${text}` : text);
  }
  return parts.join(' ');
}
