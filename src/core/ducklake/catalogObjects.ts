/**
 * A catalog's objects at a snapshot for the table picker and the Catalog view: schemas, tables,
 * views and macros there, and the tables that exist only at other snapshots (dropped, or created
 * later), each with the snapshots it spans, so a dropped table can still be opened where it was.
 */
import type { CatalogObjects } from '../table.ts';
import type { DucklakeCatalog } from './catalog.ts';
import { catalogAt } from './catalogAt.ts';
import type { Id, TableRow } from './catalogRows.ts';
import { isVisibleAt } from './visibility.ts';

export function toCatalogObjects(catalog: DucklakeCatalog, snapshotId: Id): CatalogObjects {
  const at = catalogAt(catalog, snapshotId);
  const here = new Set(at.tables.map((t) => t.tableId));
  const spans = new Map<Id, TableRow[]>();
  for (const row of catalog.tables) {
    if (here.has(row.table_id)) continue;
    spans.set(row.table_id, [...(spans.get(row.table_id) ?? []), row]);
  }
  const elsewhere = [...spans.values()].map((rows) => {
    const last = rows.reduce((a, b) => (b.begin_snapshot > a.begin_snapshot ? b : a));
    const from = Math.min(...rows.map((r) => r.begin_snapshot));
    const until = rows.some((r) => r.end_snapshot === null) ? null : Math.max(...rows.map((r) => r.end_snapshot ?? 0));
    return { name: `${schemaName(catalog, last.schema_id, last.begin_snapshot)}.${last.table_name}`, from, until };
  }).filter((t) => t.until === null || t.until > t.from);
  return {
    version: snapshotId,
    schemas: at.schemas.map((s) => s.name),
    tables: at.tables.map((t) => ({ name: t.qualifiedName, id: t.tableId })),
    views: at.views.map((v) => ({ name: `${v.schema}.${v.name}`, sql: v.sql })),
    macros: at.macros.map((m) => `${m.schema}.${m.name}`),
    elsewhere: elsewhere.sort((a, b) => a.from - b.from || (a.name < b.name ? -1 : 1)),
  };
}

function schemaName(catalog: DucklakeCatalog, schemaId: Id, snapshotId: Id): string {
  return (catalog.schemas.find((s) => s.schema_id === schemaId && isVisibleAt(s, snapshotId)) ?? catalog.schemas.find((s) => s.schema_id === schemaId))?.schema_name ?? `schema ${schemaId}`;
}

/** The snapshot to show `name` at: `preferred` when the table exists there, else the last snapshot it exists at. */
export function snapshotForTable(catalog: DucklakeCatalog, name: string, preferred: Id): Id | undefined {
  const rows = catalog.tables.filter((t) => `${schemaName(catalog, t.schema_id, t.begin_snapshot)}.${t.table_name}` === name || (!name.includes('.') && t.table_name === name));
  if (rows.some((r) => isVisibleAt(r, preferred) && catalog.snapshots.some((s) => s.snapshot_id === preferred))) return preferred;
  const ends = rows.map((r) => (r.end_snapshot === null ? Number.POSITIVE_INFINITY : r.end_snapshot - 1));
  const last = Math.max(...ends, Number.NEGATIVE_INFINITY);
  if (last === Number.NEGATIVE_INFINITY) return undefined;
  const existing = catalog.snapshots.filter((s) => s.snapshot_id <= last && rows.some((r) => isVisibleAt(r, s.snapshot_id)));
  return existing.at(-1)?.snapshot_id;
}
