/** Arrow types to Delta types (for files whose Delta schema is not at hand, like expected-result files). */
import { DataType as ArrowType, type Field } from 'apache-arrow';
import type { DataType, StructType } from '../core/delta/schemaTypes.ts';

export function toDeltaType(type: ArrowType): DataType {
  if (ArrowType.isInt(type)) return type.bitWidth === 64 ? 'long' : type.bitWidth === 32 ? 'integer' : type.bitWidth === 16 ? 'short' : 'byte';
  if (ArrowType.isFloat(type)) return type.precision === 0 || type.precision === 1 ? 'float' : 'double';
  if (ArrowType.isBool(type)) return 'boolean';
  if (ArrowType.isUtf8(type) || ArrowType.isLargeUtf8(type)) return 'string';
  if (ArrowType.isBinary(type) || ArrowType.isLargeBinary(type) || ArrowType.isFixedSizeBinary(type)) return 'binary';
  if (ArrowType.isDate(type)) return 'date';
  if (ArrowType.isTimestamp(type)) return type.timezone ? 'timestamp' : 'timestamp_ntz';
  if (ArrowType.isDecimal(type)) return `decimal(${type.precision},${type.scale})`;
  if (ArrowType.isStruct(type)) return toDeltaStruct(type.children);
  if (ArrowType.isList(type) || ArrowType.isFixedSizeList(type)) {
    const child = type.children[0];
    return { type: 'array', elementType: child ? toDeltaType(child.type) : 'string', containsNull: child?.nullable ?? true };
  }
  if (ArrowType.isMap(type)) {
    const entries = type.children[0]?.type as { children?: Field[] } | undefined;
    const [key, value] = entries?.children ?? [];
    return { type: 'map', keyType: key ? toDeltaType(key.type) : 'string', valueType: value ? toDeltaType(value.type) : 'string', valueContainsNull: value?.nullable ?? true };
  }
  return 'string';
}

export function toDeltaStruct(fields: Field[]): StructType {
  return { type: 'struct', fields: fields.map((f) => ({ name: f.name, type: toDeltaType(f.type), nullable: f.nullable, metadata: {} })) };
}
