/**
 * What changed in a table's columns between two versions: added, dropped, renamed (column
 * mapping keeps a column's id and physical name across a rename), retyped, and nullability.
 */
import type { StructField, StructType } from '../delta/schemaTypes.ts';
import { toTypeLabel } from '../delta/typeLabel.ts';

export type SchemaChange =
  | { kind: 'added'; column: string; type: string }
  | { kind: 'dropped'; column: string; type: string }
  | { kind: 'renamed'; from: string; to: string }
  | { kind: 'retyped'; column: string; from: string; to: string }
  | { kind: 'nullability'; column: string; nullable: boolean };

function identity(field: StructField): string | undefined {
  const id = field.metadata['delta.columnMapping.id'];
  const physical = field.metadata['delta.columnMapping.physicalName'];
  return id !== undefined ? `id:${String(id)}` : typeof physical === 'string' ? `physical:${physical}` : undefined;
}

export function diffSchemas(before: StructType, after: StructType, prefix = ''): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const afterByName = new Map(after.fields.map((f) => [f.name, f]));
  const afterById = new Map(after.fields.flatMap((f) => (identity(f) ? [[identity(f)!, f] as const] : [])));
  const matched = new Set<StructField>();
  for (const field of before.fields) {
    const id = identity(field);
    const renamedTo = id ? afterById.get(id) : undefined;
    const other = renamedTo ?? afterByName.get(field.name);
    if (!other) {
      changes.push({ kind: 'dropped', column: prefix + field.name, type: toTypeLabel(field.type) });
      continue;
    }
    matched.add(other);
    if (other.name !== field.name) changes.push({ kind: 'renamed', from: prefix + field.name, to: prefix + other.name });
    const name = prefix + other.name;
    if (typeof field.type === 'object' && field.type.type === 'struct' && typeof other.type === 'object' && other.type.type === 'struct') {
      changes.push(...diffSchemas(field.type, other.type, `${name}.`));
    } else if (toTypeLabel(field.type) !== toTypeLabel(other.type)) {
      changes.push({ kind: 'retyped', column: name, from: toTypeLabel(field.type), to: toTypeLabel(other.type) });
    }
    if (field.nullable !== other.nullable) changes.push({ kind: 'nullability', column: name, nullable: other.nullable });
  }
  for (const field of after.fields) {
    if (!matched.has(field)) changes.push({ kind: 'added', column: prefix + field.name, type: toTypeLabel(field.type) });
  }
  return changes;
}
