/** The page's SQL module with duckdb-wasm's Node build in place of the browser worker, for the SQL actions' tests. */
import { openNodeSqlEngine } from '../../src/query/duckdbNode.ts';
import type { SqlEngineLoader } from '../../src/ui/state/sqlActions.ts';

export const loadNodeSql: SqlEngineLoader = async () => {
  const results = await import('../../src/query/sqlResults.ts');
  const engine = openNodeSqlEngine();
  return {
    toResultRows: results.toResultRows,
    toCsvText: results.toCsvText,
    toParquetExport: results.toParquetExport,
    openSqlSession: () => ({
      registerTable: async (name, ipc) => (await engine).registerArrow(name, ipc),
      query: async (sql) => (await engine).query(sql),
    }),
  };
};
