/**
 * Arrow columns to JS values, column-wise and recursive by the column's Delta type, at every
 * depth: a struct's fields are found by their physical names (or field ids) and come out under
 * their logical names (PROTOCOL.md "Column Mapping"), a list's or map's children are converted
 * once over the range the chunk's offsets cover, then cut per row. The one conversion behind
 * the CLI's JSON forms (jsonValues.ts) and the plain rows checkpoints are read as (arrowToPlain.ts).
 */
import { DataType as ArrowType, type Data, type Field, type Vector } from 'apache-arrow';
import { LakeError } from '../core/errors.ts';
import type { ArrayType, DataType, MapType, StructField, StructType } from '../core/delta/schemaTypes.ts';
import type { ColumnMappingMode } from '../core/delta/columnMapping.ts';
import { toTypeLabel } from '../core/delta/typeLabel.ts';
import { isValidAt, toLeafValues, type LeafForms, type Where } from './arrowLeaves.ts';

export type { Where };

export interface ValueForms extends LeafForms {
  /** Maps: a list of {key, value} (JSON), or an object keyed by the keys' text (plain). */
  map: 'entries' | 'object';
  /** How struct fields are found in the files. */
  columnMapping: ColumnMappingMode;
}

/** Every value of a vector (all its chunks), for Delta type `type`. */
export function toVectorValues(vector: Vector, type: DataType, forms: ValueForms, where: Where): unknown[] {
  if (vector.data.length === 1) return toValues(vector.data[0] as Data, type, forms, where);
  return vector.data.flatMap((data) => toValues(data, type, forms, where));
}

/** The values of one chunk (`data.length` of them). */
export function toValues(data: Data, type: DataType, forms: ValueForms, where: Where): unknown[] {
  const arrow = data.type as ArrowType;
  if (ArrowType.isNull(arrow)) return new Array<unknown>(data.length).fill(null);
  if (ArrowType.isDictionary(arrow)) return fromDictionary(data, type, forms, where);
  if (typeof type === 'string') return toLeafValues(data, type, forms, where);
  switch (type.type) {
    case 'struct': return fromStruct(data, type, forms, where);
    case 'array': return fromList(data, type, forms, where);
    case 'map': return fromMap(data, type, forms, where);
  }
}

function mismatch(data: Data, type: DataType, where: Where): LakeError {
  const at = where.source ? `${where.source}: ` : '';
  return new LakeError('Corrupt', `${at}column "${where.path}" holds ${String(data.type)} values, but the table's type is ${toTypeLabel(type)}`);
}

function fromStruct(data: Data, type: StructType, forms: ValueForms, where: Where): unknown[] {
  if (!ArrowType.isStruct(data.type as ArrowType)) throw mismatch(data, type, where);
  const children = (data.type as ArrowType & { children: Field[] }).children;
  const fields = type.fields.map((field) => {
    const index = findChild(children, field, forms.columnMapping);
    const child = index < 0 ? undefined : data.children[index];
    return { name: field.name, values: child ? toValues(child, field.type, forms, { ...where, path: `${where.path}.${field.name}` }) : undefined };
  });
  const out = new Array<unknown>(data.length);
  for (let i = 0; i < data.length; i++) {
    if (!isValidAt(data, i)) {
      out[i] = null;
      continue;
    }
    const value: Record<string, unknown> = {};
    for (const field of fields) value[field.name] = field.values ? (field.values[i] ?? null) : null;
    out[i] = value;
  }
  return out;
}

/**
 * A struct field in a file: by field id (id mode), else by physical name, else by logical
 * name (files written before column mapping was enabled, and tables without it).
 */
function findChild(children: Field[], field: StructField, mode: ColumnMappingMode): number {
  if (mode === 'id') {
    const id = field.metadata['delta.columnMapping.id'];
    const index = children.findIndex((c) => c.metadata.get('PARQUET:field_id') === String(id));
    if (index >= 0) return index;
  }
  if (mode !== 'none') {
    const physical = field.metadata['delta.columnMapping.physicalName'];
    const index = children.findIndex((c) => c.name === physical);
    if (index >= 0) return index;
  }
  return children.findIndex((c) => c.name === field.name);
}

function fromList(data: Data, type: ArrayType, forms: ValueForms, where: Where): unknown[] {
  const arrow = data.type as ArrowType;
  const child = data.children[0];
  const at = { ...where, path: `${where.path}.element` };
  if (ArrowType.isFixedSizeList(arrow) && child) {
    // Slicing a fixed-size list slices its child with it.
    const size = arrow.listSize;
    const values = toValues(child, type.elementType, forms, at);
    return perRow(data, (i) => values.slice(i * size, (i + 1) * size));
  }
  if (!(ArrowType.isList(arrow) || ArrowType.isLargeList(arrow)) || !child) throw mismatch(data, type, where);
  const { values, offsets, start } = childRange(data, child, (range) => toValues(range, type.elementType, forms, at));
  return perRow(data, (i) => values.slice(Number(offsets[i] ?? 0) - start, Number(offsets[i + 1] ?? 0) - start));
}

function fromMap(data: Data, type: MapType, forms: ValueForms, where: Where): unknown[] {
  const entries = data.children[0];
  if (!ArrowType.isMap(data.type as ArrowType) || !entries) throw mismatch(data, type, where);
  let keys: unknown[] = [];
  const { values, offsets, start } = childRange(data, entries, (range) => {
    const [keyData, valueData] = range.children;
    if (!keyData || !valueData) throw mismatch(data, type, where);
    keys = toValues(keyData, type.keyType, forms, { ...where, path: `${where.path}.key` });
    return toValues(valueData, type.valueType, forms, { ...where, path: `${where.path}.value` });
  });
  return perRow(data, (i) => {
    const from = Number(offsets[i] ?? 0) - start;
    const to = Number(offsets[i + 1] ?? 0) - start;
    if (forms.map === 'entries') {
      const list = new Array<unknown>(to - from);
      for (let e = from; e < to; e++) list[e - from] = { key: keys[e] ?? null, value: values[e] ?? null };
      return list;
    }
    const object: Record<string, unknown> = {};
    for (let e = from; e < to; e++) object[typeof keys[e] === 'string' ? (keys[e] as string) : String(keys[e])] = values[e] ?? null;
    return object;
  });
}

/**
 * The child rows a list or map chunk's offsets cover, converted once. Offsets are relative to
 * the chunk (slicing moves them) and point into the child, which is not sliced with the parent.
 */
function childRange(data: Data, child: Data, convert: (range: Data) => unknown[]): { values: unknown[]; offsets: ArrayLike<number | bigint>; start: number } {
  const offsets = data.valueOffsets as ArrayLike<number | bigint>;
  const start = Number(offsets[0] ?? 0);
  const end = Number(offsets[data.length] ?? 0);
  const values = end > start ? convert(start === 0 && end === child.length ? child : child.slice(start, end - start)) : [];
  return { values, offsets, start };
}

function perRow(data: Data, value: (i: number) => unknown): unknown[] {
  const out = new Array<unknown>(data.length);
  for (let i = 0; i < data.length; i++) out[i] = isValidAt(data, i) ? value(i) : null;
  return out;
}

function fromDictionary(data: Data, type: DataType, forms: ValueForms, where: Where): unknown[] {
  const dictionary = data.dictionary;
  if (!dictionary) throw mismatch(data, type, where);
  const values = toVectorValues(dictionary, type, forms, where);
  const indices = data.values as ArrayLike<number | bigint>;
  return perRow(data, (i) => values[Number(indices[i] ?? 0)] ?? null);
}
