import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Data } from 'apache-arrow';
import type { ColumnSpec } from './jsonToArrow.ts';
import { toArrowTable } from './jsonToArrow.ts';
import { toFileStats } from './fileStats.ts';
import { toColumnStats } from './columnStats.ts';
import { interleave } from './arrowInterleave.ts';

const specs: ColumnSpec[] = [
  { name: 'id', type: 'long', nullable: true },
  { name: 'n', type: 'integer', nullable: true },
  { name: 'text', type: 'string', nullable: true },
  { name: 'x', type: 'double', nullable: true },
  { name: 'f', type: 'float', nullable: true },
  { name: 'ok', type: 'boolean', nullable: true },
  { name: 'day', type: 'date', nullable: true },
  { name: 'ts', type: 'timestamp', nullable: true },
  { name: 'amount', type: 'decimal(20,3)', nullable: true },
  { name: 'bytes', type: 'binary', nullable: true },
  { name: 's', type: { type: 'struct', fields: [{ name: 'a', type: 'long', nullable: true, metadata: {} }, { name: 'b', type: 'string', nullable: true, metadata: {} }] }, nullable: true },
];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });
const row = fc.record({
  id: maybe(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })),
  n: maybe(fc.integer()),
  text: maybe(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('a', '\u{1F600}', '\uE000', 'z'.repeat(33)))),
  x: maybe(fc.oneof(fc.double(), fc.constant(Number.NaN), fc.constant(-0))),
  f: maybe(fc.float({ noNaN: true })),
  ok: maybe(fc.boolean()),
  day: maybe(fc.integer({ min: -100_000, max: 100_000 })),
  ts: maybe(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n })),
  amount: maybe(fc.bigInt({ min: -(10n ** 19n), max: 10n ** 19n }).map((v) => `${v / 1000n}.${String((v < 0n ? -v : v) % 1000n).padStart(3, '0')}`.replace(/^0\./, '0.').replace(/^-?0\.000$/, '0.000'))),
  bytes: maybe(fc.uint8Array({ maxLength: 4 })),
  s: maybe(fc.record({ a: maybe(fc.bigInt({ min: -1000n, max: 1000n })), b: maybe(fc.string({ maxLength: 5 })) })),
});

describe('column stats', () => {
  it('are the row writer\'s stats, for every type, nulls, NaN, long and astral strings, structs and leaf budgets', () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 30 }), fc.integer({ min: -1, max: 14 }), (rows, indexed) => {
      const table = toArrowTable(rows, specs);
      const columns = specs.map((spec, i) => ({ name: spec.name, type: spec.type, data: table.getChildAt(i)?.data[0] as Data }));
      expect(toColumnStats(columns, rows.length, indexed)).toEqual(toFileStats(rows, specs, indexed));
    }), { numRuns: 300 });
  });

  it('are the same on columns interleaved from several sources and cut at an offset', () => {
    fc.assert(fc.property(fc.array(row, { minLength: 2, maxLength: 30 }), fc.array(row, { minLength: 1, maxLength: 10 }), (a, b) => {
      const ta = toArrowTable(a, specs);
      const tb = toArrowTable([a[0] as Record<string, unknown>, ...b], specs); // sliced past its first row below
      const picks = [...a.keys()].filter((i) => i % 2 === 1).map((i): [number, number] => [0, i]).concat([...b.keys()].map((i): [number, number] => [1, i]));
      const expected = picks.map(([s, i]) => (s === 0 ? a[i] : b[i]) as Record<string, unknown>);
      const which = Uint16Array.from(picks, ([s]) => s);
      const rows = Int32Array.from(picks, ([, i]) => i);
      const columns = specs.map((spec, c) => {
        const sources = [(ta.getChildAt(c)?.data[0] as Data), (tb.getChildAt(c)?.data[0] as Data).slice(1, b.length)];
        return { name: spec.name, type: spec.type, data: interleave(sources[0]!.type, sources, { which, rows, length: picks.length }) };
      });
      expect(toColumnStats(columns, picks.length)).toEqual(toFileStats(expected, specs));
    }), { numRuns: 200 });
  });
});
