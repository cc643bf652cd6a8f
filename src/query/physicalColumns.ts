/**
 * Column mapping for writes: a logical type or row value to the names its data file uses
 * (physical names at every struct level, PROTOCOL.md "Column Mapping").
 */
import type { DataType } from '../core/delta/schemaTypes.ts';
import { physicalNameOf, type ColumnMappingMode } from '../core/delta/columnMapping.ts';
import { coerceValue } from './jsonToArrow.ts';

export function toPhysicalType(type: DataType, mode: ColumnMappingMode): DataType {
  if (mode === 'none' || typeof type !== 'object' || type.type !== 'struct') return type;
  return { type: 'struct', fields: type.fields.map((f) => ({ ...f, name: physicalNameOf(f, mode), type: toPhysicalType(f.type, mode) })) };
}

export function toPhysicalValue(value: unknown, type: DataType, mode: ColumnMappingMode, column: string): unknown {
  if (mode === 'none' || typeof type !== 'object' || type.type !== 'struct' || value === null || value === undefined) return value;
  const object = coerceValue(value, type, column) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of type.fields) out[physicalNameOf(field, mode)] = toPhysicalValue(object[field.name], field.type, mode, `${column}.${field.name}`);
  return out;
}
