/**
 * Arrow columns to plain JS values, column by column (much faster than row proxies):
 * structs -> objects, maps -> objects keyed by their string keys, lists -> arrays,
 * 64-bit integers -> numbers when safe (bigint otherwise), binary -> Uint8Array.
 */
import { DataType, type Table, type Vector } from 'apache-arrow';

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
    for (let i = 0; i < n; i++) {
      if (!vector.isValid(i)) {
        out[i] = null;
        continue;
      }
      const value: Record<string, unknown> = {};
      for (const child of children) value[child.name] = child.values[i];
      out[i] = value;
    }
    return out;
  }
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
