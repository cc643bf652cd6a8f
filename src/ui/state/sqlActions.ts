/**
 * The SQL editor's actions. duckdb-wasm and the Arrow code load on the first query (they are
 * not in the initial bundle); the table is registered under its name at the selected version.
 */
import { toLakeError } from '../../core/errors.ts';
import { toSqlTableName } from '../../core/sqlNames.ts';
import type { ExplorerStore, Loadable } from './explorerStore.ts';
import type { TableCaller } from './explorerActions.ts';
import type { RowsResult } from '../../workers/protocol.ts';

export const sqlRowLimit = 10_000;

export interface SqlResult extends RowsResult {
  sql: string;
  total: number;
}

type SqlModule = typeof import('../../query/sqlResults.ts');

export function createSqlActions(store: ExplorerStore, worker: TableCaller, setSql: (value: Loadable<SqlResult>) => void) {
  let module: Promise<SqlModule> | undefined;
  let session: ReturnType<SqlModule['openSqlSession']> | undefined;
  let registered: string | undefined;
  let lastTable: import('apache-arrow').Table | undefined;

  function tableName(): string {
    const label = store.getState().table?.label ?? 't';
    return label;
  }

  /** duckdb-wasm with the table registered under its name at `version`. */
  async function sessionAt(version: number) {
    module ??= import('../../query/sqlResults.ts');
    const m = await module;
    session ??= m.openSqlSession();
    const key = `${store.getState().table?.label}@${version}`;
    if (registered !== key) {
      await session.registerTable(toSqlTableName(tableName()), await worker.call('arrowIpc', [{ version }]));
      registered = key;
    }
    return { m, session };
  }

  /** A SQL query's result as CSV bytes: a write's source rows computed from the table at a version. */
  async function sqlSourceCsv(sql: string, version: number): Promise<ArrayBuffer> {
    const { m, session: s } = await sessionAt(version);
    return new TextEncoder().encode(m.toCsvText(await s.query(sql))).buffer as ArrayBuffer;
  }

  async function runSql(sql: string): Promise<void> {
    setSql({ status: 'loading' });
    try {
      const version = store.getState().selectedVersion ?? 0;
      const { m, session } = await sessionAt(version);
      const table = await session.query(sql);
      lastTable = table;
      const { columns, rows, total } = m.toResultRows(table, sqlRowLimit);
      setSql({ status: 'ready', value: { sql, version, columns, rows, total, truncated: total > rows.length } });
    } catch (error) {
      const e = toLakeError(error);
      setSql({ status: 'error', code: e.code, message: e.message });
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

  /** A new table or version must be registered again before the next query. */
  function forgetRegistration(): void {
    registered = undefined;
  }

  return { runSql, sqlSourceCsv, exportResult, forgetRegistration, sqlTableName: () => tableName() };
}
