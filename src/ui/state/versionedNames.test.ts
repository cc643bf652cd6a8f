import { describe, expect, it } from 'vitest';
import { toVersionedSql } from './versionedNames.ts';

describe('versions named in SQL', () => {
  it.each([
    ['SELECT * FROM t@v7 EXCEPT SELECT * FROM t@v3', 'SELECT * FROM "t@v7" EXCEPT SELECT * FROM "t@v3"', [3, 7]],
    ['SELECT count(*) FROM "t@v2" JOIN t@v2 USING (id)', 'SELECT count(*) FROM "t@v2" JOIN "t@v2" USING (id)', [2]],
    ['SELECT * FROM T@V1', 'SELECT * FROM "t@v1"', [1]],
    // strings, comments, other names and a longer name are left alone
    ["SELECT 't@v3', \"x@v3\" FROM t -- t@v4\n/* t@v5 */", "SELECT 't@v3', \"x@v3\" FROM t -- t@v4\n/* t@v5 */", []],
    ['SELECT * FROM my_t@v3, t@v3x, s.t@v3', 'SELECT * FROM my_t@v3, t@v3x, s.t@v3', []],
    ['SELECT * FROM t', 'SELECT * FROM t', []],
  ])('%s', (sql, rewritten, versions) => {
    expect(toVersionedSql(sql, 't')).toEqual({ sql: rewritten, versions });
  });

  it('a table name that needs quoting', () => {
    expect(toVersionedSql('FROM "my ""t""@v2"', 'my "t"')).toEqual({ sql: 'FROM "my ""t""@v2"', versions: [2] });
  });
});
