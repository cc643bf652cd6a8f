/**
 * Predicates of any size: at the limits (1,000 conditions, parentheses and NOT 100 deep) every
 * walk works (evaluation, file skipping, columns, the SQL duckdb-wasm runs, which agrees with
 * TypeScript); past them, and at any depth or length, a refusal that names the limit and
 * quotes only the start of the text (a chain of 5,000 ORs or 10,000 parentheses overflowed the stack).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePredicate, predicateLimits } from '../core/delta/parsePredicate.ts';
import { columnsOf, evaluatePredicate } from '../core/delta/predicate.ts';
import { canSkipFile } from '../core/delta/fileSkipping.ts';
import type { SqlEngine } from './duckdbEngine.ts';
import { openNodeSqlEngine } from './duckdbNode.ts';
import { toArrowTable } from './jsonToArrow.ts';
import { toDuckdbPredicate } from './predicateSql.ts';

const chain = (n: number, join: string) => Array.from({ length: n }, (_, i) => `id = ${i * 2}`).join(` ${join} `);
const nested = (depth: number) => `${'('.repeat(depth - 1)}NOT (id = 3)${')'.repeat(depth - 1)}`;

describe('predicate limits', () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await openNodeSqlEngine();
    await engine.registerArrow('t', toArrowTable(Array.from({ length: 50 }, (_, id) => ({ id })), [{ name: 'id', type: 'long', nullable: false }]));
  }, 60_000);
  afterAll(() => engine?.close());

  it.each([
    ['1,000 conditions joined by OR', chain(predicateLimits.conditions, 'OR')],
    ['parentheses and NOT nested 100 deep', nested(predicateLimits.nesting / 2)],
  ])('%s: evaluated, used to skip files and run as SQL, agreeing row by row', async (_what, text) => {
    const predicate = parsePredicate(text);
    expect([...columnsOf(predicate)]).toEqual(['id']);
    canSkipFile(predicate, { partitionValues: new Map(), stats: { numRecords: 1, minValues: { id: 0 }, maxValues: { id: 10 }, nullCount: { id: 0 } }, statsKeyOf: (c) => c, typeOf: () => 'long' });
    const sql = toDuckdbPredicate(predicate, { sqlOf: () => 'id', typeOf: () => 'long' });
    const duck = (await engine.query(`SELECT id FROM t WHERE ${sql} ORDER BY id`)).toArray().map((r) => Number((r as { id: bigint }).id));
    const ts = Array.from({ length: 50 }, (_, id) => id).filter((id) => evaluatePredicate(predicate, () => id, () => 'long') === true);
    expect(duck).toEqual(ts);
  });

  it.each([
    ['1,001 conditions', chain(predicateLimits.conditions + 1, 'AND'), 'more than 1,000 conditions'],
    ['100,000 conditions', chain(100_000, 'OR'), 'more than 1,000 conditions'],
    ['parentheses 101 deep', `${'('.repeat(101)}id = 1${')'.repeat(101)}`, 'nest more than 100 deep'],
    ['NOT 100,000 deep', `${'NOT '.repeat(100_000)}id = 1`, 'nest more than 100 deep'],
  ])('%s: refused, naming the limit', (_what, text, why) => {
    let message = '';
    try {
      parsePredicate(text);
    } catch (error) {
      expect(error).toMatchObject({ code: 'InvalidInput' });
      message = (error as Error).message;
    }
    expect(message).toContain(why);
    expect(message.length).toBeLessThan(600);
  });
});
