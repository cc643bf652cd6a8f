/**
 * A MERGE's source as columns: given as rows (the CLI's CSV, the page's form, the simulator's
 * writers) or as an Arrow table (a Parquet source), each column the merge reads becomes one
 * Arrow vector of the Delta type it is compared and written as (the target column it is joined
 * with, else the target's column of its name, else as its values suggest), converted once and
 * only when a join, condition or clause reads it.
 */
import type { Table, Vector } from 'apache-arrow';
import type { DataType } from '../core/delta/schemaTypes.ts';
import type { MergeJoin } from '../core/delta/operations/merge.ts';
import type { ColumnMappingMode } from '../core/delta/columnMapping.ts';
import { toColumnVector } from './jsonToArrow.ts';
import { toDeltaType } from './arrowSchema.ts';
import { toJsonValues, type JsonValue } from './jsonValues.ts';
import { toWriteData, type WriteColumn } from './writeColumns.ts';
import type { Slots } from './fileColumns.ts';
import { consecutiveRows } from './arrowInterleave.ts';

export type MergeSourceInput = readonly Record<string, unknown>[] | Table;

export interface MergeSource {
  length: number;
  /** The source's column names. */
  names: ReadonlySet<string>;
  /** The Delta type a source column is compared and read as. */
  typeOf(name: string): DataType;
  /** The column as that type; undefined when the source lacks it. */
  vector(name: string): Vector | undefined;
  /** The column in the write layout of target column `as`, one source row per row; undefined when the source lacks it. */
  slots(name: string, as: WriteColumn, mode: ColumnMappingMode): Slots | undefined;
  jsonAt(name: string, row: number): JsonValue | undefined;
}

export function isArrowSource(input: MergeSourceInput): input is Table {
  return !Array.isArray(input);
}

export function toMergeSource(input: MergeSourceInput, join: MergeJoin, types: ReadonlyMap<string, DataType>): MergeSource {
  const arrow = isArrowSource(input) ? input : undefined;
  const rows = isArrowSource(input) ? undefined : input;
  const names = new Set(arrow ? arrow.schema.fields.map((f) => f.name) : (rows ?? []).flatMap((row) => Object.keys(row)));
  const typeCache = new Map<string, DataType>();
  const vectors = new Map<string, Vector | undefined>();
  const json = new Map<string, JsonValue[]>();
  const typeOf = (name: string): DataType => {
    let type = typeCache.get(name);
    if (type === undefined) {
      const partner = join.keys.find((k) => k.source === name);
      type = types.get(partner?.target ?? name) ?? (arrow ? ownArrowType(arrow, name) : inferFromValues((rows ?? []).map((row) => row[name])));
      typeCache.set(name, type);
    }
    return type;
  };
  const vector = (name: string): Vector | undefined => {
    if (vectors.has(name)) return vectors.get(name);
    let out: Vector | undefined;
    if (names.has(name)) {
      const type = typeOf(name);
      const spec = { name, type, nullable: true };
      if (arrow) {
        const given = arrow.getChild(name) as Vector;
        out = typeEquals(toDeltaType(given.type), type) ? given : toColumnVector(toJsonValues(given, toDeltaType(given.type), { path: name }), spec);
      } else {
        out = toColumnVector((rows ?? []).map((row) => row[name]), spec);
      }
    }
    vectors.set(name, out);
    return out;
  };
  const slotCache = new Map<string, Slots>();
  const toSlots = (name: string, v: Vector, as: WriteColumn, mode: ColumnMappingMode): Slots => {
    const data = toWriteData(v, typeOf(name), 'none', as, mode, `source column ${name}`);
    if (data.length === 1) return { sources: data, which: null, rows: consecutiveRows(0, v.length) };
    const which = new Uint16Array(v.length);
    const local = new Int32Array(v.length);
    let k = 0;
    data.forEach((d, c) => { for (let r = 0; r < d.length; r++, k++) { which[k] = c; local[k] = r; } });
    return { sources: data, which, rows: local };
  };
  return {
    length: arrow ? arrow.numRows : (rows ?? []).length,
    names,
    typeOf,
    vector,
    slots(name, as, mode) {
      const cacheKey = `${name}\u0000${as.name}`;
      const cached = slotCache.get(cacheKey);
      if (cached) return cached;
      const v = vector(name);
      if (!v) return undefined;
      const slots = toSlots(name, v, as, mode);
      slotCache.set(cacheKey, slots);
      return slots;
    },
    jsonAt(name, row) {
      let values = json.get(name);
      if (!values) {
        const v = vector(name);
        if (!v) return undefined;
        values = toJsonValues(v, typeOf(name), { path: name });
        json.set(name, values);
      }
      return values[row] ?? null;
    },
  };
}

function ownArrowType(table: Table, name: string): DataType {
  const field = table.schema.fields.find((f) => f.name === name);
  return field ? toDeltaType(field.type) : 'string';
}

function typeEquals(a: DataType, b: DataType): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : JSON.stringify(a) === JSON.stringify(b);
}

/** As the row matcher inferred them: booleans, exact integers, numbers, else text. */
function inferFromValues(all: unknown[]): DataType {
  const values = all.filter((v) => v !== null && v !== undefined);
  if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.length > 0 && values.every((v) => typeof v === 'bigint')) return 'long';
  if (values.length > 0 && values.every((v) => typeof v === 'number')) return 'double';
  return 'string';
}

