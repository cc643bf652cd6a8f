/**
 * The SQL editor's actions. duckdb-wasm and the Arrow code load on the first query (they are
 * not in the initial bundle); the table is registered under its name at the selected version.
 * A result names the version it was computed at, and follows the selected version: when it
 * changes the last query runs again there. Only queries run: a statement that could change the
 * registered table is refused, so every result is the table's at that version.
 */
import { toLakeError } from '../../core/errors.ts';
import { toSqlTableName } from '../../core/sqlNames.ts';
import { checkQueryOnly } from './sqlStatements.ts';
import { toSqlProblem, type SqlPosition } from './sqlErrors.ts';
import type { ExplorerStore, Loadable, OpenTable } from './explorerStore.ts';
import type { TableCaller } from './explorerActions.ts';
import type { RowsResult } from '../../workers/protocol.ts';
import { catalogTableOf } from './tableSources.ts';
import { toVersionedSql, versionedName } from './versionedNames.ts';

export const sqlRowLimit = 10_000;

export interface SqlResult extends RowsResult {
  sql: string;
  total: number;
}

/** A query that failed: what DuckDB (or the check before it) said, and where in the query. */
export interface SqlFailure {
  status: 'error';
  code: string;
  message: string;
  sql: string;
  version: number;
  position?: SqlPosition;
}

export type SqlState = Exclude<Loadable<SqlResult>, { status: 'error' }> | SqlFailure;

export type SqlModule = Pick<typeof import('../../query/sqlResults.ts'), 'openSqlSession' | 'toResultRows' | 'toCsvText' | 'toParquetExport'>;
/** duckdb-wasm in the page (a worker of its own); Node tests pass duckdb-wasm's Node build. */
export type SqlEngineLoader = () => Promise<SqlModule>;

const loadBrowserSql: SqlEngineLoader = () => import('../../query/sqlResults.ts');

export function createSqlActions(store: ExplorerStore, worker: TableCaller, loadEngine: SqlEngineLoader = loadBrowserSql) {
  let module: Promise<SqlModule> | undefined;
  let session: ReturnType<SqlModule['openSqlSession']> | undefined;
  let registered: string | undefined;
  /** Tables registered for `t@vN` names, by table and version. */
  let registeredVersions = new Set<string>();
  let lastTable: import('apache-arrow').Table | undefined;
  let runs = 0;
  let lastSql: string | undefined;
  const setSql = (sql: SqlState) => store.setState({ sql });
  const terms = () => store.getState().terms;

  function tableName(): string {
    return sqlNameOf(store.getState().table);
  }

  /** duckdb-wasm with the table registered under its name at `version`, and as `t@vN` at each version `named`. */
  async function sessionAt(version: number, named: number[] = []) {
    module ??= loadEngine();
    const m = await module;
    session ??= m.openSqlSession();
    const table = store.getState().table;
    const tableKey = `${table?.label}:${catalogTableOf(table) ?? ''}`;
    const key = `${tableKey}@${version}`;
    if (registered !== key) {
      await session.registerTable(tableName(), await worker.call('arrowIpc', [{ version }]));
      registered = key;
    }
    for (const v of named) {
      const versionKey = `${tableKey}@v${v}`;
      if (registeredVersions.has(versionKey)) continue;
      await session.registerTable(versionedName(tableName(), v), await worker.call('arrowIpc', [{ version: v }]));
      registeredVersions.add(versionKey);
    }
    return { m, session };
  }

  /**
   * duckdb-wasm started ahead of the first query, once the page is idle after the first rows
   * (it takes seconds to start; a query typed meanwhile waits only for what is left).
   */
  async function warmUpSql(): Promise<void> {
    module ??= loadEngine();
    const m = await module;
    session ??= m.openSqlSession();
    await session.warmUp?.();
  }

  /** Refuses what is not a query, naming the statement and the table it would change. */
  function failIfNotQuery(sql: string, version: number): SqlFailure | undefined {
    const problem = checkQueryOnly(sql);
    if (!problem) return undefined;
    const before = sql.slice(0, problem.offset).split('\n');
    return {
      status: 'error', code: 'InvalidInput', sql, version,
      message: `only queries run here: ${problem.keyword} could change ${tableName()}, which is the table at ${terms().version} ${version}. Use SELECT, WITH … SELECT, FROM, VALUES, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN or PIVOT${store.getState().writeOperations.length > 0 ? '; to change the table itself, use Write' : ''}.`,
      position: { line: before.length - 1, column: (before[before.length - 1] ?? '').length },
    };
  }

  /** A SQL query's result as CSV bytes: a write's source rows computed from the table at a version. */
  async function sqlSourceCsv(sql: string, version: number): Promise<ArrayBuffer> {
    const refused = failIfNotQuery(sql, version);
    if (refused) throw new Error(`SQL source: ${refused.message}`);
    const versioned = toVersionedSql(sql, tableName());
    const { m, session: s } = await sessionAt(version, versioned.versions);
    return new TextEncoder().encode(m.toCsvText(await s.query(versioned.sql))).buffer as ArrayBuffer;
  }

  async function runSql(sql: string): Promise<void> {
    const run = ++runs;
    lastSql = sql;
    const version = store.getState().selectedVersion ?? 0;
    const refused = failIfNotQuery(sql, version);
    if (refused) return setSql(refused);
    setSql({ status: 'loading' });
    try {
      const versioned = toVersionedSql(sql, tableName());
      const { m, session } = await sessionAt(version, versioned.versions);
      const table = await session.query(versioned.sql);
      if (run !== runs) return;
      lastTable = table;
      const { columns, rows, total } = m.toResultRows(table, sqlRowLimit);
      setSql({ status: 'ready', value: { sql, version, columns, rows, total, truncated: total > rows.length } });
    } catch (error) {
      if (run !== runs) return;
      const e = toLakeError(error);
      setSql({ status: 'error', code: e.code, sql, version, ...toSqlProblem(e.message, sql) });
    }
  }

  /** The last result as a file to download. */
  async function exportResult(format: 'csv' | 'parquet'): Promise<Blob | undefined> {
    if (!lastTable || !module) return undefined;
    const m = await module;
    return format === 'csv'
      ? new Blob([m.toCsvText(lastTable)], { type: 'text/csv' })
      : new Blob([(await m.toParquetExport(lastTable)) as Uint8Array<ArrayBuffer>], { type: 'application/vnd.apache.parquet' });
  }

  /** Another version is selected: the last query runs again there, so no result outlives its version. */
  function followVersion(): void {
    registered = undefined;
    if (lastSql !== undefined && store.getState().sql.status !== 'idle') void runSql(lastSql);
  }

  /** Another table is open: its results are gone with it. */
  function forgetTable(): void {
    registered = undefined;
    registeredVersions = new Set();
    lastTable = undefined;
    lastSql = undefined;
    runs++;
    setSql({ status: 'idle' });
  }

  return { runSql, sqlSourceCsv, exportResult, followVersion, forgetTable, warmUpSql, sqlTableName: () => tableName() };
}

/** The SQL name of the open table: a catalog table's own name ("people" of main.people), else the name of what was opened. */
export function sqlNameOf(table: OpenTable | undefined): string {
  const name = catalogTableOf(table);
  if (name) {
    return toSqlTableName(name.includes('.') ? name.slice(name.indexOf('.') + 1) : name);
  }
  return toSqlTableName(table?.label ?? 't');
}
