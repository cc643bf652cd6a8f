// Only the browser loads this module: Vite turns the import into the wasm file's URL.
export { default } from 'sql.js/dist/sql-wasm-browser.wasm?url';
