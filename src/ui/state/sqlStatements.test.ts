import { describe, expect, it } from 'vitest';
import { checkQueryOnly } from './sqlStatements.ts';

describe('checkQueryOnly', () => {
  const queries = [
    'SELECT * FROM t',
    'select count(*) from t;',
    'FROM t WHERE id > 1',
    'WITH x AS (SELECT 1 AS a) SELECT * FROM x',
    'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r',
    'WITH x AS MATERIALIZED (FROM t) FROM x',
    '(SELECT 1) UNION ALL (SELECT 2)',
    'VALUES (1), (2)',
    'DESCRIBE t',
    'SUMMARIZE t',
    'SHOW TABLES',
    'EXPLAIN SELECT * FROM t',
    'PIVOT t ON letter USING count(*)',
    'SELECT 1; SELECT 2;',
    "SELECT 'DROP TABLE t; DELETE FROM t' AS s",
    'SELECT "delete", "drop" FROM (SELECT 1 AS "delete", 2 AS "drop")',
    'SELECT 1 -- DROP TABLE t',
    'SELECT 1 /* ; DROP TABLE t */',
    "SELECT E'it\\'s; DROP' AS s",
    'SELECT $$; DROP TABLE t$$ AS s',
    '',
    // Not a statement at all: DuckDB's parser says so, with the position.
    'SELEC 1',
  ];
  for (const sql of queries) {
    it(`lets a query through: ${JSON.stringify(sql)}`, () => expect(checkQueryOnly(sql)).toBeUndefined());
  }

  const changes: [string, string, number][] = [
    ['DROP TABLE t', 'DROP', 0],
    ['  alter table t rename to u', 'ALTER', 2],
    ['DELETE FROM t', 'DELETE', 0],
    ['INSERT INTO t VALUES (1)', 'INSERT', 0],
    ['UPDATE t SET id = 0', 'UPDATE', 0],
    ['CREATE OR REPLACE TABLE t AS SELECT 1', 'CREATE', 0],
    ['SELECT 1; DROP TABLE t', 'DROP', 10],
    ["SELECT ';'; TRUNCATE t", 'TRUNCATE', 12],
    ['WITH x AS (SELECT 1) DELETE FROM t', 'DELETE', 21],
    ['WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x', 'INSERT', 21],
    ['EXPLAIN ANALYZE DELETE FROM t', 'DELETE', 16],
    ["SET search_path = 'other'", 'SET', 0],
    ['USE other', 'USE', 0],
    ["ATTACH 'x.db' AS x", 'ATTACH', 0],
    ['DETACH memory', 'DETACH', 0],
    ["COPY t FROM 'x.csv'", 'COPY', 0],
    ['PRAGMA enable_profiling', 'PRAGMA', 0],
    ['CHECKPOINT', 'CHECKPOINT', 0],
  ];
  for (const [sql, keyword, offset] of changes) {
    it(`refuses ${keyword} in ${JSON.stringify(sql)}`, () => expect(checkQueryOnly(sql)).toEqual({ keyword, offset }));
  }
});
