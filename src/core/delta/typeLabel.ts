import type { DataType } from './schemaTypes.ts';

/** A Delta type as people read it: `array<struct<a: long>>`. */
export function toTypeLabel(type: DataType): string {
  if (typeof type === 'string') return type;
  switch (type.type) {
    case 'struct':
      return `struct<${type.fields.map((f) => `${f.name}: ${toTypeLabel(f.type)}`).join(', ')}>`;
    case 'array':
      return `array<${toTypeLabel(type.elementType)}>`;
    case 'map':
      return `map<${toTypeLabel(type.keyType)}, ${toTypeLabel(type.valueType)}>`;
  }
}
