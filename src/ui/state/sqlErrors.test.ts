import { describe, expect, it } from 'vitest';
import { toSqlProblem } from './sqlErrors.ts';

describe('toSqlProblem', () => {
  it("takes DuckDB's copy of the query line out of the message and keeps the position", () => {
    const raw = 'SQL: Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC 1\n        ^\n  in: SELEC 1';
    expect(toSqlProblem(raw, 'SELEC 1')).toEqual({ message: 'Parser Error: syntax error at or near "SELEC"', position: { line: 0, column: 0 } });
  });

  it('finds the column on a later line', () => {
    const sql = 'SELECT id\nFROM t WHERE nope = 1';
    const raw = 'SQL: Binder Error: Referenced column "nope" not found in FROM clause!\nCandidate bindings: "id"\n\nLINE 2: FROM t WHERE nope = 1\n                     ^';
    expect(toSqlProblem(raw, sql)).toEqual({
      message: 'Binder Error: Referenced column "nope" not found in FROM clause!\nCandidate bindings: "id"',
      position: { line: 1, column: 13 },
    });
  });

  it('points at the end of the query for an error at the end of input', () => {
    expect(toSqlProblem('SQL: Parser Error: syntax error at end of input', 'SELECT *\nFROM t WHERE')).toEqual({
      message: 'Parser Error: syntax error at end of input',
      position: { line: 1, column: 12 },
    });
  });

  it('keeps a message without a position as it is', () => {
    expect(toSqlProblem('SQL: Catalog Error: Table with name x does not exist!', 'SELECT 1')).toEqual({ message: 'Catalog Error: Table with name x does not exist!' });
  });
});
