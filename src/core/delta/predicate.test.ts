import { describe, expect, it } from 'vitest';
import { parsePredicate } from './parsePredicate.ts';
import { evaluatePredicate } from './predicate.ts';
import { canSkipFile } from './fileSkipping.ts';
import type { DataType } from './schemaTypes.ts';

const types: Record<string, DataType> = { id: 'long', name: 'string', d: 'date', ts: 'timestamp', p: 'string', amount: 'decimal(10,2)', ok: 'boolean' };
const typeOf = (c: string) => types[c] ?? 'string';
const evaluate = (text: string, row: Record<string, unknown>) => evaluatePredicate(parsePredicate(text), (c) => row[c], typeOf);

describe('predicates', () => {
  it('parses and evaluates comparisons, IN, IS NULL, AND, OR, NOT', () => {
    expect(evaluate("id > 5 AND name = 'x'", { id: 6, name: 'x' })).toBe(true);
    expect(evaluate("id > 5 AND name = 'x'", { id: 5, name: 'x' })).toBe(false);
    expect(evaluate('id IN (1, 2, 3)', { id: 2 })).toBe(true);
    expect(evaluate('id NOT IN (1, 2)', { id: 3 })).toBe(true);
    expect(evaluate('name IS NULL', { name: null })).toBe(true);
    expect(evaluate('name IS NOT NULL', { name: 'a' })).toBe(true);
    expect(evaluate('NOT (id = 1 OR id = 2)', { id: 3 })).toBe(true);
    expect(evaluate("d >= DATE '2021-01-01'", { d: '2021-06-01' })).toBe(true);
    expect(evaluate("ts < '2021-01-01 00:00:00'", { ts: '2020-12-31T23:59:59.999999Z' })).toBe(true);
    expect(evaluate('amount = 12.3', { amount: '12.30' })).toBe(true);
    expect(evaluate('ok = true', { ok: true })).toBe(true);
    expect(evaluate("`name` <> 'it''s'", { name: "it's" })).toBe(false);
  });

  it('uses three-valued logic: comparisons with null are unknown', () => {
    expect(evaluate('id = 1', { id: null })).toBeNull();
    expect(evaluate('id = 1 OR id IS NULL', { id: null })).toBe(true);
    expect(evaluate('NOT id = 1', { id: null })).toBeNull();
  });

  it('compares longs beyond 2^53 exactly', () => {
    expect(evaluate('id > 9007199254740992', { id: '9007199254740993' })).toBe(true);
  });

  it('explains what it cannot parse', () => {
    expect(() => parsePredicate("name = 'x")).toThrow(/not closed/);
    expect(() => parsePredicate('id >')).toThrow(/expected a value/);
    expect(() => parsePredicate('id = 1 extra')).toThrow(/unexpected text/);
    expect(() => parsePredicate('= 1')).toThrow(/expected a column name/);
    expect(() => parsePredicate('`a.b` = 1')).toThrow('the quoted name `a.b` holds a ".", which cannot be told apart from a nested field or an alias');
    expect(() => parsePredicate('`` = 1')).toThrow('a quoted name is empty');
    expect(() => parsePredicate('t. = 1')).toThrow('expected a name after "."');
    expect(() => parsePredicate("1 = 'x'")).toThrow('a comparison needs a column on one side');
  });
});

describe('names and values in predicates', () => {
  const cases: [text: string, parsed: unknown][] = [
    ["name = '`x`'", { op: 'compare', column: 'name', comparison: '=', value: '`x`' }],
    ['name = \'"x"\'', { op: 'compare', column: 'name', comparison: '=', value: '"x"' }],
    ["name = 'it''s'", { op: 'compare', column: 'name', comparison: '=', value: "it's" }],
    ["`my col` = 'a AND b'", { op: 'compare', column: 'my col', comparison: '=', value: 'a AND b' }],
    ['`we``ird` = 1', { op: 'compare', column: 'we`ird', comparison: '=', value: 1 }],
    ['"say ""hi""" = 1', { op: 'compare', column: 'say "hi"', comparison: '=', value: 1 }],
    ['`select` IS NOT NULL', { op: 'isNull', column: 'select', negated: true }],
    ['"true" = true', { op: 'compare', column: 'true', comparison: '=', value: true }],
    ['t.`my col` = s."Other Col"', { op: 'compareColumns', column: 't.my col', comparison: '=', other: 's.Other Col' }],
    ['`t`.id >= s.id', { op: 'compareColumns', column: 't.id', comparison: '>=', other: 's.id' }],
    ['5 < MixedCase', { op: 'compare', column: 'MixedCase', comparison: '>', value: 5 }],
    ["date = DATE '2021-01-01'", { op: 'compare', column: 'date', comparison: '=', value: '2021-01-01' }],
    ['id = 9007199254740993', { op: 'compare', column: 'id', comparison: '=', value: 9007199254740993n }],
    ['id NOT IN (1, NULL)', { op: 'in', column: 'id', values: [1, null], negated: true }],
  ];
  it.each(cases)('%s', (text, parsed) => {
    expect(parsePredicate(text)).toEqual(parsed);
  });

  it("compares two columns as the first one's type", () => {
    expect(evaluate('id < name', { id: 9, name: '10' })).toBe(true); // as longs: 9 < 10
    expect(evaluate('name < id', { id: 9, name: '10' })).toBe(true); // as text: '10' sorts before '9'
    expect(evaluate('id = name', { id: 9, name: null })).toBeNull();
  });
});

describe('file skipping', () => {
  const facts = (partition: Record<string, string | null>, stats?: object) => ({
    partitionValues: new Map(Object.entries(partition)),
    stats: stats as never,
    statsKeyOf: (c: string) => c,
    typeOf,
  });
  const skip = (text: string, f: ReturnType<typeof facts>) => canSkipFile(parsePredicate(text), f);
  const stats = { numRecords: 10, minValues: { id: 10, name: 'b' }, maxValues: { id: 20, name: 'm' }, nullCount: { id: 0, name: 2 } };

  it('skips on partition values exactly, null partitions included', () => {
    expect(skip("p = 'a'", facts({ p: 'b' }))).toBe(true);
    expect(skip("p = 'a'", facts({ p: 'a' }))).toBe(false);
    expect(skip("p = 'a'", facts({ p: null }))).toBe(true);
    expect(skip('p IS NULL', facts({ p: null }))).toBe(false);
  });

  it('skips on min and max only when no row can match', () => {
    expect(skip('id = 25', facts({}, stats))).toBe(true);
    expect(skip('id = 15', facts({}, stats))).toBe(false);
    expect(skip('id < 10', facts({}, stats))).toBe(true);
    expect(skip('id <= 10', facts({}, stats))).toBe(false);
    expect(skip('id > 20', facts({}, stats))).toBe(true);
    expect(skip('id IN (1, 30)', facts({}, stats))).toBe(true);
    expect(skip('id IN (1, 15)', facts({}, stats))).toBe(false);
    expect(skip('id IS NULL', facts({}, stats))).toBe(true);
    expect(skip('name IS NULL', facts({}, stats))).toBe(false);
  });

  it('never skips without stats, or for NOT and != on data columns', () => {
    expect(skip('id = 25', facts({}))).toBe(false);
    expect(skip('NOT id = 15', facts({}, stats))).toBe(false);
    expect(skip('id != 15', facts({}, stats))).toBe(false);
  });

  it('combines: AND skips if either side does, OR only if both do', () => {
    expect(skip("id = 15 AND p = 'x'", facts({ p: 'y' }, stats))).toBe(true);
    expect(skip("id = 25 OR p = 'x'", facts({ p: 'x' }, stats))).toBe(false);
    expect(skip("id = 25 OR p = 'x'", facts({ p: 'y' }, stats))).toBe(true);
  });

  it('widens millisecond timestamp maxima by the microseconds they dropped', () => {
    const ts = { numRecords: 1, minValues: { ts: '2021-01-01T00:00:00.000Z' }, maxValues: { ts: '2021-01-01T00:00:00.123Z' }, nullCount: { ts: 0 } };
    expect(skip("ts > '2021-01-01 00:00:00.123500'", facts({}, ts))).toBe(false);
    expect(skip("ts = '2021-01-01 00:00:00.123999'", facts({}, ts))).toBe(false);
    expect(skip("ts >= '2021-01-01 00:00:00.124'", facts({}, ts))).toBe(true);
    expect(skip("ts < '2021-01-01 00:00:00'", facts({}, ts))).toBe(true);
  });

  it('does not trust a truncated string maximum', () => {
    const long = { numRecords: 1, minValues: { name: 'a' }, maxValues: { name: 'b'.repeat(32) }, nullCount: { name: 0 } };
    expect(skip("name > 'c'", facts({}, long))).toBe(false);
  });
});
