/**
 * duckdb-wasm in Node: the blocking Node bundle (eh build, no worker), instantiated lazily and
 * once per process; each engine gets its own connection. See docs/decisions/0004.
 */
import { createRequire } from 'node:module';
import { tableFromIPC } from 'apache-arrow';
import { offlineSettings, toSqlEngine, type SqlEngine } from './duckdbEngine.ts';

type Blocking = typeof import('@duckdb/duckdb-wasm/blocking');
type Bindings = Awaited<ReturnType<Blocking['createDuckDB']>>;

const require = createRequire(import.meta.url);
let starting: Promise<Bindings> | undefined;

function loadNodeDuckdb(): Promise<Bindings> {
  starting ??= (async () => {
    const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as Blocking;
    const wasm = (file: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${file}`);
    const bundles = {
      mvp: { mainModule: wasm('duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: wasm('duckdb-eh.wasm'), mainWorker: '' },
    };
    const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await db.instantiate();
    return db;
  })();
  starting.catch(() => { starting = undefined; });
  return starting;
}

export async function openNodeSqlEngine(): Promise<SqlEngine> {
  const db = await loadNodeDuckdb();
  const connection = db.connect();
  for (const sql of offlineSettings) connection.query(sql);
  return toSqlEngine({
    // Results as IPC bytes decoded by the app's apache-arrow: the bundle's CommonJS require gets
    // arrow's CJS build, whose objects the ESM build (the app's) does not recognise (tableToIPC
    // of such a table fails with "AsyncQueue is closed").
    run: async (sql) => tableFromIPC(connection.useUnsafe((bindings, id) => bindings.runQuery(id, sql))),
    insertIpc: async (name, ipc) => { connection.insertArrowFromIPCStream(ipc, { name, create: true }); },
    registerFile: async (name, bytes) => { db.registerFileBuffer(name, bytes); },
    dropFile: async (name) => { db.dropFile(name); },
    copyFile: async (name) => db.copyFileToBuffer(name),
    close: async () => { connection.close(); },
  });
}
