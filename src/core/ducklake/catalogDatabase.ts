/**
 * A DuckLake catalog database as core sees it: SQL in, plain rows out. The query layer
 * implements it over duckdb-wasm (DuckDB catalog files) and sql.js (SQLite catalog files),
 * read-only unless opened for writing; core never imports either.
 */
export type CatalogDialect = 'duckdb' | 'sqlite';

export interface CatalogDatabase {
  readonly dialect: CatalogDialect;
  /** What to call the catalog in messages: its file name or path. */
  readonly name: string;
  /**
   * Every table of the catalog's schema with its column names, lower-case. The catalog's own
   * tables (ducklake_*) and its inlined data tables (ducklake_inlined_data_<table>_<version>,
   * ducklake_inlined_delete_<table>) are resolved through it.
   */
  listTables(): Promise<Map<string, string[]>>;
  /**
   * Tables listTables found empty, when the database knows that cheaply (DuckDB keeps row
   * counts): their SELECT is skipped. Optional; never lists a table that has rows.
   */
  readonly emptyTables?: ReadonlySet<string>;
  /**
   * Run one SELECT over the catalog's tables, unqualified names. Contract: integers come back
   * as number (or bigint beyond 2^53), text as string, booleans as boolean or 0/1, null as null,
   * and the SQL that `catalogQueries.ts` writes for this dialect is understood.
   */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** The same result column by column, where the database answers that way (DuckDB: Arrow): one object per row fewer. */
  queryColumns?(sql: string): Promise<CatalogColumns>;
  /**
   * Run a commit's statements (core/ducklake/write/catalogStatements.ts renders them for this
   * dialect) in one transaction: all of them or, on any error, none. Only a catalog opened for
   * writing has it.
   */
  transact?(statements: readonly string[]): Promise<void>;
}

export interface CatalogColumns {
  rowCount: number;
  columns: Record<string, readonly unknown[]>;
}
