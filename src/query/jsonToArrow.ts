/**
 * Rows (the CLI's JSON value forms, CSV text, or typed JS values) to an Arrow table with the
 * table's Delta types, built straight from buffers so longs, decimals and microsecond
 * timestamps stay exact. Structs, arrays and maps (as objects, arrays and [{key, value}], or
 * their JSON text) are built by nestedArrow.ts, at any depth.
 */
import {
  Binary, Bool, DateDay, Decimal, Field, Float32, Float64, Int8, Int16, Int32, Int64, List, Map_, RecordBatch, Schema, Struct, Table,
  TimestampMicrosecond, Utf8, makeData, makeVector, tableToIPC, type DataType as ArrowType, type Vector,
} from 'apache-arrow';
import { LakeError } from '../core/errors.ts';
import type { DataType } from '../core/delta/schemaTypes.ts';
import { decimalOf } from '../core/delta/schema.ts';
import { parseDateDays, parseTimestampMicros } from '../core/delta/civilTime.ts';
import { toScaledDecimal } from '../core/delta/partitionValues.ts';
import { parseNestedText, toListVector, toMapVector, toStructVector, type ColumnSpec } from './nestedArrow.ts';

export type { ColumnSpec };

/** Rows as an Arrow IPC stream, to hand to another thread (duckdb-wasm's) without Arrow objects. */
export function toArrowIpc(rows: readonly Record<string, unknown>[], columns: readonly ColumnSpec[]): Uint8Array {
  return tableToIPC(toArrowTable(rows, columns), 'stream');
}

export function toArrowTable(rows: readonly Record<string, unknown>[], columns: readonly ColumnSpec[]): Table {
  const vectors: Record<string, Vector> = {};
  const fields = columns.map((column) => {
    const vector = toVector(rows.map((row) => row[column.name]), column);
    vectors[column.name] = vector;
    const metadata = column.fieldId === undefined ? undefined : new Map([['PARQUET:field_id', String(column.fieldId)]]);
    return new Field(column.name, vector.type, column.nullable, metadata);
  });
  const schema = new Schema(fields);
  const chunks = Object.values(vectors).map((vector) => vector.data);
  // One batch of the columns' single chunks: what Table(schema, vectors) builds from them, without
  // its general redistribution of chunks, a third of writing a small file's rows (the simulator's).
  if (rows.length === 0 || chunks.some((data) => data.length !== 1)) return new Table(schema, vectors);
  return new Table(schema, new RecordBatch(schema, makeData({ type: new Struct(fields), length: rows.length, nullCount: 0, children: chunks.map((data) => data[0]!) })));
}

export function toArrowType(type: DataType, column: string): ArrowType {
  switch (type) {
    case 'string': return new Utf8();
    case 'long': return new Int64();
    case 'integer': return new Int32();
    case 'short': return new Int16();
    case 'byte': return new Int8();
    case 'float': return new Float32();
    case 'double': return new Float64();
    case 'boolean': return new Bool();
    case 'binary': return new Binary();
    case 'date': return new DateDay();
    case 'timestamp': return new TimestampMicrosecond('UTC');
    case 'timestamp_ntz': return new TimestampMicrosecond();
    default: {
      if (typeof type === 'object' && type.type === 'struct') {
        return new Struct(type.fields.map((f) => new Field(f.name, toArrowType(f.type, `${column}.${f.name}`), f.nullable)));
      }
      if (typeof type === 'object' && type.type === 'array') return new List(new Field('element', toArrowType(type.elementType, `${column}.element`), type.containsNull));
      if (typeof type === 'object' && type.type === 'map') {
        const entries = new Struct([new Field('key', toArrowType(type.keyType, `${column}.key`), false), new Field('value', toArrowType(type.valueType, `${column}.value`), type.valueContainsNull)]);
        return new Map_(new Field('entries', entries, false) as Field<Struct<{ key: ArrowType; value: ArrowType }>>);
      }
      const decimal = decimalOf(type);
      if (decimal) return new Decimal(decimal.scale, decimal.precision, 128);
      throw new LakeError('Unsupported', `column "${column}" has type ${String(type)}, which Lakelab cannot write`);
    }
  }
}

/** One column's values (any of the forms rows arrive in) as the Arrow vector a write lays out for `column`. */
export function toColumnVector(values: unknown[], column: ColumnSpec): Vector {
  return toVector(values, column);
}

function toVector(values: unknown[], column: ColumnSpec): Vector {
  if (typeof column.type === 'object') {
    switch (column.type.type) {
      case 'struct': return toStructVector(values, column, column.type, toVector);
      case 'array': return toListVector(values, column, column.type, toVector);
      case 'map': return toMapVector(values, column, column.type, toVector);
    }
  }
  const type = toArrowType(column.type, column.name);
  const length = values.length;
  const nullBitmap = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  const typed = values.map((value, i) => {
    const v = coerceValue(value, column.type, column.name);
    if (v === null) nullCount++;
    else nullBitmap[i >> 3] = (nullBitmap[i >> 3] ?? 0) | (1 << (i & 7));
    return v;
  });
  if (nullCount > 0 && !column.nullable) throw new LakeError('InvalidInput', `column "${column.name}" is not nullable, but ${nullCount} row(s) have no value`);
  const common = { type, length, nullCount, nullBitmap } as const;
  switch (column.type) {
    case 'string': return makeVector(makeData({ ...common, type: type as Utf8, ...toVariableWidth(typed as (string | null)[]) }));
    case 'binary': return makeVector(makeData({ ...common, type: type as Binary, ...toVariableWidth(typed as (Uint8Array | null)[]) }));
    case 'long': case 'timestamp': case 'timestamp_ntz':
      return makeVector(makeData({ ...common, type: type as Int64, data: BigInt64Array.from(typed, (v) => (v as bigint | null) ?? 0n) }));
    case 'integer': return makeVector(makeData({ ...common, type: type as Int32, data: Int32Array.from(typed, (v) => (v as number | null) ?? 0) }));
    case 'short': return makeVector(makeData({ ...common, type: type as Int16, data: Int16Array.from(typed, (v) => (v as number | null) ?? 0) }));
    case 'byte': return makeVector(makeData({ ...common, type: type as Int8, data: Int8Array.from(typed, (v) => (v as number | null) ?? 0) }));
    case 'float': return makeVector(makeData({ ...common, type: type as Float32, data: Float32Array.from(typed, (v) => (v as number | null) ?? 0) }));
    case 'double': return makeVector(makeData({ ...common, type: type as Float64, data: Float64Array.from(typed, (v) => (v as number | null) ?? 0) }));
    case 'date': return makeVector(makeData({ ...common, type: type as DateDay, data: Int32Array.from(typed, (v) => (v as number | null) ?? 0) }));
    case 'boolean': {
      const bits = new Uint8Array(Math.ceil(length / 8));
      typed.forEach((v, i) => { if (v === true) bits[i >> 3] = (bits[i >> 3] ?? 0) | (1 << (i & 7)); });
      return makeVector(makeData({ ...common, type: type as Bool, data: bits }));
    }
    default: {
      const words = new Uint32Array(length * 4);
      typed.forEach((v, i) => {
        let x = BigInt.asUintN(128, (v as bigint | null) ?? 0n);
        for (let w = 0; w < 4; w++) {
          words[i * 4 + w] = Number(x & 0xffffffffn);
          x >>= 32n;
        }
      });
      return makeVector(makeData({ ...common, type: type as Decimal, data: words }));
    }
  }
}

/** Strings (as UTF-8) or bytes laid end to end, with the offsets Arrow's Utf8 and Binary columns use. */
function toVariableWidth(values: readonly (string | Uint8Array | null)[]): { valueOffsets: Int32Array; data: Uint8Array } {
  const encoder = new TextEncoder();
  const valueOffsets = new Int32Array(values.length + 1);
  let data = new Uint8Array(Math.max(64, values.length * 16));
  let at = 0;
  values.forEach((value, i) => {
    if (value !== null) {
      const most = typeof value === 'string' ? value.length * 3 : value.length;
      if (at + most > data.length) {
        const grown = new Uint8Array(Math.max(data.length * 2, at + most));
        grown.set(data.subarray(0, at));
        data = grown;
      }
      if (typeof value === 'string') at += encoder.encodeInto(value, data.subarray(at)).written;
      else {
        data.set(value, at);
        at += value.length;
      }
    }
    valueOffsets[i + 1] = at;
  });
  return { valueOffsets, data: data.subarray(0, at) };
}

/** One value in any of the forms rows arrive in, as the JS value its Arrow column holds (a struct's fields stay as given). */
export function coerceValue(value: unknown, type: DataType, column: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof type === 'object') return parseNestedText(value, type.type, column);
  switch (type) {
    case 'string': return typeof value === 'string' ? value : String(value);
    case 'long': {
      if (typeof value === 'bigint') return value;
      if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
      if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return BigInt(value.trim());
      throw invalidValue(value, type, column);
    }
    case 'integer': case 'short': case 'byte': {
      const n = typeof value === 'string' ? Number(value.trim()) : Number(value);
      if (!Number.isInteger(n)) throw invalidValue(value, type, column);
      return n;
    }
    case 'float': case 'double': {
      if (typeof value === 'number') return value;
      const text = String(value).trim();
      const n = text === 'NaN' ? Number.NaN : Number(text);
      if (Number.isNaN(n) && text !== 'NaN') throw invalidValue(value, type, column);
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const text = String(value).trim().toLowerCase();
      if (text === 'true' || text === 'false') return text === 'true';
      throw invalidValue(value, type, column);
    }
    case 'binary': {
      if (value instanceof Uint8Array) return value;
      if (typeof value === 'string') return Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
      throw invalidValue(value, type, column);
    }
    case 'date': {
      if (typeof value === 'number') return value;
      const days = typeof value === 'string' ? parseDateDays(value) : undefined;
      if (days === undefined) throw invalidValue(value, type, column);
      return days;
    }
    case 'timestamp': case 'timestamp_ntz': {
      if (typeof value === 'bigint') return value;
      const micros = typeof value === 'string' ? parseTimestampMicros(value) : undefined;
      if (micros === undefined) throw invalidValue(value, type, column);
      return micros;
    }
    default: {
      const decimal = decimalOf(type);
      if (!decimal) throw invalidValue(value, type, column);
      return BigInt(toScaledDecimal(String(value), decimal.scale, () => invalidValue(value, type, column)).replace('.', ''));
    }
  }
}

/** Not a closure inside coerceValue: that runs for every value written, and a closure per call costs more than the conversion. */
function invalidValue(value: unknown, type: DataType, column: string): LakeError {
  return new LakeError('InvalidInput', `column "${column}": ${JSON.stringify(typeof value === 'bigint' ? String(value) : value)} is not a valid ${typeof type === 'string' ? type : type.type}`);
}
