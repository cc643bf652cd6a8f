/** Marks duckdb-wasm's start leaves on the page's performance timeline (DevTools shows them; the browser bench reads them). */
export const duckdbMarks = { start: 'lakelab:duckdb-start', instantiated: 'lakelab:duckdb-instantiated', connected: 'lakelab:duckdb-connected' } as const;
