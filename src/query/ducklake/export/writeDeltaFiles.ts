/**
 * The export's rows as Delta data files: grouped by partition values, one Parquet file per group,
 * with column mapping's physical names (and field ids) on top-level and struct fields, and stats.
 * Unlike the general writer it takes arrays and maps: a DuckLake row's nested values are written
 * as they are, which is right as long as no field inside an array or map was renamed (its physical
 * name is then its name); one that was is refused, naming it.
 */
import type { Add } from '../../../core/delta/actions.ts';
import { LakeError } from '../../../core/errors.ts';
import type { DataType, StructField, StructType } from '../../../core/delta/schemaTypes.ts';
import { fieldIdOf, physicalNameOf, type ColumnMappingMode } from '../../../core/delta/columnMapping.ts';
import { newDataFilePath, toPartitionFolder } from '../../../core/delta/dataPathNames.ts';
import { toPartitionString } from '../../../core/delta/partitionValues.ts';
import { toDataFileKey } from '../../../core/delta/dataPaths.ts';
import { coerceValue, toArrowTable, type ColumnSpec } from '../../jsonToArrow.ts';
import { toParquetBytes } from '../../parquetWrite.ts';
import { toFileStats } from '../../fileStats.ts';
import type { ExportWriteTarget } from './writeExportRows.ts';

export async function writeDeltaFiles(rows: readonly Record<string, unknown>[], schema: StructType, partitionColumns: readonly string[], mode: ColumnMappingMode, target: ExportWriteTarget, time: number): Promise<Add[]> {
  const partitions = new Set(partitionColumns);
  const fields = schema.fields.filter((f) => !partitions.has(f.name));
  for (const field of fields) checkNestedNames(field.type, field.name, mode);
  const columns: ColumnSpec[] = fields.map((f) => ({ name: physicalNameOf(f, mode), type: toPhysicalType(f.type, mode), nullable: f.nullable, fieldId: mode === 'none' ? undefined : fieldIdOf(f) }));
  const byName = new Map(schema.fields.map((f) => [f.name, f]));
  const groups = new Map<string, { values: Record<string, string | null>; rows: Record<string, unknown>[] }>();
  for (const row of rows) {
    const values: Record<string, string | null> = {};
    for (const name of partitionColumns) {
      const field = byName.get(name)!;
      values[physicalNameOf(field, mode)] = toPartitionString(coerceValue(row[name], field.type, name) as never, field.type);
    }
    const key = JSON.stringify(Object.values(values));
    const group = groups.get(key) ?? { values, rows: [] };
    group.rows.push(Object.fromEntries(fields.map((f) => [physicalNameOf(f, mode), toPhysicalValue(row[f.name], f.type, mode, f.name)])));
    groups.set(key, group);
  }
  const adds: Add[] = [];
  for (const group of groups.values()) {
    const bytes = await toParquetBytes(toArrowTable(group.rows, columns));
    const path = newDataFilePath(target.rng, toPartitionFolder(Object.keys(group.values), group.values), adds.length);
    await target.store.put(toDataFileKey(target.root, path), bytes);
    adds.push({ path, partitionValues: group.values, size: bytes.length, modificationTime: time, dataChange: true, stats: toFileStats(group.rows, columns) });
  }
  return adds;
}

function toPhysicalType(type: DataType, mode: ColumnMappingMode): DataType {
  if (mode === 'none' || typeof type !== 'object' || type.type !== 'struct') return type;
  return { type: 'struct', fields: type.fields.map((f) => ({ ...f, name: physicalNameOf(f, mode), type: toPhysicalType(f.type, mode) })) };
}

function toPhysicalValue(value: unknown, type: DataType, mode: ColumnMappingMode, column: string): unknown {
  if (mode === 'none' || typeof type !== 'object' || type.type !== 'struct' || value === null || value === undefined) return value;
  const object = coerceValue(value, type, column) as Record<string, unknown>;
  return Object.fromEntries(type.fields.map((f: StructField) => [physicalNameOf(f, mode), toPhysicalValue(object[f.name], f.type, mode, `${column}.${f.name}`)]));
}

/** A struct field inside an array or map whose physical name is not its name cannot be written with the values' names. */
function checkNestedNames(type: DataType, path: string, mode: ColumnMappingMode, inside = false): void {
  if (typeof type !== 'object') return;
  if (type.type === 'struct') {
    for (const f of type.fields) {
      if (inside && mode !== 'none' && physicalNameOf(f, mode) !== f.name) {
        throw new LakeError('Unsupported', `field ${path}.${f.name} inside an array or map was renamed (it was ${physicalNameOf(f, mode)}): Lakelab cannot write it under its first name yet`);
      }
      checkNestedNames(f.type, `${path}.${f.name}`, mode, inside);
    }
  } else if (type.type === 'array') checkNestedNames(type.elementType, `${path}[]`, mode, true);
  else {
    checkNestedNames(type.keyType, `${path}.key`, mode, true);
    checkNestedNames(type.valueType, `${path}.value`, mode, true);
  }
}
