/**
 * The columns of the DuckDB-written nested fixture (scripts/generateNestedFixture.ts): every
 * Delta primitive type, nested in structs, lists and maps up to five levels deep. One tree
 * gives the Delta schema (logical names, or physical names for the column-mapped variant) and
 * the DuckDB types the values are built with.
 */
export type Primitive =
  | 'byte' | 'short' | 'integer' | 'long' | 'float' | 'double' | 'string' | 'binary' | 'boolean'
  | 'date' | 'timestamp' | 'timestamp_ntz' | `decimal(${number},${number})`;

export type Node =
  | Primitive
  | { struct: [string, Node][] }
  | { list: Node }
  | { map: [Primitive, Node] };

const primitives: Primitive[] = [
  'byte', 'short', 'integer', 'long', 'float', 'double', 'decimal(1,0)', 'decimal(9,2)', 'decimal(18,6)',
  'decimal(38,10)', 'string', 'binary', 'boolean', 'date', 'timestamp', 'timestamp_ntz',
];

/** A struct with a field of every primitive type. */
const all: Node = { struct: primitives.map((p) => [fieldName(p), p]) };

export const columns: [string, Node][] = [
  ['id', 'long'],
  ['digits', { list: 'decimal(1,0)' }],
  ['all', all],
  ['lists', { struct: primitives.map((p) => [fieldName(p), { list: p }]) }],
  ['list_of_all', { list: all }],
  ['map_int_list_struct', { map: ['integer', { list: { struct: [['val', 'integer']] } }] }],
  ['map_str_list_int', { map: ['string', { list: 'integer' }] }],
  ['map_of_maps', { map: ['integer', { map: ['string', 'long'] }] }],
  ['map_of_all', { map: ['string', all] }],
  ['keys', { struct: primitives.filter((p) => p !== 'boolean').map((p) => [fieldName(p), { map: [p, 'string'] }]) }],
  ['deep', { struct: [['a', { struct: [['b', { list: { map: ['string', { struct: [['c', { list: 'decimal(38,10)' }], ['all', all]] }] } }]] }]] }],
  ['list3', { list: { list: { list: 'double' } } }],
  ['map_list_map', { map: ['date', { list: { map: ['string', 'timestamp'] } }] }],
];

/** Values built by hand rather than from the seed: the digits 0-9 in every row (a null list in every fifth). */
export const customValues: Record<string, string> = {
  id: 'id',
  digits: 'CASE WHEN id % 5 = 4 THEN NULL ELSE list_transform(range(10), d -> d::DECIMAL(1,0)) END',
};

function fieldName(p: Primitive): string {
  return p.replace(/\((\d+),(\d+)\)/, '$1_$2');
}

export type DeltaType = string | { type: string; [key: string]: unknown };

export interface Naming {
  /** The name a struct field or column has in the Parquet file. */
  physical(path: string): string;
  /** Column mapping metadata for the field at `path`, or {}. */
  metadata(path: string): Record<string, unknown>;
  /** The Parquet field id written for the field at `path` (column mapping's id mode). */
  fieldId?(path: string): number;
}

export const logicalNaming: Naming = { physical: (path) => path.split('.').pop() ?? path, metadata: () => ({}) };

/**
 * Column mapping: `col-<n>-<name>` physical names and ids, numbered in schema order. In name mode
 * the files use the physical names; in id mode they carry the ids and name fields `f-<n>`,
 * neither logical nor physical, so only the ids can find them.
 */
export function columnMappingNaming(mode: 'name' | 'id'): Naming & { maxColumnId: () => number } {
  const ids = new Map<string, number>();
  const idOf = (path: string) => {
    if (!ids.has(path)) ids.set(path, ids.size + 1);
    return ids.get(path) as number;
  };
  const physicalName = (path: string) => `col-${String(idOf(path)).padStart(3, '0')}-${path.split('.').pop()?.replace(/_/g, '-')}`;
  return {
    physical: (path) => (mode === 'name' ? physicalName(path) : `f-${String(idOf(path)).padStart(3, '0')}`),
    metadata: (path) => ({ 'delta.columnMapping.id': idOf(path), 'delta.columnMapping.physicalName': physicalName(path) }),
    ...(mode === 'id' ? { fieldId: idOf } : {}),
    maxColumnId: () => ids.size,
  };
}

/** File name -> logical name of every column and struct field. */
export function toLogicalNames(naming: Naming): Map<string, string> {
  const names = new Map<string, string>();
  const walk = (node: Node, path: string) => {
    if (typeof node === 'string') return;
    if ('struct' in node) for (const [name, child] of node.struct) {
      names.set(naming.physical(`${path}.${name}`), name);
      walk(child, `${path}.${name}`);
    }
    else if ('list' in node) walk(node.list, `${path}.element`);
    else walk(node.map[1], `${path}.value`);
  };
  for (const [name, node] of columns) {
    names.set(naming.physical(name), name);
    walk(node, name);
  }
  return names;
}

/** The Delta schema (PROTOCOL.md "Schema Serialization Format") of the columns. */
export function toDeltaSchema(naming: Naming): DeltaType {
  return { type: 'struct', fields: columns.map(([name, node]) => toField(name, node, name, naming)) };
}

function toField(name: string, node: Node, path: string, naming: Naming): Record<string, unknown> {
  return { name, type: toDeltaType(node, path, naming), nullable: true, metadata: naming.metadata(path) };
}

function toDeltaType(node: Node, path: string, naming: Naming): DeltaType {
  if (typeof node === 'string') return node;
  if ('struct' in node) return { type: 'struct', fields: node.struct.map(([name, child]) => toField(name, child, `${path}.${name}`, naming)) };
  if ('list' in node) return { type: 'array', elementType: toDeltaType(node.list, `${path}.element`, naming), containsNull: true };
  return { type: 'map', keyType: node.map[0], valueType: toDeltaType(node.map[1], `${path}.value`, naming), valueContainsNull: true };
}
