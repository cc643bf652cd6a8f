/**
 * A table's columns at a snapshot as a tree. DuckLake keeps one ducklake_column row per field
 * at every level: a struct's fields, a list's `element`, a map's `key` and `value` point at
 * their parent through parent_column. column_id is the field id the Parquet files carry.
 */
import { LakeError } from '../errors.ts';
import type { ColumnRow, Id } from './catalogRows.ts';
import { isVisibleAt } from './visibility.ts';

export type DucklakeType =
  /** int8..int64, uint8..uint64, int128, uint128, float32, float64, decimal(p,s), varchar, blob, boolean, date, time, timetz, timestamp(_s|_ms|_ns), timestamptz, interval, uuid, json, variant, geometry */
  | { kind: 'primitive'; name: string }
  | { kind: 'struct'; fields: DucklakeField[] }
  | { kind: 'list'; element: DucklakeField }
  | { kind: 'map'; key: DucklakeField; value: DucklakeField };

export interface DucklakeField {
  /** column_id: the Parquet field id. */
  id: Id;
  name: string;
  type: DucklakeType;
  nullable: boolean;
  /** The value rows written before the column existed read as (ADD COLUMN ... DEFAULT). */
  initialDefault: string | null;
  /** The default for new rows. */
  defaultValue: string | null;
  order: number;
}

/** The columns of `tableId` visible at `snapshotId`, top level in column_order. */
export function toColumnTree(columns: readonly ColumnRow[], tableId: Id, snapshotId: Id, catalogName = 'catalog'): DucklakeField[] {
  const visible = columns.filter((c) => c.table_id === tableId && isVisibleAt(c, snapshotId));
  const children = new Map<Id | null, ColumnRow[]>();
  for (const column of visible) {
    const list = children.get(column.parent_column) ?? [];
    list.push(column);
    children.set(column.parent_column, list);
  }
  const build = (row: ColumnRow, depth: number): DucklakeField => {
    if (depth > 64) throw new LakeError('Corrupt', `${catalogName}: ducklake_column ${row.column_id} of table ${tableId} nests deeper than 64 levels (a parent_column cycle?)`);
    const kids = (children.get(row.column_id) ?? []).sort((a, b) => a.column_order - b.column_order).map((c) => build(c, depth + 1));
    return {
      id: row.column_id,
      name: row.column_name,
      type: toType(row, kids, tableId, catalogName),
      nullable: row.nulls_allowed ?? true,
      initialDefault: row.initial_default,
      defaultValue: row.default_value,
      order: row.column_order,
    };
  };
  return (children.get(null) ?? []).sort((a, b) => a.column_order - b.column_order).map((c) => build(c, 0));
}

function toType(row: ColumnRow, kids: DucklakeField[], tableId: Id, catalogName: string): DucklakeType {
  const name = row.column_type.trim().toLowerCase();
  const fail = (what: string) => new LakeError('Corrupt', `${catalogName}: column ${row.column_name} (id ${row.column_id}) of table ${tableId} is a ${name} ${what}`);
  if (name === 'struct') return { kind: 'struct', fields: kids };
  if (name === 'list') {
    const [element] = kids;
    if (!element || kids.length !== 1) throw fail(`with ${kids.length} child columns (a list has one, its element)`);
    return { kind: 'list', element };
  }
  if (name === 'map') {
    const key = kids.find((k) => k.name === 'key') ?? kids[0];
    const value = kids.find((k) => k.name === 'value') ?? kids[1];
    if (!key || !value || kids.length !== 2) throw fail(`with ${kids.length} child columns (a map has key and value)`);
    return { kind: 'map', key, value };
  }
  if (kids.length > 0) throw fail(`with child columns`);
  return { kind: 'primitive', name };
}

const sqlNames: Record<string, string> = {
  int8: 'TINYINT', int16: 'SMALLINT', int32: 'INTEGER', int64: 'BIGINT', int128: 'HUGEINT',
  uint8: 'UTINYINT', uint16: 'USMALLINT', uint32: 'UINTEGER', uint64: 'UBIGINT', uint128: 'UHUGEINT',
  float32: 'FLOAT', float64: 'DOUBLE', varchar: 'VARCHAR', blob: 'BLOB', boolean: 'BOOLEAN', date: 'DATE',
  time: 'TIME', timetz: 'TIME WITH TIME ZONE', timestamp: 'TIMESTAMP', timestamptz: 'TIMESTAMP WITH TIME ZONE', timestamp_s: 'TIMESTAMP_S',
  timestamp_ms: 'TIMESTAMP_MS', timestamp_ns: 'TIMESTAMP_NS', interval: 'INTERVAL', uuid: 'UUID', json: 'JSON',
  variant: 'VARIANT', geometry: 'GEOMETRY',
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The type as DuckDB writes it: INTEGER, DECIMAL(12,2), TIMESTAMP WITH TIME ZONE, STRUCT("a" INTEGER, "b" VARCHAR[]), MAP(VARCHAR, INTEGER). */
export function toSqlType(type: DucklakeType, instead: Readonly<Record<string, string>> = {}): string {
  switch (type.kind) {
    case 'struct': return `STRUCT(${type.fields.map((f) => `${quote(f.name)} ${toSqlType(f.type, instead)}`).join(', ')})`;
    case 'list': return `${toSqlType(type.element.type, instead)}[]`;
    case 'map': return `MAP(${toSqlType(type.key.type, instead)}, ${toSqlType(type.value.type, instead)})`;
    case 'primitive': {
      const decimal = /^decimal\((\d+),\s*(\d+)\)$/.exec(type.name);
      if (decimal) return `DECIMAL(${decimal[1]},${decimal[2]})`;
      return instead[type.name] ?? sqlNames[type.name] ?? type.name.toUpperCase();
    }
  }
}

/** A short label for people: int32, decimal(12,2), struct<a: int32, b: list<varchar>>, map<varchar, int32>. */
export function toTypeLabel(type: DucklakeType): string {
  switch (type.kind) {
    case 'struct': return `struct<${type.fields.map((f) => `${f.name}: ${toTypeLabel(f.type)}`).join(', ')}>`;
    case 'list': return `list<${toTypeLabel(type.element.type)}>`;
    case 'map': return `map<${toTypeLabel(type.key.type)}, ${toTypeLabel(type.value.type)}>`;
    case 'primitive': return type.name;
  }
}
