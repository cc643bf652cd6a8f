/**
 * A catalog's history, like `FROM lake.snapshots()`: one entry per snapshot, newest first, with
 * its time, schema version, the changes it made in words (ids resolved to the names the objects
 * had then), author, commit message and extra info.
 */
import type { DucklakeCatalog } from './catalog.ts';
import type { Id } from './catalogRows.ts';
import { changeWords, parseChangesMade, type ChangeKind, type SnapshotChange } from './changesMade.ts';
import { isVisibleAt } from './visibility.ts';

export interface DescribedChange {
  kind: ChangeKind | 'unknown';
  /** The object's id, when the catalog names it by id. */
  id?: Id;
  /** "schema.name", or the schema's name, or "table 7" when the id is not in the catalog. */
  target: string;
  /** "inserted into table main.people" */
  words: string;
}

export interface DucklakeHistoryEntry {
  snapshotId: Id;
  /** Microseconds since the epoch (UTC). */
  snapshotTime: number;
  schemaVersion: number;
  changesMade: string | null;
  changes: DescribedChange[];
  author: string | null;
  commitMessage: string | null;
  commitExtraInfo: string | null;
}

export function toHistory(catalog: DucklakeCatalog, options: { limit?: number } = {}): DucklakeHistoryEntry[] {
  const snapshots = catalog.snapshots;
  const count = Math.min(snapshots.length, options.limit ?? Number.POSITIVE_INFINITY);
  const entries = new Array<DucklakeHistoryEntry>(count);
  for (let i = 0; i < count; i++) {
    const snapshot = snapshots[snapshots.length - 1 - i]!;
    const row = catalog.changes.get(snapshot.snapshot_id);
    const changes: DescribedChange[] = [];
    for (const change of parseChangesMade(row?.changes_made ?? null)) changes.push(describeChange(catalog, change, snapshot.snapshot_id));
    entries[i] = {
      snapshotId: snapshot.snapshot_id,
      snapshotTime: snapshot.snapshot_time,
      schemaVersion: snapshot.schema_version,
      changesMade: row?.changes_made ?? null,
      changes,
      author: row?.author ?? null,
      commitMessage: row?.commit_message ?? null,
      commitExtraInfo: row?.commit_extra_info ?? null,
    };
  }
  return entries;
}

export function describeChange(catalog: DucklakeCatalog, change: SnapshotChange, snapshotId: Id): DescribedChange {
  if (change.kind === 'unknown') return { kind: 'unknown', target: change.text, words: change.text };
  const target = change.id === undefined ? [change.schema, change.name].filter((p) => p !== undefined).join('.') : nameOf(catalog, change.kind, change.id, snapshotId);
  return { kind: change.kind, id: change.id, target, words: `${changeWords(change.kind)} ${target}` };
}

/** What an id named: at the snapshot itself, or just before it for what the snapshot dropped. */
function nameOf(catalog: DucklakeCatalog, kind: ChangeKind, id: Id, snapshotId: Id): string {
  const at = kind.startsWith('dropped_') ? snapshotId - 1 : snapshotId;
  if (kind === 'dropped_schema') return schemaNameAt(catalog, id, at) ?? `schema ${id}`;
  if (kind.endsWith('_view')) {
    const view = catalog.views.find((v) => v.view_id === id && isVisibleAt(v, at));
    return view ? qualifiedAt(catalog, view.schema_id, view.view_name, at) : `view ${id}`;
  }
  if (kind.endsWith('_macro')) {
    const macro = catalog.macros.find((m) => m.macro_id === id && isVisibleAt(m, at));
    return macro ? qualifiedAt(catalog, macro.schema_id, macro.macro_name, at) : `macro ${id}`;
  }
  const table = catalog.tables.find((t) => t.table_id === id && isVisibleAt(t, at));
  return table ? qualifiedAt(catalog, table.schema_id, table.table_name, at) : `table ${id}`;
}

function schemaNameAt(catalog: DucklakeCatalog, schemaId: Id, at: Id): string | undefined {
  return catalog.schemas.find((s) => s.schema_id === schemaId && isVisibleAt(s, at))?.schema_name;
}

function qualifiedAt(catalog: DucklakeCatalog, schemaId: Id, name: string, at: Id): string {
  return `${schemaNameAt(catalog, schemaId, at) ?? `schema ${schemaId}`}.${name}`;
}

/** The tables a snapshot changed (by id), from its changes_made. */
export function tablesChangedBy(catalog: DucklakeCatalog, snapshotId: Id): Set<Id> {
  const ids = new Set<Id>();
  for (const change of parseChangesMade(catalog.changes.get(snapshotId)?.changes_made ?? null)) {
    if (change.id !== undefined && !change.kind.endsWith('_view') && !change.kind.endsWith('_macro') && change.kind !== 'dropped_schema') ids.add(change.id);
  }
  return ids;
}
