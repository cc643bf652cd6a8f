import { describe, expect, it } from 'vitest';
import type { DucklakeField } from '../columnTree.ts';
import { fileReadsAs } from './fileReadsAs.ts';

const field = (id: number, name: string, type: string, initialDefault: string | null = null): DucklakeField => ({ id, name, type: { kind: 'primitive', name: type }, nullable: true, initialDefault, defaultValue: null, order: id });
const physical = (id: number) => ({ 1: 'id', 2: 'name', 3: 'stock' } as Record<number, string>)[id] ?? `col-${id}`;
const file = [{ id: 1, name: 'id', type: 'Int32', children: [] }, { id: 2, name: 'name', type: 'Utf8', children: [] }];

describe('whether a file reads as the snapshot does', () => {
  it('by field id with column mapping: a rename reads, a missing column with a default does not', () => {
    expect(fileReadsAs(file, [field(1, 'id', 'int32'), field(2, 'label', 'varchar')], true, physical)).toBe(true);
    expect(fileReadsAs(file, [field(1, 'id', 'int32'), field(3, 'stock', 'int32', '7')], true, physical)).toBe(false);
    expect(fileReadsAs(file, [field(1, 'id', 'int32'), field(3, 'stock', 'int32')], true, physical)).toBe(true);
  });

  it('by name without: a rename does not read; a widened type does not either way', () => {
    expect(fileReadsAs(file, [field(2, 'label', 'varchar')], false, physical)).toBe(false);
    expect(fileReadsAs(file, [field(1, 'id', 'int64')], true, physical)).toBe(false);
  });
});
