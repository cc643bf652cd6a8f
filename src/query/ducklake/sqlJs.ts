/**
 * Loads sql.js (SQLite compiled to wasm) once, in Node, the page or a worker: the only importer
 * of sql.js. Only where its wasm bytes come from differs.
 */
import initSqlJs from 'sql.js';

export type SqlJs = Awaited<ReturnType<typeof initSqlJs>>;
export type SqlJsDatabase = InstanceType<SqlJs['Database']>;

let loading: Promise<SqlJs> | undefined;

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

export function loadSqlJs(): Promise<SqlJs> {
  loading ??= (async () => {
    if (isNode) {
      const fsModule = 'node:fs/promises';
      const { readFile } = (await import(/* @vite-ignore */ fsModule)) as typeof import('node:fs/promises');
      const wasm = await readFile(new URL(import.meta.resolve('sql.js/dist/sql-wasm.wasm')));
      return initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
    }
    const { default: wasmUrl } = await import('./sqlJsWasmUrl.ts');
    return initSqlJs({ locateFile: () => wasmUrl });
  })();
  loading.catch(() => { loading = undefined; });
  return loading;
}
