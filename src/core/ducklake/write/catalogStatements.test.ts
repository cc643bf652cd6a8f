import { describe, expect, it } from 'vitest';
import { toStatementSql, toTimestampText } from './catalogStatements.ts';

describe('catalog statements as SQL', () => {
  it('writes times as DuckDB prints a TIMESTAMPTZ in UTC', () => {
    expect(toTimestampText(Date.UTC(2026, 11, 1, 22, 46, 35) * 1000 + 354465)).toBe('2026-12-01 22:46:35.354465+00');
    expect(toTimestampText(Date.UTC(2026, 0, 1) * 1000)).toBe('2026-01-01 00:00:00+00');
    expect(toTimestampText(Date.UTC(2026, 0, 1) * 1000 + 500000)).toBe('2026-01-01 00:00:00.5+00');
  });

  it('stores values in the classes each database keeps them in', () => {
    const insert = { kind: 'insert' as const, table: 'ducklake_table', rows: [{ table_id: 1, table_uuid: { uuid: 'u' }, path_is_relative: true, table_name: "it's", end_snapshot: null, t: { micros: 0 } }] };
    expect(toStatementSql(insert, 'duckdb')).toEqual([
      `INSERT INTO "ducklake_table" ("table_id", "table_uuid", "path_is_relative", "table_name", "end_snapshot", "t") VALUES (1, CAST('u' AS UUID), TRUE, 'it''s', NULL, CAST('1970-01-01 00:00:00+00' AS TIMESTAMPTZ))`,
    ]);
    expect(toStatementSql(insert, 'sqlite')).toEqual([
      `INSERT INTO "ducklake_table" ("table_id", "table_uuid", "path_is_relative", "table_name", "end_snapshot", "t") VALUES (1, 'u', 1, 'it''s', NULL, '1970-01-01 00:00:00+00')`,
    ]);
  });

  it('ends live rows only, and declares inlined tables as DuckDB\'s sqlite extension does', () => {
    expect(toStatementSql({ kind: 'end', table: 'ducklake_delete_file', idColumn: 'delete_file_id', ids: [3, 4], snapshotId: 7 }, 'sqlite'))
      .toEqual(['UPDATE "ducklake_delete_file" SET "end_snapshot" = 7 WHERE "end_snapshot" IS NULL AND "delete_file_id" IN (3, 4)']);
    const create = { kind: 'createInlinedTable' as const, table: 'ducklake_inlined_data_1_1', columns: [{ name: 'id', duckdbType: 'BIGINT' }, { name: 'v', duckdbType: 'DOUBLE' }, { name: 'b', duckdbType: 'BOOLEAN' }] };
    expect(toStatementSql(create, 'sqlite')[0]).toBe('CREATE TABLE IF NOT EXISTS "ducklake_inlined_data_1_1" ("row_id" BIGINT, "begin_snapshot" BIGINT, "end_snapshot" BIGINT, "id" BIGINT, "v" VARCHAR, "b" BIGINT)');
    expect(toStatementSql(create, 'duckdb')[0]).toContain('"v" DOUBLE, "b" BOOLEAN');
  });
});
