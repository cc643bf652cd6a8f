import { describe, expect, it } from 'vitest';
import { parseSchema } from './schema.ts';
import { fieldIdOf, physicalNameOf, toColumnMappingMode, toPhysicalPath, toPhysicalSchema } from './columnMapping.ts';
import type { Metadata } from './actions.ts';

const mapped = (name: string, id: number, type: unknown) => ({
  name, type, nullable: true, metadata: { 'delta.columnMapping.id': id, 'delta.columnMapping.physicalName': `col-${id}` },
});
const schema = parseSchema(JSON.stringify({
  type: 'struct',
  fields: [
    mapped('id', 1, 'long'),
    mapped('address', 2, { type: 'struct', fields: [mapped('city', 3, 'string'), mapped('geo', 4, { type: 'struct', fields: [mapped('lat', 5, 'double')] })] }),
    mapped('tags', 6, { type: 'array', elementType: { type: 'struct', fields: [mapped('k', 7, 'string')] }, containsNull: true }),
    mapped('props', 8, { type: 'map', keyType: 'string', valueType: { type: 'struct', fields: [mapped('v', 9, 'long')] }, valueContainsNull: true }),
  ],
}));
const metadata = (mode?: string): Metadata => ({ id: 't', format: { provider: 'parquet' }, schemaString: '', partitionColumns: [], configuration: mode ? { 'delta.columnMapping.mode': mode } : {} });

describe('column mapping', () => {
  it('reads the mode from the table property', () => {
    expect(toColumnMappingMode(metadata())).toBe('none');
    expect(toColumnMappingMode(metadata('name'))).toBe('name');
    expect(toColumnMappingMode(metadata('id'))).toBe('id');
  });

  it('uses physical names only when mapping is on', () => {
    const field = schema.fields[0]!;
    expect(physicalNameOf(field, 'none')).toBe('id');
    expect(physicalNameOf(field, 'name')).toBe('col-1');
    expect(fieldIdOf(field)).toBe(1);
  });

  it('renames nested fields in structs, arrays and maps', () => {
    const physical = toPhysicalSchema(schema, 'name');
    expect(JSON.stringify(physical)).not.toMatch(/"name":"(id|address|city|geo|lat|tags|k|props|v)"/);
    expect(physical.fields.map((f) => f.name)).toEqual(['col-1', 'col-2', 'col-6', 'col-8']);
    expect(toPhysicalSchema(schema, 'none')).toBe(schema);
  });

  it('turns logical dotted paths into physical ones, as stats key nested columns', () => {
    expect(toPhysicalPath(schema, 'address.geo.lat', 'name')).toBe('col-2.col-4.col-5');
    expect(toPhysicalPath(schema, 'address.city', 'none')).toBe('address.city');
    expect(toPhysicalPath(schema, 'address.nope', 'name')).toBeUndefined();
  });
});
