/**
 * Predicates on fields inside structs (`--where "all.integer = 5"`) match the rows native
 * DuckDB's WHERE on the same files matches; a field that is not there, or a comparison of a
 * list, map or struct with a value, is refused by name (it matched nothing, silently).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { queryJsonRows, withDuckdb } from './support/duckdbJson.ts';

const dir = join(import.meta.dirname, 'fixtures', 'delta', 'duckdb-generated', 'nested_types_deep');
const files = readdirSync(dir).filter((f) => f.endsWith('.parquet')).map((f) => `'${join(dir, f)}'`).join(', ');

async function scanIds(where: string): Promise<{ code: number; ids: number[]; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['scan', dir, '--columns', 'id', '--where', where], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  const ids = stdout.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: number }).id).sort((a, b) => a - b);
  return { code, ids, stderr };
}

const duckdbIds = (where: string) => withDuckdb(async (db) =>
  (await queryJsonRows(db, `SELECT id FROM read_parquet([${files}]) WHERE ${where} ORDER BY id`)).map((r) => r.id as number));

describe('predicates on nested fields', () => {
  const cases: [lakelab: string, duckdb: string][] = [
    ['all.integer > 0', '"all".integer > 0'],
    ['all.string = \'s29716\'', '"all".string = \'s29716\''],
    ['all.decimal9_2 < 0', '"all".decimal9_2 < 0'],
    ['all.date >= DATE \'2000-01-01\'', '"all".date >= DATE \'2000-01-01\''],
    ['all.boolean = true AND id < 100', '"all".boolean = true AND id < 100'],
    ['all.long IS NULL', '"all".long IS NULL'],
    ['NOT (all.short <= 100) OR all.integer IN (1, 2, 3)', 'NOT ("all".short <= 100) OR "all".integer IN (1, 2, 3)'],
  ];
  it.each(cases)('%s matches what DuckDB matches', async (where, sql) => {
    const expected = await duckdbIds(sql);
    const got = await scanIds(where);
    expect(got).toMatchObject({ code: 0, stderr: '' });
    expect(got.ids).toEqual(expected);
  });

  it('some case matches rows and some does not, so the comparison means something', async () => {
    expect((await duckdbIds('"all".integer > 0')).length).toBeGreaterThan(10);
  });

  it('refuses a field that is not there, naming the fields there are', async () => {
    const got = await scanIds('all.nosuch = 1');
    expect(got.code).not.toBe(0);
    expect(got.stderr).toMatch(/InvalidInput: "all\.nosuch": all has no field "nosuch"; its fields are: byte, short/);
  });

  it('refuses comparing a list (or a map or a struct) with a value, and a step into a list', async () => {
    expect((await scanIds('lists.integer = 1')).stderr).toMatch(/"lists\.integer" is array<integer>: only primitive columns and struct fields can be compared/);
    expect((await scanIds('all = 1')).stderr).toMatch(/"all" is struct</);
    expect((await scanIds('digits.x = 1')).stderr).toMatch(/digits is array<decimal\(1,0\)>, not a struct, so it has no field "x"/);
  });

  it('IS NULL takes a list or a struct', async () => {
    expect((await scanIds('digits IS NULL')).ids).toEqual(await duckdbIds('digits IS NULL'));
  });
});
