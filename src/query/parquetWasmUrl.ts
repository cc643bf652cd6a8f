// Only the browser loads this module: Vite turns the import into the wasm file's URL.
export { default } from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
