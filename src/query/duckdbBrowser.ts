/**
 * duckdb-wasm in the browser, started once and lazily, in its own worker: the eh bundle with
 * extension autoloading off (offline it cannot fetch extensions; Parquet reaches it as Arrow).
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Table } from 'apache-arrow';
import { LakeError } from '../core/errors.ts';
import { quoteIdentifier } from '../core/sqlNames.ts';
import { offlineSettings, toSqlEngine, type SqlEngine } from './duckdbEngine.ts';
import { duckdbMarks } from './duckdbMarks.ts';

export interface SqlSession {
  /** Start duckdb-wasm now (its worker, wasm and connection), so that the first query does not wait for it. */
  warmUp?(): Promise<void>;
  /** Replace table `name` with these Arrow IPC stream bytes. */
  registerTable(name: string, ipc: Uint8Array): Promise<void>;
  query(sql: string): Promise<Table>;
}

let loading: Promise<duckdb.AsyncDuckDB> | undefined;
let starting: Promise<duckdb.AsyncDuckDBConnection> | undefined;

function loadDatabase(): Promise<duckdb.AsyncDuckDB> {
  loading ??= (async () => {
    performance.mark(duckdbMarks.start);
    const worker = new Worker(ehWorkerUrl);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(ehWasmUrl);
    performance.mark(duckdbMarks.instantiated);
    return db;
  })();
  return loading;
}

async function openConnection(db: duckdb.AsyncDuckDB): Promise<duckdb.AsyncDuckDBConnection> {
  const connection = await db.connect();
  for (const sql of offlineSettings) await connection.query(sql);
  return connection;
}

function connect(): Promise<duckdb.AsyncDuckDBConnection> {
  starting ??= loadDatabase().then(openConnection).then((connection) => {
    performance.mark(duckdbMarks.connected);
    return connection;
  });
  return starting;
}

/** The SqlEngine interface in the page: the same worker and database, a connection of its own. */
export async function openBrowserSqlEngine(): Promise<SqlEngine> {
  const db = await loadDatabase();
  const connection = await openConnection(db);
  return toSqlEngine({
    run: async (sql) => (await connection.query(sql)) as unknown as Table,
    insertIpc: async (name, ipc) => { await connection.insertArrowFromIPCStream(ipc, { name, create: true }); },
    registerFile: async (name, bytes) => { await db.registerFileBuffer(name, bytes); },
    dropFile: async (name) => { await db.dropFile(name); },
    copyFile: async (name) => db.copyFileToBuffer(name),
    close: async () => { await connection.close(); },
  });
}

export function openSqlSession(): SqlSession {
  return {
    async warmUp() {
      await connect();
    },
    async registerTable(name, ipc) {
      const connection = await connect();
      await connection.query(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
      await connection.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    async query(sql) {
      const connection = await connect();
      try {
        // package.json makes duckdb-wasm share the app's apache-arrow, so this is the app's Table.
        return (await connection.query(sql)) as unknown as Table;
      } catch (error) {
        throw new LakeError('InvalidInput', `SQL: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    },
  };
}
