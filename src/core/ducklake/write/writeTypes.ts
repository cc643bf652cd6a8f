/**
 * The column types Lakelab writes to a DuckLake table: DuckLake's primitive type names
 * (int8..int64, float32, float64, decimal(p,s), varchar, blob, boolean, date, timestamp,
 * timestamptz), each with the Delta type its values are built and compared in (the same
 * value forms as Delta writes: the CLI's JSON forms, CSV text, typed JS values) and whether
 * rows of it may be inlined into the catalog. Nested and other types are refused by name.
 */
import { LakeError } from '../../errors.ts';
import type { DataType } from '../../delta/schemaTypes.ts';
import type { DucklakeField } from '../columnTree.ts';

const deltaTypes: Record<string, DataType> = {
  int8: 'byte', int16: 'short', int32: 'integer', int64: 'long', float32: 'float', float64: 'double',
  varchar: 'string', blob: 'binary', boolean: 'boolean', date: 'date', timestamp: 'timestamp_ntz', timestamptz: 'timestamp',
};

/** Types whose values the catalog's database keeps exactly (SQLite included), so small inserts may be inlined. */
const inlinable = new Set(['int8', 'int16', 'int32', 'int64', 'float32', 'float64', 'varchar', 'boolean']);

export function toWriteType(field: DucklakeField, table: string): DataType {
  const name = field.type.kind === 'primitive' ? field.type.name : field.type.kind;
  const decimal = /^decimal\((\d+),\s*(\d+)\)$/.exec(name);
  if (decimal) return `decimal(${Number(decimal[1])},${Number(decimal[2])})`;
  const type = deltaTypes[name];
  if (!type) {
    throw new LakeError('Unsupported', `${table}: column ${field.name} is ${name}; Lakelab writes DuckLake columns of ${Object.keys(deltaTypes).join(', ')} and decimal(p,s)`);
  }
  return type;
}

export function isInlinable(field: DucklakeField): boolean {
  return field.type.kind === 'primitive' && inlinable.has(field.type.name);
}

/** A Delta type (as `--schema "id long, name string"` gives it) as the DuckLake column type. */
export function toDucklakeTypeName(type: DataType, column: string): string {
  if (typeof type === 'string') {
    const decimal = /^decimal\((\d+),\s*(\d+)\)$/.exec(type);
    if (decimal) return `decimal(${decimal[1]},${decimal[2]})`;
    const found = Object.entries(deltaTypes).find(([, delta]) => delta === type);
    if (found) return found[0];
  }
  throw new LakeError('Unsupported', `column ${column}: Lakelab creates DuckLake columns of ${Object.values(deltaTypes).join(', ')} and decimal(p,s), not ${typeof type === 'string' ? type : type.type}`);
}
