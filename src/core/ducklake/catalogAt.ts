/** The catalog as a snapshot sees it: its schemas, tables, views and macros, each table's columns. */
import { LakeError } from '../errors.ts';
import type { DucklakeCatalog } from './catalog.ts';
import type { Id, SchemaRow, TableRow } from './catalogRows.ts';
import { toColumnTree, type DucklakeField } from './columnTree.ts';
import { isVisibleAt } from './visibility.ts';

export interface CatalogTable {
  tableId: Id;
  schema: string;
  name: string;
  /** "schema.table" */
  qualifiedName: string;
  uuid: string | null;
  columns: DucklakeField[];
}

export interface CatalogView {
  viewId: Id;
  schema: string;
  name: string;
  dialect: string | null;
  sql: string | null;
  columnAliases: string | null;
}

export interface CatalogMacro {
  macroId: Id;
  schema: string;
  name: string;
  implementations: { dialect: string | null; sql: string | null; type: string | null }[];
}

export interface CatalogAtSnapshot {
  snapshotId: Id;
  schemas: { schemaId: Id; name: string; uuid: string | null }[];
  tables: CatalogTable[];
  views: CatalogView[];
  macros: CatalogMacro[];
}

export function checkSnapshot(catalog: DucklakeCatalog, snapshotId: Id): void {
  if (!catalog.snapshots.some((s) => s.snapshot_id === snapshotId)) {
    const first = catalog.snapshots[0]?.snapshot_id;
    const last = catalog.snapshots.at(-1)?.snapshot_id;
    const range = first === undefined ? 'it has none' : `it has ${first}..${last}`;
    throw new LakeError('NotFound', `${catalog.name}: no snapshot ${snapshotId} (${range})`);
  }
}

function schemaNames(catalog: DucklakeCatalog, snapshotId: Id): Map<Id, SchemaRow> {
  return new Map(catalog.schemas.filter((s) => isVisibleAt(s, snapshotId)).map((s) => [s.schema_id, s]));
}

export function catalogAt(catalog: DucklakeCatalog, snapshotId: Id): CatalogAtSnapshot {
  checkSnapshot(catalog, snapshotId);
  const schemas = schemaNames(catalog, snapshotId);
  const schemaOf = (id: Id) => schemas.get(id)?.schema_name ?? `schema ${id}`;
  const byName = <T extends { schema: string; name: string }>(a: T, b: T) => (a.schema === b.schema ? (a.name < b.name ? -1 : 1) : a.schema < b.schema ? -1 : 1);
  return {
    snapshotId,
    schemas: [...schemas.values()].map((s) => ({ schemaId: s.schema_id, name: s.schema_name, uuid: s.schema_uuid })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    tables: catalog.tables.filter((t) => isVisibleAt(t, snapshotId)).map((t) => toCatalogTable(catalog, t, schemaOf(t.schema_id), snapshotId)).sort(byName),
    views: catalog.views
      .filter((v) => isVisibleAt(v, snapshotId))
      .map((v) => ({ viewId: v.view_id, schema: schemaOf(v.schema_id), name: v.view_name, dialect: v.dialect, sql: v.sql, columnAliases: v.column_aliases }))
      .sort(byName),
    macros: catalog.macros
      .filter((m) => isVisibleAt(m, snapshotId))
      .map((m) => ({
        macroId: m.macro_id,
        schema: schemaOf(m.schema_id),
        name: m.macro_name,
        implementations: catalog.macroImpls.filter((i) => i.macro_id === m.macro_id).map((i) => ({ dialect: i.dialect, sql: i.sql, type: i.type })),
      }))
      .sort(byName),
  };
}

function toCatalogTable(catalog: DucklakeCatalog, row: TableRow, schema: string, snapshotId: Id): CatalogTable {
  return {
    tableId: row.table_id,
    schema,
    name: row.table_name,
    qualifiedName: `${schema}.${row.table_name}`,
    uuid: row.table_uuid,
    columns: toColumnTree(catalog.columns, row.table_id, snapshotId, catalog.name),
  };
}

/**
 * The table called `name` ("schema.table", or "table" in schema main) at `snapshotId`, or
 * NotFound naming the tables there are.
 */
export function findTable(catalog: DucklakeCatalog, name: string, snapshotId: Id): CatalogTable {
  checkSnapshot(catalog, snapshotId);
  const dot = name.indexOf('.');
  const schema = dot < 0 ? 'main' : name.slice(0, dot);
  const table = dot < 0 ? name : name.slice(dot + 1);
  const schemas = schemaNames(catalog, snapshotId);
  const rows = catalog.tables.filter((t) => isVisibleAt(t, snapshotId));
  const row = rows.find((t) => t.table_name === table && schemas.get(t.schema_id)?.schema_name === schema);
  if (!row) {
    const there = rows.map((t) => `${schemas.get(t.schema_id)?.schema_name ?? '?'}.${t.table_name}`).sort();
    throw new LakeError('NotFound', `${catalog.name}: no table ${schema}.${table} at snapshot ${snapshotId} (${there.length ? `tables: ${there.join(', ')}` : 'no tables'})`);
  }
  return toCatalogTable(catalog, row, schema, snapshotId);
}

/** A table by id at a snapshot, or undefined when it does not exist then. */
export function tableById(catalog: DucklakeCatalog, tableId: Id, snapshotId: Id): CatalogTable | undefined {
  const row = catalog.tables.find((t) => t.table_id === tableId && isVisibleAt(t, snapshotId));
  if (!row) return undefined;
  const schema = catalog.schemas.find((s) => s.schema_id === row.schema_id && isVisibleAt(s, snapshotId))?.schema_name ?? `schema ${row.schema_id}`;
  return toCatalogTable(catalog, row, schema, snapshotId);
}
