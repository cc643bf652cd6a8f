/**
 * A SQLite catalog file opened in sql.js, read-only (the bytes live in memory; nothing is
 * written back). Integers come back exact (bigint past 2^53). Inlined data, which DuckDB's
 * sqlite extension stores as INTEGER, REAL, TEXT or BLOB, is cast to the DuckDB types the
 * columns have by duckdb-wasm, started on first need.
 */
import type { Table } from 'apache-arrow';
import { toArrowTable } from '../jsonToArrow.ts';
import { LakeError } from '../../core/errors.ts';
import { quoteIdentifier } from '../../core/sqlNames.ts';
import type { SqlEngine } from '../duckdbEngine.ts';
import type { CatalogFile, OpenCatalogOptions } from './catalogFile.ts';
import { loadSqlJs, type SqlJsDatabase } from './sqlJs.ts';

let casts = 0;

export async function openSqliteCatalog(name: string, bytes: Uint8Array, openEngine: () => Promise<SqlEngine>, options: OpenCatalogOptions = {}): Promise<CatalogFile> {
  const sqlJs = await loadSqlJs();
  let db: SqlJsDatabase;
  try {
    db = new sqlJs.Database(bytes);
    if (!options.writable) db.exec('PRAGMA query_only = 1');
    db.exec('SELECT count(*) FROM sqlite_master');
  } catch (error) {
    throw new LakeError('Corrupt', `${name}: cannot open it as a SQLite database (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  let engine: Promise<SqlEngine> | undefined;
  const query = (sql: string): Record<string, unknown>[] => {
    try {
      const statement = db.prepare(sql);
      try {
        const columns = statement.getColumnNames();
        const rows: Record<string, unknown>[] = [];
        while (statement.step()) {
          const values = (statement.get as (params: null, config: { useBigInt: boolean }) => unknown[])(null, { useBigInt: true });
          const row: Record<string, unknown> = {};
          columns.forEach((column, i) => { row[column] = toSafeInteger(values[i]); });
          rows.push(row);
        }
        return rows;
      } finally {
        statement.free();
      }
    } catch (error) {
      throw new LakeError('Corrupt', `${name}: ${error instanceof Error ? error.message : String(error)}\n  in: ${sql}`, { cause: error });
    }
  };
  return {
    dialect: 'sqlite',
    format: 'sqlite',
    name,
    async listTables() {
      const rows = query(`SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY m.name, p.cid`);
      const tables = new Map<string, string[]>();
      for (const row of rows) {
        const table = String(row.table_name).toLowerCase();
        const list = tables.get(table) ?? [];
        list.push(String(row.column_name).toLowerCase());
        tables.set(table, list);
      }
      return tables;
    },
    async query(sql) {
      return query(sql);
    },
    async queryTyped(sql, types) {
      const rows = query(sql);
      const names = rows[0] ? Object.keys(rows[0]) : types.map((_, i) => `c${i}`);
      const texts = rows.map((row) => Object.fromEntries(names.map((column) => [column, toText(row[column])])));
      engine ??= openEngine();
      const sqlEngine = await engine;
      const table = `lakelab_sqlite_cast_${++casts}`;
      // Built buffer by buffer (toArrowTable): Arrow's builders compile a validity check with new Function, which the page's CSP forbids.
      await sqlEngine.registerArrow(table, toArrowTable(texts, names.map((column) => ({ name: column, type: 'string' as const, nullable: true }))));
      try {
        const list = names.map((column, i) => `CAST(${quoteIdentifier(column)} AS ${types[i] ?? 'VARCHAR'}) AS ${quoteIdentifier(column)}`).join(', ');
        return await sqlEngine.query(`SELECT ${list} FROM ${quoteIdentifier(table)}`);
      } catch (error) {
        throw new LakeError('Corrupt', `${name}: inlined data does not read as its column types (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, { cause: error });
      } finally {
        await sqlEngine.drop(table);
      }
    },
    ...(options.writable ? {
      async transact(statements: readonly string[]) {
        db.exec('BEGIN');
        try {
          for (const sql of statements) db.exec(sql);
          db.exec('COMMIT');
        } catch (error) {
          try { db.exec('ROLLBACK'); } catch { /* already rolled back */ }
          throw new LakeError('Corrupt', `${name}: the commit was refused by the catalog database, nothing of it was written (${error instanceof Error ? error.message : String(error)})`, { cause: error });
        }
      },
    } : {}),
    async exportBytes() {
      return db.export();
    },
    async close() {
      db.close();
      if (engine) await (await engine).close();
    },
  };
}

function toSafeInteger(value: unknown): unknown {
  if (typeof value !== 'bigint') return value;
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
}

/** A stored value as the text DuckDB casts from: numbers exactly, BLOBs as \x escapes. */
function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return Array.from(value, (b) => `\\x${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  return String(value);
}
