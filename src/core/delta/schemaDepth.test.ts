/** A schema nested deeper than Lakelab reads is Corrupt, naming where; one at the limit reads (it overflowed the stack at 2,000 levels). */
import { describe, expect, it } from 'vitest';
import { parseSchema, findUnknownTypes } from './schema.ts';
import { maxSchemaDepth } from './schemaDepth.ts';

const nestedStructs = (levels: number) =>
  `${'{"type":"struct","fields":[{"name":"a","nullable":true,"metadata":{},"type":'.repeat(levels - 1)}{"type":"struct","fields":[{"name":"leaf","type":"long","nullable":true,"metadata":{}}]}${'}]}'.repeat(levels - 1)}`;
const nestedArrays = (levels: number) =>
  `{"type":"struct","fields":[{"name":"x","nullable":true,"metadata":{},"type":${'{"type":"array","containsNull":true,"elementType":'.repeat(levels - 1)}"long"${'}'.repeat(levels - 1)}}]}`;

describe('schema depth', () => {
  it(`a schema ${maxSchemaDepth} levels deep reads, and can be walked and written back`, () => {
    const schema = parseSchema(nestedStructs(maxSchemaDepth));
    expect(findUnknownTypes(schema).size).toBe(0);
    expect(JSON.stringify(schema).length).toBeGreaterThan(maxSchemaDepth);
  });

  it.each([maxSchemaDepth + 1, 2_000, 100_000])('structs nested %i levels deep are Corrupt, naming the column path', (levels) => {
    expect(() => parseSchema(nestedStructs(levels))).toThrow(expect.objectContaining({ code: 'Corrupt', message: expect.stringMatching(/^table schema nests types more than 100 levels deep \(at a\.a\.a/) }));
  });

  it('arrays nested 10,000 levels deep are Corrupt too', () => {
    expect(() => parseSchema(nestedArrays(10_000))).toThrow(expect.objectContaining({ code: 'Corrupt', message: expect.stringContaining('at x[][][]') }));
  });
});
