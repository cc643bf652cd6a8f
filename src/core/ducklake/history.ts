/**
 * A catalog's history, like `FROM lake.snapshots()`: one entry per snapshot, newest first, with
 * its time, schema version, the changes it made in words (ids resolved to the names the objects
 * had then), author, commit message and extra info.
 */
import type { DucklakeCatalog } from './catalog.ts';
import type { Id, Versioned } from './catalogRows.ts';
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
  const names = objectNames(catalog);
  const entries = new Array<DucklakeHistoryEntry>(count);
  for (let i = 0; i < count; i++) {
    const snapshot = snapshots[snapshots.length - 1 - i]!;
    const row = catalog.changes.get(snapshot.snapshot_id);
    const changes: DescribedChange[] = [];
    for (const change of parseChangesMade(row?.changes_made ?? null)) changes.push(describeWith(names, change, snapshot.snapshot_id));
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
  return describeWith(objectNames(catalog), change, snapshotId);
}

function describeWith(names: ObjectNames, change: SnapshotChange, snapshotId: Id): DescribedChange {
  if (change.kind === 'unknown') return { kind: 'unknown', target: change.text, words: change.text };
  const target = change.id === undefined ? [change.schema, change.name].filter((p) => p !== undefined).join('.') : nameOf(names, change.kind, change.id, snapshotId);
  return { kind: change.kind, id: change.id, target, words: `${changeWords(change.kind)} ${target}` };
}

interface Named extends Versioned { schemaId?: Id; name: string }

/** A catalog's schemas, tables, views and macros by id: each id's versions (an object keeps its id across renames). */
interface ObjectNames {
  schemas: Map<Id, Named[]>;
  tables: Map<Id, Named[]>;
  views: Map<Id, Named[]>;
  macros: Map<Id, Named[]>;
}

function objectNames(catalog: DucklakeCatalog): ObjectNames {
  const index = <Row>(rows: readonly Row[], id: (row: Row) => Id, named: (row: Row) => Named): Map<Id, Named[]> => {
    const map = new Map<Id, Named[]>();
    for (const row of rows) {
      const list = map.get(id(row));
      if (list) list.push(named(row));
      else map.set(id(row), [named(row)]);
    }
    return map;
  };
  const versions = (row: Versioned) => ({ begin_snapshot: row.begin_snapshot, end_snapshot: row.end_snapshot });
  return {
    schemas: index(catalog.schemas, (s) => s.schema_id, (s) => ({ ...versions(s), name: s.schema_name })),
    tables: index(catalog.tables, (t) => t.table_id, (t) => ({ ...versions(t), schemaId: t.schema_id, name: t.table_name })),
    views: index(catalog.views, (v) => v.view_id, (v) => ({ ...versions(v), schemaId: v.schema_id, name: v.view_name })),
    macros: index(catalog.macros, (m) => m.macro_id, (m) => ({ ...versions(m), schemaId: m.schema_id, name: m.macro_name })),
  };
}

function versionAt(versions: Named[] | undefined, at: Id): Named | undefined {
  return versions?.find((v) => isVisibleAt(v, at));
}

/** What an id named: at the snapshot itself, or just before it for what the snapshot dropped. */
function nameOf(names: ObjectNames, kind: ChangeKind, id: Id, snapshotId: Id): string {
  const at = kind.startsWith('dropped_') ? snapshotId - 1 : snapshotId;
  if (kind === 'dropped_schema') return versionAt(names.schemas.get(id), at)?.name ?? `schema ${id}`;
  const [map, word] = kind.endsWith('_view') ? [names.views, 'view'] : kind.endsWith('_macro') ? [names.macros, 'macro'] : [names.tables, 'table'];
  const object = versionAt(map.get(id), at);
  if (!object) return `${word} ${id}`;
  const schemaId = object.schemaId as Id;
  return `${versionAt(names.schemas.get(schemaId), at)?.name ?? `schema ${schemaId}`}.${object.name}`;
}

/** The tables a snapshot changed (by id), from its changes_made. */
export function tablesChangedBy(catalog: DucklakeCatalog, snapshotId: Id): Set<Id> {
  const ids = new Set<Id>();
  for (const change of parseChangesMade(catalog.changes.get(snapshotId)?.changes_made ?? null)) {
    if (change.id !== undefined && !change.kind.endsWith('_view') && !change.kind.endsWith('_macro') && change.kind !== 'dropped_schema') ids.add(change.id);
  }
  return ids;
}
