/**
 * A DuckLake table at a snapshot as a duckdb-wasm table, so SQL can query it, as Delta's
 * registerSnapshot does: the rows read as the extension reads them, handed over as Arrow with
 * the fields' types. Lists and maps (and structs holding them) go in as their JSON text, which
 * Lakelab's Arrow writer does not build yet; types DuckDB has but Delta lacks (uuid, time,
 * interval) as their text.
 */
import { tableToIPC, type Table } from 'apache-arrow';
import type { Id } from '../../core/ducklake/catalogRows.ts';
import type { CatalogTable } from '../../core/ducklake/catalogAt.ts';
import type { JsonValue } from '../jsonValues.ts';
import type { DucklakeType } from '../../core/ducklake/columnTree.ts';
import { toSqlTableName } from '../../core/sqlNames.ts';
import type { SqlEngine } from '../duckdbEngine.ts';
import { toArrowTable, type ColumnSpec } from '../jsonToArrow.ts';
import type { OpenDucklake } from './ducklakeCatalog.ts';
import type { DataFiles } from './ducklakeScan.ts';
import { toDeltaType } from './ducklakeValues.ts';

function holdsListOrMap(type: DucklakeType): boolean {
  if (type.kind === 'list' || type.kind === 'map') return true;
  return type.kind === 'struct' && type.fields.some((f) => holdsListOrMap(f.type));
}

/** Registers `tableName` at `snapshotId` as SQL table `name` (the table's name by default) and returns the name. */
export async function registerDucklakeTable(engine: SqlEngine, lake: OpenDucklake, tableName: string, snapshotId: Id, data: DataFiles, options: { name?: string } = {}): Promise<string> {
  const table = lake.table(tableName, snapshotId);
  const name = options.name ?? toSqlTableName(table.name);
  const { rows } = await lake.rows(table, snapshotId, data);
  await engine.registerArrow(name, toDucklakeArrow(table, rows));
  return name;
}

/** A table's rows (JSON forms) as Arrow with the fields' types, lists and maps as JSON text. */
export function toDucklakeArrow(table: CatalogTable, rows: readonly Record<string, JsonValue>[]): Table {
  const asText = new Set(table.columns.filter((c) => holdsListOrMap(c.type)).map((c) => c.name));
  const columns: ColumnSpec[] = table.columns.map((c) => ({ name: c.name, type: asText.has(c.name) ? 'string' : toDeltaType(c.type), nullable: true, fieldId: c.id }));
  const values = asText.size === 0 ? rows : rows.map((row) => {
    const out = { ...row };
    for (const column of asText) out[column] = row[column] === null || row[column] === undefined ? null : JSON.stringify(row[column]);
    return out;
  });
  return toArrowTable(values, columns);
}

/** The same as Arrow IPC stream bytes, to hand to duckdb-wasm's thread. */
export function toDucklakeArrowIpc(table: CatalogTable, rows: readonly Record<string, JsonValue>[]): Uint8Array {
  return tableToIPC(toDucklakeArrow(table, rows), 'stream');
}
