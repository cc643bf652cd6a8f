import { describe, expect, it } from 'vitest';
import type { StructField, StructType } from '../delta/schemaTypes.ts';
import { diffSchemas } from './schemaDiff.ts';

const field = (name: string, type: StructField['type'], extra: Partial<StructField> = {}): StructField => ({ name, type, nullable: true, metadata: {}, ...extra });
const struct = (...fields: StructField[]): StructType => ({ type: 'struct', fields });

describe('schema diff', () => {
  it('marks added, dropped, retyped and nullability changes, nested too', () => {
    const before = struct(field('a', 'integer'), field('b', 'string'), field('s', struct(field('x', 'long'))));
    const after = struct(field('a', 'long'), field('c', 'date'), field('s', struct(field('x', 'long', { nullable: false }), field('y', 'string'))));
    expect(diffSchemas(before, after)).toEqual([
      { kind: 'retyped', column: 'a', from: 'integer', to: 'long' },
      { kind: 'dropped', column: 'b', type: 'string' },
      { kind: 'nullability', column: 's.x', nullable: false },
      { kind: 'added', column: 's.y', type: 'string' },
      { kind: 'added', column: 'c', type: 'date' },
    ]);
  });

  it('recognises a rename through column mapping ids', () => {
    const mapped = (name: string) => field(name, 'string', { metadata: { 'delta.columnMapping.id': 1, 'delta.columnMapping.physicalName': 'col-1' } });
    expect(diffSchemas(struct(mapped('old')), struct(mapped('new')))).toEqual([{ kind: 'renamed', from: 'old', to: 'new' }]);
  });
});
