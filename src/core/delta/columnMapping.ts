/**
 * Column mapping (PROTOCOL.md "Column Mapping"): in `name` and `id` modes the files, stats
 * and partition values use physical names; users see logical names.
 */
import type { Metadata } from './actions.ts';
import type { StructField } from './schemaTypes.ts';

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
