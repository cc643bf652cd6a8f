/**
 * A write's source computed by SQL (e.g. the rows of new CSV batches not yet in the table at a
 * version): the query's result as source rows with their schema, as MERGE and WRITE take them.
 */
import { toDeltaStruct } from './arrowSchema.ts';
import { toResultRows } from './sqlRows.ts';
import type { SqlEngine } from './duckdbEngine.ts';
import type { SourceData } from './sourceRows.ts';

export async function loadSqlSource(engine: SqlEngine, sql: string): Promise<SourceData> {
  const table = await engine.query(sql);
  // The JSON value forms, as Parquet and CSV sources give them: the writers coerce those by type.
  return { rows: toResultRows(table).rows, schema: toDeltaStruct(table.schema.fields) };
}
