/**
 * Column mapping (PROTOCOL.md "Column Mapping"): in `name` and `id` modes the files, stats
 * and partition values use physical names; users see logical names. Nested fields carry
 * their own physical names and ids.
 */
import type { Metadata } from './actions.ts';
import type { DataType, StructField, StructType } from './schemaTypes.ts';

export type ColumnMappingMode = 'none' | 'name' | 'id';

export function toColumnMappingMode(metadata: Metadata): ColumnMappingMode {
  const mode = metadata.configuration['delta.columnMapping.mode'];
  return mode === 'name' || mode === 'id' ? mode : 'none';
}

export function physicalNameOf(field: StructField, mode: ColumnMappingMode): string {
  if (mode === 'none') return field.name;
  const physical = field.metadata['delta.columnMapping.physicalName'];
  return typeof physical === 'string' ? physical : field.name;
}

export function fieldIdOf(field: StructField): number | undefined {
  const id = field.metadata['delta.columnMapping.id'];
  return typeof id === 'number' ? id : undefined;
}

/** The schema as the data files see it: every field, at every depth, renamed to its physical name. */
export function toPhysicalSchema(schema: StructType, mode: ColumnMappingMode): StructType {
  if (mode === 'none') return schema;
  return toPhysicalType(schema, mode) as StructType;
}

function toPhysicalType(type: DataType, mode: ColumnMappingMode): DataType {
  if (typeof type === 'string') return type;
  switch (type.type) {
    case 'struct':
      return { type: 'struct', fields: type.fields.map((f) => ({ ...f, name: physicalNameOf(f, mode), type: toPhysicalType(f.type, mode) })) };
    case 'array':
      return { ...type, elementType: toPhysicalType(type.elementType, mode) };
    case 'map':
      return { ...type, keyType: toPhysicalType(type.keyType, mode), valueType: toPhysicalType(type.valueType, mode) };
  }
}

/**
 * The physical path ("col-1.col-7") of a logical dotted path ("address.city") through nested
 * structs, as stats key nested columns; undefined when the path names no field.
 */
export function toPhysicalPath(schema: StructType, logicalPath: string, mode: ColumnMappingMode): string | undefined {
  const direct = schema.fields.find((f) => f.name === logicalPath);
  if (direct) return physicalNameOf(direct, mode);
  const parts = logicalPath.split('.');
  const physical: string[] = [];
  let struct: StructType | undefined = schema;
  for (const part of parts) {
    const field: StructField | undefined = struct?.fields.find((f) => f.name === part);
    if (!field) return undefined;
    physical.push(physicalNameOf(field, mode));
    struct = typeof field.type === 'object' && field.type.type === 'struct' ? field.type : undefined;
  }
  return physical.join('.');
}
