/**
 * interleave copies runs of consecutive rows a run at a time: its output must read, row by row
 * through apache-arrow's own accessors, as the rows it was told to pick, whatever the runs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeVector, type Data } from 'apache-arrow';
import type { ColumnSpec } from './jsonToArrow.ts';
import { toArrowTable } from './jsonToArrow.ts';
import { interleave, isAllValid } from './arrowInterleave.ts';

const specs: ColumnSpec[] = [
  { name: 'id', type: 'long', nullable: true },
  { name: 'n', type: 'short', nullable: true },
  { name: 'text', type: 'string', nullable: true },
  { name: 'x', type: 'double', nullable: true },
  { name: 'ok', type: 'boolean', nullable: true },
  { name: 'amount', type: 'decimal(20,3)', nullable: true },
];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 5 });
const row = fc.record({
  id: maybe(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })),
  n: maybe(fc.integer({ min: -32768, max: 32767 })),
  text: maybe(fc.string({ unit: 'grapheme', maxLength: 90 })),
  x: maybe(fc.double({ noNaN: true })),
  ok: maybe(fc.boolean()),
  amount: maybe(fc.bigInt({ min: -(10n ** 19n), max: 10n ** 19n }).map((v) => (Number(v) / 1000).toFixed(3))),
});

/** Picks made of runs: each run takes `length` consecutive rows of one source from a start row. */
const runs = (sizes: number[]) => fc.array(
  fc.record({ source: fc.nat({ max: sizes.length - 1 }), start: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  { minLength: 1, maxLength: 12 },
).map((parts) => {
  const which: number[] = [];
  const rows: number[] = [];
  for (const part of parts) {
    const size = sizes[part.source] as number;
    const start = part.start % size;
    for (let i = 0; i < Math.min(part.length, size - start); i++) {
      which.push(part.source);
      rows.push(start + i);
    }
  }
  return { which: Uint16Array.from(which), rows: Int32Array.from(rows), length: rows.length };
});

describe('interleave', () => {
  it('reads back as the picked rows, runs or not', () => {
    fc.assert(fc.property(
      fc.array(fc.array(row, { minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 3 }).chain((tables) => fc.tuple(fc.constant(tables), runs(tables.map((t) => t.length)))),
      ([tables, picks]) => {
        const arrow = tables.map((rows) => toArrowTable(rows, specs));
        for (const spec of specs) {
          const sources = arrow.map((t) => t.getChild(spec.name)?.data[0] as Data);
          const out = makeVector(interleave((sources[0] as Data).type, sources, picks));
          const expected = Array.from({ length: picks.length }, (_, k) => makeVector(sources[picks.which[k] as number] as Data).get(picks.rows[k] as number));
          expect(out.toArray().length === 0 ? [] : Array.from({ length: out.length }, (_, k) => out.get(k)), spec.name).toEqual(expected);
        }
      },
    ), { numRuns: 150 });
  });
});

describe('isAllValid', () => {
  it('agrees with the bitmap read bit by bit, at any offset', () => {
    fc.assert(fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 70 }), fc.nat(), fc.nat(), (valid, a, b) => {
      const data = toArrowTable(valid.map((v, i) => ({ n: v ? i : null })), [{ name: 'n', type: 'integer', nullable: true }]).getChild('n')?.data[0] as Data;
      const offset = a % valid.length;
      const length = b % (valid.length - offset + 1);
      const slice = data.slice(offset, length);
      expect(isAllValid(slice)).toBe(valid.slice(offset, offset + length).every(Boolean));
    }), { numRuns: 300 });
  });
});
