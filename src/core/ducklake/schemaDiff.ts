/**
 * What changed in a table's columns between two snapshots, matched by column_id (the field id
 * a rename keeps): added, dropped, renamed, retyped, nullability and default changes, at every
 * nesting level (struct fields, a list's element, a map's key and value).
 */
import type { SchemaChange } from '../table.ts';
import { toTypeLabel, type DucklakeField } from './columnTree.ts';

function childrenOf(field: DucklakeField): DucklakeField[] {
  const type = field.type;
  if (type.kind === 'struct') return type.fields;
  if (type.kind === 'list') return [type.element];
  if (type.kind === 'map') return [type.key, type.value];
  return [];
}

/** The type without its children ("struct", "list", "int32"): children are compared one by one. */
function ownType(field: DucklakeField): string {
  return field.type.kind === 'primitive' ? field.type.name : field.type.kind;
}

export function diffColumns(before: readonly DucklakeField[], after: readonly DucklakeField[], prefix = ''): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const afterById = new Map(after.map((f) => [f.id, f]));
  const beforeIds = new Set(before.map((f) => f.id));
  for (const field of before) {
    const other = afterById.get(field.id);
    if (!other) {
      changes.push({ kind: 'dropped', column: prefix + field.name, type: toTypeLabel(field.type) });
      continue;
    }
    if (other.name !== field.name) changes.push({ kind: 'renamed', from: prefix + field.name, to: prefix + other.name });
    const name = prefix + other.name;
    if (ownType(field) !== ownType(other)) {
      changes.push({ kind: 'retyped', column: name, from: toTypeLabel(field.type), to: toTypeLabel(other.type) });
    } else {
      changes.push(...diffColumns(childrenOf(field), childrenOf(other), `${name}.`));
    }
    if (field.nullable !== other.nullable) changes.push({ kind: 'nullability', column: name, nullable: other.nullable });
    if (field.defaultValue !== other.defaultValue) changes.push({ kind: 'default', column: name, from: field.defaultValue, to: other.defaultValue });
  }
  for (const field of after) {
    if (!beforeIds.has(field.id)) changes.push({ kind: 'added', column: prefix + field.name, type: toTypeLabel(field.type) });
  }
  return changes;
}
