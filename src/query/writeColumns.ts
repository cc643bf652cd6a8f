/**
 * The columns a write lays out, and any Arrow column brought to that layout: the exact Arrow
 * type, physical names and field ids the row writer (jsonToArrow.ts) would produce, so a
 * column rewritten buffer to buffer makes the same Parquet file. A column already in that
 * layout is relabelled (its buffers kept); another (a file Spark wrote with other Arrow types, a
 * source with text for numbers) goes through its values once, as the row writer would take them.
 */
import { DataType as ArrowType, type Data, type Field, type Vector } from 'apache-arrow';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import type { DataType } from '../core/delta/schemaTypes.ts';
import { fieldIdOf, physicalNameOf, toColumnMappingMode, type ColumnMappingMode } from '../core/delta/columnMapping.ts';
import { toColumnVector, type ColumnSpec } from './jsonToArrow.ts';
import { toPhysicalType, toPhysicalValue } from './physicalColumns.ts';
import { toJsonValues } from './jsonValues.ts';
import { countNulls } from './arrowInterleave.ts';

export interface WriteColumn {
  /** Logical name and type. */
  name: string;
  type: DataType;
  isPartition: boolean;
  /** Physical name, physical type, nullability and field id, as written. */
  spec: ColumnSpec;
  /** The Arrow type the row writer gives this column. */
  arrowType: ArrowType;
}

export function toWriteColumns(snapshot: DeltaSnapshot): WriteColumn[] {
  const mode = toColumnMappingMode(snapshot.metadata);
  const partitions = new Set(snapshot.metadata.partitionColumns);
  return snapshot.schema.fields.map((f) => {
    const spec: ColumnSpec = { name: physicalNameOf(f, mode), type: toPhysicalType(f.type, mode), nullable: f.nullable, fieldId: mode === 'none' ? undefined : fieldIdOf(f) };
    return { name: f.name, type: f.type, isPartition: partitions.has(f.name), spec, arrowType: toColumnVector([null], { ...spec, nullable: true }).type };
  });
}

/**
 * A vector as `column`'s write layout, one Data per chunk (rows stay where they are).
 * `ownType` is the Delta type the vector holds (how its values read); `readMode` how its
 * struct fields are named (a table file's physical names, or logical ones).
 */
export function toWriteData(vector: Vector, ownType: DataType, readMode: ColumnMappingMode, column: WriteColumn, mode: ColumnMappingMode, where: string): Data[] {
  if (vector.data.every((d) => isSameLayout(d.type as ArrowType, column.arrowType))) return vector.data.map((d) => relabel(d, column.arrowType));
  const values = toJsonValues(vector, ownType, { path: where }, readMode);
  const physical = mode === 'none' ? values : values.map((v) => toPhysicalValue(v, column.type, mode, column.name));
  return [toColumnVector(physical, { ...column.spec, nullable: true }).data[0] as Data];
}

/** One value (a literal, a partition value in JSON form) as a one-row Data of `column`'s layout. */
export function toConstantData(value: unknown, column: WriteColumn, mode: ColumnMappingMode): Data {
  const physical = mode === 'none' ? value : toPhysicalValue(value, column.type, mode, column.name);
  return toColumnVector([physical ?? null], { ...column.spec, nullable: true }).data[0] as Data;
}

/** Same buffers, read the same way: type ids, widths, units, scales and struct fields by name and order. */
function isSameLayout(a: ArrowType, b: ArrowType): boolean {
  if (a.typeId !== b.typeId) return false;
  if (ArrowType.isInt(a) && ArrowType.isInt(b)) return a.bitWidth === b.bitWidth && a.isSigned === b.isSigned;
  if (ArrowType.isFloat(a) && ArrowType.isFloat(b)) return a.precision === b.precision;
  if (ArrowType.isDate(a) && ArrowType.isDate(b)) return a.unit === b.unit;
  if (ArrowType.isTimestamp(a) && ArrowType.isTimestamp(b)) return a.unit === b.unit && !a.timezone === !b.timezone;
  if (ArrowType.isDecimal(a) && ArrowType.isDecimal(b)) return a.scale === b.scale && a.precision === b.precision && a.bitWidth === b.bitWidth;
  if (ArrowType.isStruct(a) && ArrowType.isStruct(b)) {
    return a.children.length === b.children.length && a.children.every((f, i) => {
      const g = b.children[i] as Field;
      return f.name === g.name && isSameLayout(f.type, g.type);
    });
  }
  return ArrowType.isUtf8(a) || ArrowType.isBinary(a) || ArrowType.isBool(a);
}

function relabel(data: Data, type: ArrowType): Data {
  if (data.type === type) return data;
  const children = ArrowType.isStruct(type) ? type.children.map((f, i) => relabel(data.children[i] as Data, f.type)) : data.children;
  return data.clone(type, data.offset, data.length, countNulls(data), data.buffers, children);
}
