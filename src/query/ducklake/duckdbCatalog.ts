/**
 * A DuckDB catalog file opened read-only in duckdb-wasm: the bytes registered as a file, then
 * `ATTACH ... (READ_ONLY)` with plain SQL over its tables (no ducklake extension is loaded or
 * needed). The engine is the catalog's own connection: `USE` makes its names unqualified.
 */
import type { Table } from 'apache-arrow';
import { LakeError } from '../../core/errors.ts';
import type { SqlEngine } from '../duckdbEngine.ts';
import { toPlainRows } from '../arrowToPlain.ts';
import { toCatalogColumns, toCatalogRows } from './catalogRowsFromArrow.ts';
import type { CatalogFile, OpenCatalogOptions } from './catalogFile.ts';
import { duckdbSize } from './catalogFormat.ts';

let opened = 0;

export async function openDuckdbCatalog(engine: SqlEngine, name: string, bytes: Uint8Array, options: OpenCatalogOptions = {}): Promise<CatalogFile> {
  const alias = `lakelab_catalog_${++opened}`;
  const file = `${alias}.duckdb`;
  await engine.registerFile(file, bytes);
  // A writable database's write-ahead log in memory too: in Node, duckdb-wasm would put it on disk beside the process.
  if (options.writable) await engine.registerFile(`${file}.wal`, new Uint8Array(0));
  try {
    await engine.query(`ATTACH '${file}' AS ${alias}${options.writable ? '' : ' (READ_ONLY)'}`);
  } catch (error) {
    await engine.close();
    const message = error instanceof Error ? error.message.split('\n')[0]?.replace(/^SQL: /, '') : String(error);
    throw new LakeError('Corrupt', `${name}: cannot open it as a DuckDB database (${message})`, { cause: error });
  }
  await engine.query(`USE ${alias}`);
  const run = async (sql: string): Promise<Table> => {
    try {
      return await engine.query(sql);
    } catch (error) {
      throw new LakeError('Corrupt', `${name}: ${error instanceof Error ? error.message.replace(/^SQL: /, '') : String(error)}`, { cause: error });
    }
  };
  const emptyTables = new Set<string>();
  return {
    dialect: 'duckdb',
    format: 'duckdb',
    name,
    emptyTables,
    async listTables() {
      // One query for every table's columns and row count (DuckDB keeps it: empty tables are not read).
      const rows = toPlainRows(await run(`SELECT t.table_name, c.column_name, t.estimated_size FROM duckdb_tables() t JOIN duckdb_columns() c USING (database_name, schema_name, table_name) WHERE t.database_name = '${alias}' AND t.schema_name = 'main' ORDER BY t.table_name, c.column_index`));
      const tables = new Map<string, string[]>();
      emptyTables.clear();
      for (const row of rows) {
        const table = String(row.table_name).toLowerCase();
        const list = tables.get(table) ?? [];
        list.push(String(row.column_name).toLowerCase());
        tables.set(table, list);
        if (Number(row.estimated_size) === 0) emptyTables.add(table);
      }
      return tables;
    },
    async query(sql) {
      return toCatalogRows(await run(sql));
    },
    async queryColumns(sql) {
      return toCatalogColumns(await run(sql));
    },
    async queryTyped(sql) {
      return run(sql);
    },
    ...(options.writable ? {
      async transact(statements: readonly string[]) {
        await engine.query('BEGIN TRANSACTION');
        try {
          for (const sql of statements) await engine.query(sql);
          await engine.query('COMMIT');
        } catch (error) {
          await engine.query('ROLLBACK').catch(() => undefined);
          throw new LakeError('Corrupt', `${name}: the commit was refused by the catalog database, nothing of it was written (${error instanceof Error ? error.message.split('\n')[0]?.replace(/^SQL: /, '') : String(error)})`, { cause: error });
        }
      },
    } : {}),
    async exportBytes() {
      // Everything into the file itself (no WAL beside it), then its bytes.
      if (options.writable) await engine.query(`CHECKPOINT ${alias}`);
      const bytes = await engine.exportFile(file);
      // DuckDB drops free blocks from the end of the file but its header still counts them: give
      // the file the length its header says (zeros: free blocks), as a complete download has.
      const size = duckdbSize(bytes);
      if (size <= bytes.length) return bytes;
      const padded = new Uint8Array(size);
      padded.set(bytes);
      return padded;
    },
    async close() {
      await engine.query(`USE memory`).catch(() => undefined);
      await engine.query(`DETACH ${alias}`).catch(() => undefined);
      await engine.drop(file);
      if (options.writable) await engine.drop(`${file}.wal`);
      await engine.close();
    },
  };
}
