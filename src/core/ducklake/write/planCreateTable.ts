/**
 * CREATE TABLE as the ducklake extension commits it: a ducklake_table row (table_id from
 * next_catalog_id, a v7 UUID, path "<name>/" relative to its schema's), one ducklake_column per
 * column (column ids 1..n: the Parquet field ids; type names as DuckLake spells them), a new
 * schema version (ducklake_schema_versions, per table since 1.0) and `created_table:"s"."t"`.
 * Columns are top-level primitives (writeTypes.ts).
 */
import { LakeError } from '../../errors.ts';
import { catalogAt } from '../catalogAt.ts';
import { addChange, type CommitDraft } from './commitDraft.ts';
import { toUuidV7 } from './uuidV7.ts';

export interface NewColumn {
  name: string;
  /** DuckLake's type name: int64, varchar, decimal(10,2), ... */
  type: string;
  nullable?: boolean;
}

const writable = /^(int8|int16|int32|int64|float32|float64|varchar|blob|boolean|date|timestamp|timestamptz|decimal\(\d+,\s*\d+\))$/;

export function planCreateTable(draft: CommitDraft, schemaName: string, tableName: string, columns: readonly NewColumn[]): number {
  const catalog = draft.catalog;
  const at = catalogAt(catalog, draft.readSnapshot.snapshot_id);
  const schema = at.schemas.find((s) => s.name === schemaName);
  if (!schema) throw new LakeError('NotFound', `${catalog.name}: no schema ${schemaName} (it has ${at.schemas.map((s) => s.name).join(', ') || 'none'}); Lakelab creates tables in existing schemas`);
  if (at.tables.some((t) => t.schema === schemaName && t.name.toLowerCase() === tableName.toLowerCase()) || at.views.some((v) => v.schema === schemaName && v.name.toLowerCase() === tableName.toLowerCase())) {
    throw new LakeError('InvalidInput', `${catalog.name}: ${schemaName}.${tableName} already exists`);
  }
  if (columns.length === 0) throw new LakeError('InvalidInput', `${schemaName}.${tableName}: a table needs at least one column`);
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column.name.toLowerCase())) throw new LakeError('InvalidInput', `${schemaName}.${tableName}: column ${column.name} is named twice`);
    seen.add(column.name.toLowerCase());
    if (!writable.test(column.type)) throw new LakeError('Unsupported', `${schemaName}.${tableName}: column ${column.name} is ${column.type}; Lakelab creates columns of int8..int64, float32, float64, decimal(p,s), varchar, blob, boolean, date, timestamp, timestamptz`);
  }
  const tableId = draft.nextCatalogId++;
  draft.schemaVersion += 1;
  draft.statements.push({
    kind: 'insert',
    table: 'ducklake_table',
    rows: [{
      table_id: tableId, table_uuid: { uuid: toUuidV7(draft.now, draft.rng) }, begin_snapshot: draft.snapshotId, end_snapshot: null,
      schema_id: schema.schemaId, table_name: tableName, path: `${tableName}/`, path_is_relative: true,
    }],
  });
  draft.statements.push({
    kind: 'insert',
    table: 'ducklake_column',
    rows: columns.map((column, i) => ({
      column_id: i + 1, begin_snapshot: draft.snapshotId, end_snapshot: null, table_id: tableId, column_order: i + 1,
      column_name: column.name, column_type: column.type.replace(/\s+/g, ''), initial_default: null, default_value: null,
      nulls_allowed: column.nullable ?? true, parent_column: null, default_value_type: 'literal', default_value_dialect: 'duckdb',
    })),
  });
  draft.statements.push({ kind: 'insert', table: 'ducklake_schema_versions', rows: [{ begin_snapshot: draft.snapshotId, schema_version: draft.schemaVersion, table_id: tableId }] });
  addChange(draft, `created_table:${quoteName(schemaName)}.${quoteName(tableName)}`);
  return tableId;
}

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;
