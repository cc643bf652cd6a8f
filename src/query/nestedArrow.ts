/**
 * Nested values (the CLI's JSON forms, or plain objects) to Arrow struct, list and map
 * vectors; their leaves are built by the caller's `build` (jsonToArrow.ts), one child vector
 * per field, element or key and value, so every depth keeps the exact leaf encodings.
 */
import { Field, List, Map_, Struct, makeData, makeVector, type DataType as ArrowType, type Vector } from 'apache-arrow';
import { LakeError } from '../core/errors.ts';
import type { ArrayType, DataType, MapType, StructType } from '../core/delta/schemaTypes.ts';

export interface ColumnSpec {
  name: string;
  type: DataType;
  nullable: boolean;
  /** Written as the Parquet field id (column mapping's id mode). */
  fieldId?: number;
}

export type BuildVector = (values: unknown[], column: ColumnSpec) => Vector;

/** A value given as JSON text (a CSV cell, a form field) is parsed; other values stay as they are. */
export function parseNestedText(value: unknown, kind: string, column: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new LakeError('InvalidInput', `column "${column}": ${JSON.stringify(value)} is not a valid ${kind} (JSON text)`);
  }
}

function validity(values: readonly unknown[], column: ColumnSpec): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else nullBitmap[i >> 3] = (nullBitmap[i >> 3] ?? 0) | (1 << (i & 7));
  });
  if (nullCount > 0 && !column.nullable) throw new LakeError('InvalidInput', `column "${column.name}" is not nullable, but ${nullCount} row(s) have no value`);
  return { nullBitmap, nullCount };
}

/** A struct column: each field a child vector; a null struct makes its fields null in that row. */
export function toStructVector(values: unknown[], column: ColumnSpec, type: StructType, build: BuildVector): Vector {
  const objects = values.map((v) => {
    if (v === null || v === undefined) return null;
    const object = parseNestedText(v, 'struct', column.name);
    if (typeof object !== 'object' || object === null || Array.isArray(object)) {
      throw new LakeError('InvalidInput', `column "${column.name}": ${JSON.stringify(v)} is not a valid struct (an object or JSON object text)`);
    }
    return object as Record<string, unknown>;
  });
  const { nullBitmap, nullCount } = validity(objects, column);
  const children = type.fields.map((f) => {
    const name = `${column.name}.${f.name}`;
    const childValues = objects.map((o) => (o === null ? null : o[f.name] ?? null));
    if (!f.nullable && objects.some((o, i) => o !== null && childValues[i] === null)) {
      throw new LakeError('InvalidInput', `column "${name}" is not nullable, but some row(s) have no value`);
    }
    return build(childValues, { name, type: f.type, nullable: true });
  });
  const arrowType = new Struct(type.fields.map((f, i) => {
    const fieldId = f.metadata['delta.columnMapping.id'];
    return new Field(f.name, children[i]!.type, f.nullable, typeof fieldId === 'number' ? new Map([['PARQUET:field_id', String(fieldId)]]) : undefined);
  }));
  return makeVector(makeData({ type: arrowType, length: objects.length, nullCount, nullBitmap, children: children.map((c) => c.data[0]!) }));
}

/** An array column: JSON arrays (or their text); the elements of every row in one child vector. */
export function toListVector(values: unknown[], column: ColumnSpec, type: ArrayType, build: BuildVector): Vector {
  const lists = values.map((v) => {
    if (v === null || v === undefined) return null;
    const list = parseNestedText(v, 'array', column.name);
    if (!Array.isArray(list)) throw new LakeError('InvalidInput', `column "${column.name}": ${JSON.stringify(v)} is not a valid array`);
    return list as unknown[];
  });
  const { nullBitmap, nullCount } = validity(lists, column);
  const valueOffsets = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => (valueOffsets[i + 1] = (valueOffsets[i] ?? 0) + (l?.length ?? 0)));
  const elements = build(lists.flatMap((l) => l ?? []), { name: `${column.name}.element`, type: type.elementType, nullable: type.containsNull });
  const arrowType = new List(new Field('element', elements.type, type.containsNull));
  return makeVector(makeData({ type: arrowType, length: lists.length, nullCount, nullBitmap, valueOffsets, child: elements.data[0]! }));
}

/** A map column: lists of {key, value} (the JSON form), or objects keyed by the keys' text. */
export function toMapVector(values: unknown[], column: ColumnSpec, type: MapType, build: BuildVector): Vector {
  const maps = values.map((v) => {
    if (v === null || v === undefined) return null;
    const map = parseNestedText(v, 'map', column.name);
    if (Array.isArray(map)) return map.map((e) => toEntry(e, column.name));
    if (typeof map === 'object' && map !== null) return Object.entries(map).map(([key, value]) => ({ key, value }));
    throw new LakeError('InvalidInput', `column "${column.name}": ${JSON.stringify(v)} is not a valid map (a list of {key, value} or an object)`);
  });
  const { nullBitmap, nullCount } = validity(maps, column);
  const valueOffsets = new Int32Array(maps.length + 1);
  maps.forEach((m, i) => (valueOffsets[i + 1] = (valueOffsets[i] ?? 0) + (m?.length ?? 0)));
  const entries = maps.flatMap((m) => m ?? []);
  const keys = build(entries.map((e) => e.key), { name: `${column.name}.key`, type: type.keyType, nullable: false });
  const items = build(entries.map((e) => e.value), { name: `${column.name}.value`, type: type.valueType, nullable: type.valueContainsNull });
  const entryType = new Struct([new Field('key', keys.type, false), new Field('value', items.type, type.valueContainsNull)]);
  const entryData = makeData({ type: entryType, length: entries.length, nullCount: 0, children: [keys.data[0]!, items.data[0]!] });
  const arrowType = new Map_(new Field('entries', entryType, false) as Field<Struct<{ key: ArrowType; value: ArrowType }>>);
  return makeVector(makeData({ type: arrowType, length: maps.length, nullCount, nullBitmap, valueOffsets, child: entryData }));
}

function toEntry(entry: unknown, column: string): { key: unknown; value: unknown } {
  if (typeof entry !== 'object' || entry === null || !('key' in entry)) {
    throw new LakeError('InvalidInput', `column "${column}": map entry ${JSON.stringify(entry)} is not a {key, value} object`);
  }
  return { key: (entry as { key: unknown }).key, value: (entry as { value?: unknown }).value ?? null };
}
