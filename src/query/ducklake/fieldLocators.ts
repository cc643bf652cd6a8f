/**
 * Where a DuckLake field's data is in an Arrow schema, at every nesting level: by Parquet field
 * id (DuckLake's own files: column_id is the field id, so renamed columns are found and dropped
 * ones ignored), by a name mapping (files added from outside), or by the names a field had when
 * an inlined data table was made. A field found nowhere reads as null or its initial default.
 */
import type { Data, Field } from 'apache-arrow';
import type { DucklakeField } from '../../core/ducklake/columnTree.ts';
import type { NameMappingNode } from '../../core/ducklake/nameMapping.ts';
import type { ChildLocator } from './ducklakeValues.ts';

const fieldIdKey = 'PARQUET:field_id';

export function childrenOf(field: DucklakeField): DucklakeField[] {
  const type = field.type;
  if (type.kind === 'struct') return type.fields;
  if (type.kind === 'list') return [type.element];
  if (type.kind === 'map') return [type.key, type.value];
  return [];
}

function isPositional(field: DucklakeField): boolean {
  return field.type.kind === 'list' || field.type.kind === 'map';
}

/** The index of each of `field`'s children among `fields` (a struct's or a record batch's columns). */
export function indexByFieldId(fields: readonly Field[], children: readonly DucklakeField[]): number[] {
  const hasIds = fields.some((f) => f.metadata.has(fieldIdKey));
  return children.map((child) => fields.findIndex((f) => (hasIds ? f.metadata.get(fieldIdKey) === String(child.id) : f.name === child.name)));
}

export const byFieldId: ChildLocator = (data: Data, field: DucklakeField) => {
  const children = childrenOf(field);
  if (isPositional(field) && field.type.kind === 'list') return [{ index: 0, locator: byFieldId }];
  const fields = (data.type.children ?? []) as Field[];
  return indexByFieldId(fields, children).map((index, i) => ({ index: index >= 0 || fields.length !== children.length || field.type.kind !== 'map' ? index : i, locator: byFieldId }));
};

export function byNameMapping(nodes: readonly NameMappingNode[]): ChildLocator {
  return (data: Data, field: DucklakeField) => {
    const fields = (data.type.children ?? []) as Field[];
    return childrenOf(field).map((child, i) => {
      const node = nodes.find((n) => n.fieldId === child.id);
      const next = byNameMapping(node?.children ?? []);
      if (field.type.kind === 'list') return { index: 0, locator: next };
      if (!node) return { index: field.type.kind === 'map' ? i : -1, locator: next };
      return { index: fields.findIndex((f) => f.name === node.sourceName), locator: next };
    });
  };
}

export function byNames(before: readonly DucklakeField[]): ChildLocator {
  return (data: Data, field: DucklakeField) => {
    const fields = (data.type.children ?? []) as Field[];
    return childrenOf(field).map((child, i) => {
      const old = before.find((f) => f.id === child.id);
      const next = byNames(old ? childrenOf(old) : []);
      if (field.type.kind === 'list') return { index: 0, locator: next };
      if (field.type.kind === 'map') return { index: i, locator: next };
      return { index: old ? fields.findIndex((f) => f.name.toLowerCase() === old.name.toLowerCase()) : -1, locator: next };
    });
  };
}
