/**
 * A commit to a DuckLake catalog as plain data: the rows it inserts into catalog tables, the
 * rows whose end_snapshot it sets, the tables it replaces rows of (the stats tables) and the
 * inlined data tables it creates; rendered here as SQL for the catalog's database (DuckDB or
 * SQLite, in the storage classes DuckDB's sqlite extension writes: scripts/ducklake/toSqlite.ts).
 * The executor runs the statements of one commit in one transaction.
 */
import { formatIsoMs } from '../../delta/civilTime.ts';
import { LakeError } from '../../errors.ts';
import { quoteIdentifier } from '../../sqlNames.ts';
import type { CatalogDialect } from '../catalogDatabase.ts';
import type { Id } from '../catalogRows.ts';

/** A catalog value: integers, text, booleans; a time as epoch microseconds; a UUID as its text. */
export type CatalogValue = null | number | bigint | string | boolean | { micros: number } | { uuid: string };

export type CatalogStatement =
  | { kind: 'insert'; table: string; rows: Record<string, CatalogValue>[] }
  /** end_snapshot = snapshotId for the live rows whose `idColumn` is one of `ids` (and `where`, when given). */
  | { kind: 'end'; table: string; idColumn: string; ids: readonly (number | bigint)[]; snapshotId: Id; where?: Record<string, number> }
  /** Delete the rows matching `where`, then insert `rows` (ducklake_table_stats, ducklake_table_column_stats). */
  | { kind: 'replace'; table: string; where: Record<string, number>; rows: Record<string, CatalogValue>[] }
  /** An inlined data table: row_id, begin_snapshot, end_snapshot, then the table's columns (DuckDB types). */
  | { kind: 'createInlinedTable'; table: string; columns: { name: string; duckdbType: string }[] };

export function toStatementSql(statement: CatalogStatement, dialect: CatalogDialect): string[] {
  const table = quoteIdentifier(statement.table);
  switch (statement.kind) {
    case 'insert':
      return statement.rows.length === 0 ? [] : [toInsertSql(table, statement.rows, dialect)];
    case 'end': {
      if (statement.ids.length === 0) return [];
      const extra = Object.entries(statement.where ?? {}).map(([c, v]) => ` AND ${quoteIdentifier(c)} = ${toInteger(v)}`).join('');
      return [`UPDATE ${table} SET "end_snapshot" = ${toInteger(statement.snapshotId)} WHERE "end_snapshot" IS NULL AND ${quoteIdentifier(statement.idColumn)} IN (${statement.ids.map(toInteger).join(', ')})${extra}`];
    }
    case 'replace': {
      const where = Object.entries(statement.where).map(([c, v]) => `${quoteIdentifier(c)} = ${toInteger(v)}`).join(' AND ');
      return [`DELETE FROM ${table} WHERE ${where}`, ...(statement.rows.length === 0 ? [] : [toInsertSql(table, statement.rows, dialect)])];
    }
    case 'createInlinedTable': {
      const system = ['"row_id" BIGINT', '"begin_snapshot" BIGINT', '"end_snapshot" BIGINT'];
      const columns = statement.columns.map((c) => `${quoteIdentifier(c.name)} ${dialect === 'duckdb' ? c.duckdbType : toSqliteDeclared(c.duckdbType)}`);
      return [`CREATE TABLE IF NOT EXISTS ${table} (${[...system, ...columns].join(', ')})`];
    }
  }
}

function toInsertSql(table: string, rows: Record<string, CatalogValue>[], dialect: CatalogDialect): string {
  const columns = Object.keys(rows[0]!);
  const values = rows.map((row) => `(${columns.map((c) => toSqlValue(row[c] ?? null, dialect)).join(', ')})`);
  return `INSERT INTO ${table} (${columns.map(quoteIdentifier).join(', ')}) VALUES ${values.join(', ')}`;
}

export function toSqlValue(value: CatalogValue, dialect: CatalogDialect): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return dialect === 'duckdb' ? String(value).toUpperCase() : value ? '1' : '0';
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new LakeError('InvalidInput', `a catalog value cannot be ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return quoteText(value);
  if ('micros' in value) {
    const text = toTimestampText(value.micros);
    return dialect === 'duckdb' ? `CAST(${quoteText(text)} AS TIMESTAMPTZ)` : quoteText(text);
  }
  return dialect === 'duckdb' ? `CAST(${quoteText(value.uuid)} AS UUID)` : quoteText(value.uuid);
}

const quoteText = (text: string) => `'${text.replace(/'/g, "''")}'`;

function toInteger(value: number | bigint): string {
  if (typeof value === 'number' && !Number.isInteger(value)) throw new LakeError('InvalidInput', `not an integer id: ${value}`);
  return String(value);
}

/** DuckDB's text of a TIMESTAMPTZ in UTC: "2026-12-01 22:46:35.354465+00" (the fraction as long as it needs). */
export function toTimestampText(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const iso = formatIsoMs(ms);
  const fraction = String(micros - Math.floor(micros / 1_000_000) * 1_000_000).padStart(6, '0').replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`;
}

/** SQLiteUtils::ToSQLiteType, with ducklake's rule for inlined FLOAT and DOUBLE (stored as text to keep NaN). */
function toSqliteDeclared(duckdbType: string): string {
  if (['BOOLEAN', 'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER'].includes(duckdbType)) return 'BIGINT';
  if (duckdbType === 'BLOB') return 'BLOB';
  return 'VARCHAR';
}
