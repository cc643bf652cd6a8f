/**
 * Predicates mean the same in TypeScript (evaluatePredicate) and in duckdb-wasm (the SQL
 * predicateSql.ts renders from the parsed predicate): every predicate below is run on every row
 * by both, and each row's truth (true, false, unknown) must agree. The rows and predicates
 * gather what text rewriting gets wrong: quotes, backticks and '' inside strings, names that need
 * quoting (spaces, backticks, double quotes, reserved words, mixed case), and values that do
 * not convert, NaN and NULL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataType } from '../core/delta/schemaTypes.ts';
import { parsePredicate } from '../core/delta/parsePredicate.ts';
import { evaluatePredicate } from '../core/delta/predicate.ts';
import { quoteIdentifier } from '../core/sqlNames.ts';
import type { SqlEngine } from './duckdbEngine.ts';
import { openNodeSqlEngine } from './duckdbNode.ts';
import { toArrowTable } from './jsonToArrow.ts';
import { checkComparableColumns, toDuckdbPredicate } from './predicateSql.ts';

const types: Record<string, DataType> = {
  name: 'string', 'my col': 'string', 'we`ird': 'string', 'say "hi"': 'string', select: 'long', MixedCase: 'double',
  small: 'integer', d: 'date', ts: 'timestamp', amt: 'decimal(10,2)', ok: 'boolean',
};
const typeOf = (column: string) => types[column] ?? 'string';

const rows: Record<string, unknown>[] = [
  { name: '`x`', 'my col': 'x y', 'we`ird': 'w', 'say "hi"': 'a', select: 1, MixedCase: 1.5, small: 1, d: '2021-01-01', ts: '2020-12-31T23:59:59.999999Z', amt: '12.30', ok: true },
  { name: '"x"', 'my col': 'x', 'we`ird': 'w`', 'say "hi"': '"', select: 2, MixedCase: 2, small: 2, d: '2020-12-31', ts: '2021-01-01T00:00:00.000000Z', amt: '12.35', ok: false },
  { name: "it's", 'my col': "it's", 'we`ird': '', 'say "hi"': "'", select: 3, MixedCase: Number.NaN, small: -1, d: '1970-01-01', ts: '1970-01-01T00:00:00.000000Z', amt: '-0.01', ok: null },
  { name: 'a AND b', 'my col': null, 'we`ird': null, 'say "hi"': null, select: null, MixedCase: null, small: null, d: null, ts: null, amt: null, ok: null },
  { name: 'x', 'my col': 'x y', 'we`ird': 'w', 'say "hi"': 'b', select: 9007199254740993n, MixedCase: 3, small: 3, d: '2021-06-30', ts: '2021-06-30T12:00:00.000000Z', amt: '99999999.99', ok: true },
  { name: '5', 'my col': '5', 'we`ird': 'é', 'say "hi"': 'Z', select: -5, MixedCase: -0, small: 0, d: '2021-01-02', ts: '2021-01-01T00:00:00.000001Z', amt: '0.00', ok: false },
];

const predicates = [
  // Quotes and backticks inside string literals, and '' escaping.
  "name = '`x`'", 'name = \'"x"\'', "name = 'it''s'", "name = 'a AND b'", "name <> '`x`'", "name > '`'", "name IN ('`x`', 'it''s')",
  "name NOT IN ('`x`', NULL)", "name IN (NULL)", "name = ''",
  // Names that need quoting, in both quote styles, with the quote doubled inside.
  "`my col` = 'x y'", '"my col" = \'x y\'', "`we``ird` = 'w'", '"we`ird" = \'w`\'', '`say "hi"` = \'"\'', '"say ""hi""" = \'\'\'\'',
  '`select` > 1', '"select" = 2', 'MixedCase > 1.5', '`MixedCase` >= 2', 'NOT (`select` IS NULL)', "`my col` IS NULL OR `we``ird` = ''",
  // Conversions: literals the column's type does not take, numbers against text, text against numbers.
  "`select` = 1.5", "`select` > '2'", "`select` < 'abc'", '`select` = 9007199254740993', '`select` > 9007199254740992', "small < 1.5", "small = '-1'",
  "name = 5", "`my col` = 5", "MixedCase = 'NaN'", 'MixedCase > -1', "MixedCase = 0", "d >= DATE '2021-01-01'", "d = 'not a date'", "d < '2021-01-02 10:00:00'",
  "ts < '2021-01-01 00:00:00'", "ts >= '2021-01-01T00:00:00.000001Z'", "ts = 5", 'amt = 12.3', "amt > '12.30'", 'amt = 12.345', 'amt < 0', 'amt IN (12.3, 0, 99999999.99)',
  'ok = true', "ok != 'false'", 'ok = 1', 'ok IN (true, NULL)',
  // Values on the left, columns on both sides, and three-valued logic.
  "'x' < name", '5 >= `select`', 'name = `my col`', '`select` < MixedCase', 'small <= `select`', "NOT (name = 'x' OR `select` IS NULL)",
  "(name = '`x`' OR name = '\"x\"') AND NOT ok = true", 'MixedCase = MixedCase', "d = d AND ts > ts",
];

let duckdb: SqlEngine;
beforeAll(async () => {
  duckdb = await openNodeSqlEngine();
  const specs = Object.entries(types).map(([name, type]) => ({ name, type, nullable: true }));
  await duckdb.registerArrow('t', toArrowTable(rows.map((row, i) => ({ ...row, __row: i })), [...specs, { name: '__row', type: 'integer', nullable: false }]));
}, 30_000);
afterAll(async () => { await duckdb.close(); });

const sqlOf = (column: string) => column.split('.').map(quoteIdentifier).join('.');

describe('a predicate in TypeScript and in duckdb-wasm', () => {
  it.each(predicates)('%s: the same truth for every row', async (text) => {
    const predicate = parsePredicate(text);
    const inTypeScript = rows.map((row) => evaluatePredicate(predicate, (c) => row[c], typeOf));
    const sql = `SELECT __row, ${toDuckdbPredicate(predicate, { sqlOf, typeOf })} AS truth FROM t ORDER BY __row`;
    const result = (await duckdb.query(sql)).toArray().map((r) => (r as { truth: boolean | null }).truth);
    expect(result).toEqual(inTypeScript);
  });

  it('matches the rows a person means, in both', async () => {
    const matching = async (text: string) => {
      const predicate = parsePredicate(text);
      const names = rows.filter((row) => evaluatePredicate(predicate, (c) => row[c], typeOf) === true).map((r) => r.name);
      const sql = `SELECT name FROM t WHERE ${toDuckdbPredicate(predicate, { sqlOf, typeOf })} ORDER BY __row`;
      expect((await duckdb.query(sql)).toArray().map((r) => (r as { name: string }).name)).toEqual(names);
      return names;
    };
    expect(await matching("name = '`x`'")).toEqual(['`x`']);
    expect(await matching('name = \'"x"\'')).toEqual(['"x"']);
    expect(await matching("name = 'it''s'")).toEqual(["it's"]);
    expect(await matching("`we``ird` = 'w`'")).toEqual(['"x"']);
    expect(await matching('`say "hi"` = \'"\'')).toEqual(['"x"']);
    expect(await matching('`select` = 9007199254740993')).toEqual(['x']);
    expect(await matching('MixedCase >= 1.5')).toEqual(['`x`', '"x"', 'x']);
  });

  it('refuses to compare columns of unlike types, naming them', () => {
    expect(checkComparableColumns(parsePredicate('name = `select`'), typeOf)).toBe('name (string) cannot be compared with select (long): compare columns of one kind of type');
    expect(checkComparableColumns(parsePredicate('small < MixedCase AND d = d'), typeOf)).toBeUndefined();
  });
});
