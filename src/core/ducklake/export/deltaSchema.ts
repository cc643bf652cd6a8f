/**
 * A DuckLake table's columns at a snapshot as a Delta schema. With column mapping (reader 3)
 * every field, at every depth, carries its DuckLake column id as `delta.columnMapping.id` (the
 * Parquet field id DuckLake writes) and a physical name that never changes: the name the column
 * had when it was created, so a rename is a metaData action and no file is rewritten
 * (PROTOCOL.md "Column Mapping"). Without it (reader 1) names are the current ones.
 */
import { LakeError } from '../../errors.ts';
import type { DataType, StructField, StructType } from '../../delta/schemaTypes.ts';
import type { DucklakeCatalog } from '../catalog.ts';
import type { Id } from '../catalogRows.ts';
import type { DucklakeField, DucklakeType } from '../columnTree.ts';
import { toTypeLabel } from '../columnTree.ts';

const primitives: Record<string, DataType> = {
  int8: 'byte', int16: 'short', int32: 'integer', int64: 'long', float32: 'float', float64: 'double',
  varchar: 'string', json: 'string', blob: 'binary', boolean: 'boolean', date: 'date',
  timestamptz: 'timestamp', timestamp: 'timestamp_ntz',
};

export interface UnsupportedColumn { path: string; type: string }

/** The Delta type of a DuckLake type, or undefined when Delta has none (unsigned, hugeint, time, interval, uuid, ...). */
export function toDeltaType(type: DucklakeType, path: string, unsupported: UnsupportedColumn[]): DataType {
  switch (type.kind) {
    // DuckDB has no NOT NULL inside nested types, whatever nulls_allowed a child column row says.
    case 'struct': return { type: 'struct', fields: type.fields.map((f) => ({ ...toField(f, `${path}.${f.name}`, unsupported, undefined), nullable: true })) };
    case 'list': return { type: 'array', elementType: toDeltaType(type.element.type, `${path}[]`, unsupported), containsNull: true };
    case 'map': return { type: 'map', keyType: toDeltaType(type.key.type, `${path}.key`, unsupported), valueType: toDeltaType(type.value.type, `${path}.value`, unsupported), valueContainsNull: true };
    case 'primitive': {
      const decimal = /^decimal\((\d+),\s*(\d+)\)$/.exec(type.name);
      if (decimal && Number(decimal[1]) <= 38) return `decimal(${Number(decimal[1])},${Number(decimal[2])})`;
      const mapped = primitives[type.name];
      if (mapped) return mapped;
      unsupported.push({ path, type: toTypeLabel(type) });
      return 'string';
    }
  }
}

type PhysicalNames = ((id: Id) => string) | undefined;

function toField(field: DucklakeField, path: string, unsupported: UnsupportedColumn[], physical: PhysicalNames): StructField {
  const type = physical ? withMapping(toDeltaType(field.type, path, unsupported), field.type, physical) : toDeltaType(field.type, path, unsupported);
  return {
    name: field.name,
    type,
    nullable: field.nullable,
    metadata: physical ? { 'delta.columnMapping.id': field.id, 'delta.columnMapping.physicalName': physical(field.id) } : {},
  };
}

/** Struct fields nested anywhere get their ids and physical names too. */
function withMapping(type: DataType, source: DucklakeType, physical: (id: Id) => string): DataType {
  if (typeof type === 'string') return type;
  if (type.type === 'struct' && source.kind === 'struct') {
    return { type: 'struct', fields: type.fields.map((f, i) => {
      const from = source.fields[i]!;
      return { ...f, nullable: true, type: withMapping(f.type, from.type, physical), metadata: { 'delta.columnMapping.id': from.id, 'delta.columnMapping.physicalName': physical(from.id) } };
    }) };
  }
  if (type.type === 'array' && source.kind === 'list') return { ...type, elementType: withMapping(type.elementType, source.element.type, physical) };
  if (type.type === 'map' && source.kind === 'map') return { ...type, keyType: withMapping(type.keyType, source.key.type, physical), valueType: withMapping(type.valueType, source.value.type, physical) };
  return type;
}

/** Each column id's first name (its ducklake_column row with the earliest begin_snapshot): the physical name. */
export function toPhysicalNames(catalog: DucklakeCatalog, tableId: Id): (id: Id) => string {
  const first = new Map<Id, { begin: Id; name: string }>();
  for (const column of catalog.columns) {
    if (column.table_id !== tableId) continue;
    const seen = first.get(column.column_id);
    if (!seen || column.begin_snapshot < seen.begin) first.set(column.column_id, { begin: column.begin_snapshot, name: column.column_name });
  }
  return (id) => first.get(id)?.name ?? `col-${id}`;
}

export function toDeltaSchema(fields: readonly DucklakeField[], physical: PhysicalNames, tableName: string): StructType {
  const unsupported: UnsupportedColumn[] = [];
  const schema: StructType = { type: 'struct', fields: fields.map((f) => toField(f, f.name, unsupported, physical)) };
  if (unsupported.length > 0) {
    const list = unsupported.map((c) => `${c.path} (${c.type})`).join(', ');
    throw new LakeError('Unsupported', `${tableName} cannot be exported to Delta: Delta has no type for ${list}`);
  }
  return schema;
}

/** The largest column id a table ever used: delta.columnMapping.maxColumnId. */
export function maxColumnId(catalog: DucklakeCatalog, tableId: Id): number {
  let max = 0;
  for (const column of catalog.columns) if (column.table_id === tableId && column.column_id > max) max = column.column_id;
  return max;
}

/** Whether a Delta type uses timestamp_ntz anywhere (the timestampNtz table feature). */
export function usesTimestampNtz(type: DataType): boolean {
  if (typeof type === 'string') return type === 'timestamp_ntz';
  if (type.type === 'struct') return type.fields.some((f) => usesTimestampNtz(f.type));
  if (type.type === 'array') return usesTimestampNtz(type.elementType);
  return usesTimestampNtz(type.keyType) || usesTimestampNtz(type.valueType);
}
