/**
 * The predicate parser and its translation to SQL, fuzzed differentially: predicates drawn from
 * the grammar (every comparison, IN, IS NULL, column to column, AND, OR, NOT, parentheses; values
 * of every kind, quotes inside), and texts with characters changed. Each parses to a predicate
 * or a LakeError; a predicate Lakelab would run (its columns comparable) gives the SQL
 * duckdb-wasm runs, which must hold the same truth as TypeScript's evaluation on every row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DataType } from '../../src/core/delta/schemaTypes.ts';
import { parsePredicate } from '../../src/core/delta/parsePredicate.ts';
import { columnsOf, evaluatePredicate } from '../../src/core/delta/predicate.ts';
import { quoteIdentifier } from '../../src/core/sqlNames.ts';
import type { SqlEngine } from '../../src/query/duckdbEngine.ts';
import { openNodeSqlEngine } from '../../src/query/duckdbNode.ts';
import { toArrowTable } from '../../src/query/jsonToArrow.ts';
import { checkComparableColumns, toDuckdbPredicate } from '../../src/query/predicateSql.ts';
import { fuzz, fuzzRuns } from '../support/fuzz.ts';

const types: Record<string, DataType> = { id: 'long', name: 'string', 'my col': 'string', x: 'double', small: 'integer', d: 'date', ts: 'timestamp', amt: 'decimal(10,2)', ok: 'boolean' };
const typeOf = (column: string) => types[column] ?? 'string';
const rows: Record<string, unknown>[] = [
  { id: 1, name: "it's", 'my col': 'a b', x: 1.5, small: 1, d: '2021-01-01', ts: '2021-01-01T00:00:00.000000Z', amt: '12.30', ok: true },
  { id: -7, name: '`x`', 'my col': '', x: Number.NaN, small: -2, d: '1970-01-01', ts: '1969-12-31T23:59:59.999999Z', amt: '-0.01', ok: false },
  { id: 9007199254740993n, name: 'AND', 'my col': null, x: -0, small: 0, d: '2024-02-29', ts: '2024-02-29T12:00:00.000001Z', amt: '99999999.99', ok: null },
  { id: null, name: null, 'my col': 'z', x: null, small: null, d: null, ts: null, amt: null, ok: null },
];

const columnText = fc.constantFrom('id', 'name', '`my col`', '"my col"', 'x', 'small', 'd', 'ts', 'amt', 'ok', 'missing');
const literal = fc.oneof(
  fc.integer({ min: -10, max: 10 }).map(String), fc.constantFrom('9007199254740993', '-0', '1.5', '12.3', '1e3', '0.001', '99999999.99'),
  fc.string({ maxLength: 6 }).map((s) => `'${s.replaceAll("'", "''")}'`),
  fc.constantFrom("'2021-01-01'", "DATE '2021-01-01'", "TIMESTAMP '2021-01-01 00:00:00'", "'NaN'", 'NULL', 'true', 'false', "'a b'", "'it''s'"),
);
const comparison = fc.constantFrom('=', '!=', '<>', '<', '<=', '>', '>=');
const condition = fc.oneof(
  fc.tuple(columnText, comparison, literal).map(([c, op, v]) => `${c} ${op} ${v}`),
  fc.tuple(literal, comparison, columnText).map(([v, op, c]) => `${v} ${op} ${c}`),
  fc.tuple(columnText, comparison, columnText).map(([a, op, b]) => `${a} ${op} ${b}`),
  fc.tuple(columnText, fc.boolean()).map(([c, not]) => `${c} IS ${not ? 'NOT ' : ''}NULL`),
  fc.tuple(columnText, fc.boolean(), fc.array(literal, { minLength: 1, maxLength: 4 })).map(([c, not, vs]) => `${c} ${not ? 'NOT ' : ''}IN (${vs.join(', ')})`),
);
const predicateText: fc.Arbitrary<string> = fc.letrec((tie) => ({
  p: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    condition,
    fc.tuple(tie('p'), fc.constantFrom('AND', 'OR', 'and', 'Or'), tie('p')).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('p').map((p) => `NOT (${p})`),
    tie('p').map((p) => `(${p})`)),
})).p as fc.Arbitrary<string>;
const mutated = fc.tuple(predicateText, fc.nat(), fc.string({ maxLength: 3 }), fc.nat({ max: 3 }))
  .map(([text, at, insert, cut]) => text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + cut));

let duckdb: SqlEngine;
beforeAll(async () => {
  duckdb = await openNodeSqlEngine();
  const specs = Object.entries(types).map(([name, type]) => ({ name, type, nullable: true }));
  await duckdb.registerArrow('t', toArrowTable(rows.map((row, i) => ({ ...row, __row: i })), [...specs, { name: '__row', type: 'integer', nullable: false }]));
}, 60_000);
afterAll(() => duckdb?.close());

const sqlOf = (column: string) => column.split('.').map(quoteIdentifier).join('.');

describe('fuzzing predicates and their SQL', () => {
  it('any text: a predicate or a LakeError', async () => {
    await fuzz('parsePredicate(random text)', fc.oneof(fc.string({ maxLength: 80 }), mutated), (text) => parsePredicate(text), fuzzRuns(5_000));
  });

  it('predicates from the grammar: the same truth in TypeScript and duckdb-wasm for every row', async () => {
    let compared = 0;
    await fuzz('parsePredicate + toDuckdbPredicate vs evaluatePredicate', fc.oneof(predicateText, mutated), async (text) => {
      const predicate = parsePredicate(text);
      // Lakelab refuses unknown columns and unlike comparisons before any SQL runs.
      if ([...columnsOf(predicate)].some((c) => !(c in types)) || checkComparableColumns(predicate, typeOf)) return;
      const sql = `SELECT __row, ${toDuckdbPredicate(predicate, { sqlOf, typeOf })} AS truth FROM t ORDER BY __row`;
      const inDuckdb = (await duckdb.query(sql)).toArray().map((r) => (r as { truth: boolean | null }).truth);
      expect(inDuckdb, `${text}\n${sql}`).toEqual(rows.map((row) => evaluatePredicate(predicate, (c) => row[c], typeOf)));
      compared++;
    }, fuzzRuns(400));
    console.log(`  of which ${compared} ran in duckdb-wasm and agreed with TypeScript on all ${rows.length} rows`);
  });
});
