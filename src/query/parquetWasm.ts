/**
 * Loads parquet-wasm once, in Node, the page or a worker. The same ESM build runs everywhere;
 * only where its wasm bytes come from differs.
 */
import init, * as parquetWasm from 'parquet-wasm/esm';

export type ParquetWasm = typeof parquetWasm;

let loading: Promise<ParquetWasm> | undefined;

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

export function loadParquetWasm(): Promise<ParquetWasm> {
  loading ??= (async () => {
    if (isNode) {
      const fsModule = 'node:fs/promises';
      const { readFile } = (await import(/* @vite-ignore */ fsModule)) as typeof import('node:fs/promises');
      const wasmPath = new URL(import.meta.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm'));
      await init({ module_or_path: await readFile(wasmPath) });
    } else {
      const { default: wasmUrl } = await import('./parquetWasmUrl.ts');
      await init({ module_or_path: wasmUrl });
    }
    return parquetWasm;
  })();
  return loading;
}
