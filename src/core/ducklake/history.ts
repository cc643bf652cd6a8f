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
  // The same changes_made text names the same objects over a range of snapshots (until one is
  // renamed, dropped or re-created): its words are made once for that range, and shared.
  const described = new Map<string, { changes: DescribedChange[]; from: Id; until: Id }>();
  const entries = new Array<DucklakeHistoryEntry>(count);
  for (let i = 0; i < count; i++) {
    const snapshot = snapshots[snapshots.length - 1 - i]!;
    const row = catalog.changes.get(snapshot.snapshot_id);
    const text = row?.changes_made ?? null;
    const cached = text === null ? undefined : described.get(text);
    let changes: DescribedChange[];
    if (cached && cached.from <= snapshot.snapshot_id && snapshot.snapshot_id < cached.until) {
      changes = cached.changes;
    } else {
      changes = [];
      let from = Number.NEGATIVE_INFINITY;
      let until = Number.POSITIVE_INFINITY;
      for (const change of parseChangesMade(text)) {
        const one = describeOver(names, change, snapshot.snapshot_id);
        changes.push(one.change);
        from = Math.max(from, one.from);
        until = Math.min(until, one.until);
      }
      if (text !== null) described.set(text, { changes, from, until });
    }
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

/** The change in words, and the snapshots [from, until) over which the same words hold. */
function describeOver(names: ObjectNames, change: SnapshotChange, snapshotId: Id): { change: DescribedChange; from: Id; until: Id } {
  if (change.kind === 'unknown') return { change: { kind: 'unknown', target: change.text, words: change.text }, from: Number.NEGATIVE_INFINITY, until: Number.POSITIVE_INFINITY };
  if (change.id === undefined) {
    const target = [change.schema, change.name].filter((p) => p !== undefined).join('.');
    return { change: { kind: change.kind, id: change.id, target, words: `${changeWords(change.kind)} ${target}` }, from: Number.NEGATIVE_INFINITY, until: Number.POSITIVE_INFINITY };
  }
  const named = nameOf(names, change.kind, change.id, snapshotId);
  return { change: { kind: change.kind, id: change.id, target: named.name, words: `${changeWords(change.kind)} ${named.name}` }, from: named.from, until: named.until };
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

/**
 * What an id named: at the snapshot itself, or just before it for what the snapshot dropped;
 * with the snapshots [from, until) over which it names the same (one snapshot when unknown).
 */
function nameOf(names: ObjectNames, kind: ChangeKind, id: Id, snapshotId: Id): { name: string; from: Id; until: Id } {
  const shift = kind.startsWith('dropped_') ? 1 : 0;
  const at = snapshotId - shift;
  const only = { from: snapshotId, until: snapshotId + 1 };
  const over = (versions: (Named | undefined)[]) => {
    let from = Number.NEGATIVE_INFINITY;
    let until = Number.POSITIVE_INFINITY;
    for (const v of versions) {
      if (!v) return only;
      from = Math.max(from, v.begin_snapshot + shift);
      until = Math.min(until, (v.end_snapshot ?? Number.POSITIVE_INFINITY) + shift);
    }
    return { from, until };
  };
  if (kind === 'dropped_schema') {
    const schema = versionAt(names.schemas.get(id), at);
    return { name: schema?.name ?? `schema ${id}`, ...over([schema]) };
  }
  const [map, word] = kind.endsWith('_view') ? [names.views, 'view'] : kind.endsWith('_macro') ? [names.macros, 'macro'] : [names.tables, 'table'];
  const object = versionAt(map.get(id), at);
  if (!object) return { name: `${word} ${id}`, ...only };
  const schemaId = object.schemaId as Id;
  const schema = versionAt(names.schemas.get(schemaId), at);
  return { name: `${schema?.name ?? `schema ${schemaId}`}.${object.name}`, ...over([object, schema]) };
}
