/**
 * Arrow columns to plain JS values, column by column (much faster than row proxies):
 * structs -> objects, maps -> objects keyed by their string keys, lists -> arrays,
 * 64-bit integers -> numbers when safe (bigint otherwise), binary -> Uint8Array.
 */
import { DataType, makeVector, type Data, type Table, type Vector } from 'apache-arrow';

export function toPlainRows(table: Table): Record<string, unknown>[] {
  const columns = table.schema.fields.map((field) => {
    const vector = table.getChild(field.name);
    return { name: field.name, values: vector ? toPlainValues(vector) : [] };
  });
  const rows = new Array<Record<string, unknown>>(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    for (const column of columns) row[column.name] = column.values[i];
    rows[i] = row;
  }
  return rows;
}

export function toPlainValues(vector: Vector): unknown[] {
  const type = vector.type;
  const n = vector.length;
  const out = new Array<unknown>(n);
  if (DataType.isStruct(type)) {
    const children = type.children.map((field) => {
      const child = vector.getChild(field.name);
      return { name: field.name, values: child ? toPlainValues(child) : new Array<unknown>(n).fill(null) };
    });
    const valid = validityOf(vector);
    for (let i = 0; i < n; i++) {
      if (!valid(i)) {
        out[i] = null;
        continue;
      }
      const value: Record<string, unknown> = {};
      for (const child of children) value[child.name] = child.values[i];
      out[i] = value;
    }
    return out;
  }
  if (DataType.isUtf8(type)) return toStrings(vector);
  if (DataType.isInt(type) || (DataType.isFloat(type) && type.precision !== 0) || DataType.isBool(type)) return toScalars(vector);
  if (DataType.isMap(type) && vector.data.every((d) => d.offset === 0)) return toMaps(vector);
  if (DataType.isMap(type)) {
    for (let i = 0; i < n; i++) {
      const entries = vector.get(i) as Iterable<[unknown, unknown]> | null;
      if (entries === null) {
        out[i] = null;
        continue;
      }
      const value: Record<string, unknown> = {};
      for (const [k, v] of entries) value[String(k)] = toPlainScalar(v);
      out[i] = value;
    }
    return out;
  }
  if (DataType.isList(type) || DataType.isFixedSizeList(type)) {
    for (let i = 0; i < n; i++) {
      const items = vector.get(i) as Vector | null;
      out[i] = items === null ? null : toPlainValues(items);
    }
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = toPlainScalar(vector.get(i));
  return out;
}

function toPlainScalar(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
  }
  return value ?? null;
}

const decoder = new TextDecoder();

/** Strings by chunk: one decode per chunk when it is ASCII (byte offsets are then character offsets). */
function toStrings(vector: Vector): unknown[] {
  const out: unknown[] = [];
  for (const data of vector.data) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = data.values as Uint8Array;
    const start = offsets[data.offset] ?? 0;
    const end = offsets[data.offset + data.length] ?? 0;
    const slice = bytes.subarray(start, end);
    const ascii = isAscii(slice);
    const text = ascii ? decoder.decode(slice) : '';
    for (let i = 0; i < data.length; i++) {
      if (!isValid(data, i)) {
        out.push(null);
        continue;
      }
      const from = (offsets[data.offset + i] ?? 0) - start;
      const to = (offsets[data.offset + i + 1] ?? 0) - start;
      out.push(ascii ? text.slice(from, to) : decoder.decode(slice.subarray(from, to)));
    }
  }
  return out;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) > 0x7f) return false;
  return true;
}

function isValid(data: Data, i: number): boolean {
  if (data.nullCount === 0 || !data.nullBitmap || data.nullBitmap.length === 0) return true;
  const bit = data.offset + i;
  return ((data.nullBitmap[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
}

/** Maps by chunk: the entries' keys and values converted column-wise, then grouped by offsets. */
function toMaps(vector: Vector): unknown[] {
  const out: unknown[] = [];
  for (const data of vector.data) {
    const offsets = data.valueOffsets as Int32Array;
    const entries = data.children[0];
    const keyData = entries?.children[0];
    const valueData = entries?.children[1];
    const keys = keyData ? toPlainValues(makeVector(keyData)) : [];
    const values = valueData ? toPlainValues(makeVector(valueData)) : [];
    for (let i = 0; i < data.length; i++) {
      if (!isValid(data, i)) {
        out.push(null);
        continue;
      }
      const map: Record<string, unknown> = {};
      for (let e = offsets[i] ?? 0; e < (offsets[i + 1] ?? 0); e++) map[String(keys[e])] = values[e] ?? null;
      out.push(map);
    }
  }
  return out;
}

/** Numbers and booleans straight from their buffers. */
function toScalars(vector: Vector): unknown[] {
  const out: unknown[] = [];
  const isBool = DataType.isBool(vector.type);
  for (const data of vector.data) {
    const values = data.values as ArrayLike<number | bigint> & { [i: number]: number | bigint };
    for (let i = 0; i < data.length; i++) {
      if (!isValid(data, i)) {
        out.push(null);
      } else if (isBool) {
        const bit = data.offset + i;
        out.push((((values[bit >> 3] as number) ?? 0) & (1 << (bit & 7))) !== 0);
      } else {
        out.push(toPlainScalar(values[data.offset + i]));
      }
    }
  }
  return out;
}

/** Row validity across a vector's chunks, without a per-row chunk search. */
function validityOf(vector: Vector): (i: number) => boolean {
  if (vector.nullCount === 0) return () => true;
  const flags = new Uint8Array(vector.length);
  let at = 0;
  for (const data of vector.data) for (let i = 0; i < data.length; i++) flags[at++] = isValid(data, i) ? 1 : 0;
  return (i) => flags[i] === 1;
}
