import { describe, expect, it } from 'vitest';
import { decimalOf, findUnknownTypes, parseSchema, toSchemaString } from './schema.ts';

const field = (name: string, type: unknown, extra: Record<string, unknown> = {}) => ({ name, type, nullable: true, metadata: {}, ...extra });
const schemaOf = (...fields: unknown[]) => JSON.stringify({ type: 'struct', fields });

describe('schema', () => {
  it('parses every primitive, decimal, nested types, nullability and metadata, and serialises back', () => {
    const text = schemaOf(
      ...['string', 'long', 'integer', 'short', 'byte', 'float', 'double', 'boolean', 'binary', 'date', 'timestamp', 'timestamp_ntz', 'decimal(38,18)'].map((t, i) => field(`c${i}`, t)),
      field('s', { type: 'struct', fields: [field('x', 'long', { nullable: false, metadata: { comment: 'hi' } })] }),
      field('a', { type: 'array', elementType: 'string', containsNull: false }),
      field('m', { type: 'map', keyType: 'string', valueType: { type: 'array', elementType: 'date', containsNull: true }, valueContainsNull: true }),
    );
    const schema = parseSchema(text);
    expect(schema.fields).toHaveLength(16);
    expect(schema.fields[13]).toEqual(field('s', { type: 'struct', fields: [field('x', 'long', { nullable: false, metadata: { comment: 'hi' } })] }));
    expect(JSON.parse(toSchemaString(schema))).toEqual(JSON.parse(text));
    expect(decimalOf(schema.fields[12]!.type)).toEqual({ precision: 38, scale: 18 });
  });

  it('normalises timestampWithoutTimezone to timestamp_ntz', () => {
    expect(parseSchema(schemaOf(field('t', 'timestampWithoutTimezone'))).fields[0]?.type).toBe('timestamp_ntz');
  });

  it('parses unknown primitive types so the feature gate can name them', () => {
    const schema = parseSchema(schemaOf(field('v', 'variant'), field('n', { type: 'array', elementType: 'void', containsNull: true })));
    expect([...findUnknownTypes(schema)]).toEqual(['variant', 'void']);
  });

  it('names the offending field of a malformed schema', () => {
    expect(() => parseSchema('{"type": "struct", "fields": [')).toThrow(expect.objectContaining({ code: 'Corrupt', message: expect.stringContaining('not valid JSON') }));
    expect(() => parseSchema(schemaOf(field('bad', { type: 'struct' })))).toThrow(/column "bad": struct without "fields"/);
    expect(() => parseSchema(schemaOf(field('d', 'decimal(50,2)')))).toThrow(/column "d": invalid decimal\(50,2\)/);
    expect(() => parseSchema(schemaOf({ type: 'long' }))).toThrow(/fields\[0\]: field without a "name"/);
    expect(() => parseSchema('"long"')).toThrow(/must be a struct/);
  });
});
