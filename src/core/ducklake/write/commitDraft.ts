/**
 * One snapshot being written: the ids it takes (snapshot_id = latest + 1, next_catalog_id,
 * next_file_id), the changes it makes (the extension's changes_made tokens), the catalog
 * statements so far, and the table stats it updates (written once, at the end). The plans
 * (planCreateTable, planInsert, planDelete) add to a draft; finishCommit adds the
 * ducklake_snapshot and ducklake_snapshot_changes rows and fits every row to the catalog's
 * spec version (columns its version lacks are left out).
 */
import { LakeError } from '../../errors.ts';
import type { Rng } from '../../rng.ts';
import type { DucklakeCatalog } from '../catalog.ts';
import type { Id, SnapshotRow, TableColumnStatsRow, TableStatsRow } from '../catalogRows.ts';
import type { CatalogTableName } from '../catalogLayout.ts';
import type { CatalogStatement, CatalogValue } from './catalogStatements.ts';

export interface CommitDraft {
  readonly catalog: DucklakeCatalog;
  /** The snapshot this commit reads (the latest) and the one it writes. */
  readonly readSnapshot: SnapshotRow;
  readonly snapshotId: Id;
  schemaVersion: number;
  nextCatalogId: Id;
  nextFileId: Id;
  readonly statements: CatalogStatement[];
  readonly changes: string[];
  readonly tableStats: Map<Id, TableStatsRow>;
  readonly columnStats: Map<Id, Map<Id, TableColumnStatsRow>>;
  /** Milliseconds since the epoch, for the snapshot time and the UUIDs. */
  readonly now: number;
  readonly rng: Rng;
}

export function beginCommit(catalog: DucklakeCatalog, options: { now: number; rng: Rng }): CommitDraft {
  const read = catalog.snapshots.at(-1);
  if (!read) throw new LakeError('Corrupt', `${catalog.name}: a DuckLake catalog without snapshots (ducklake_snapshot is empty)`);
  return {
    catalog,
    readSnapshot: read,
    snapshotId: read.snapshot_id + 1,
    schemaVersion: read.schema_version,
    nextCatalogId: read.next_catalog_id,
    nextFileId: read.next_file_id,
    statements: [],
    changes: [],
    tableStats: new Map(),
    columnStats: new Map(),
    now: options.now,
    rng: options.rng,
  };
}

export function addChange(draft: CommitDraft, token: string): void {
  if (!draft.changes.includes(token)) draft.changes.push(token);
}

/** The table's stats as this commit has them so far (the catalog's, then this commit's changes). */
export function tableStatsOf(draft: CommitDraft, tableId: Id): TableStatsRow {
  const own = draft.tableStats.get(tableId) ?? draft.catalog.tableStats.find((s) => s.table_id === tableId);
  return own ? { ...own } : { table_id: tableId, record_count: 0, next_row_id: 0, file_size_bytes: 0 };
}

export function columnStatsOf(draft: CommitDraft, tableId: Id): Map<Id, TableColumnStatsRow> {
  let stats = draft.columnStats.get(tableId);
  if (!stats) {
    stats = new Map(draft.catalog.tableColumnStats.filter((s) => s.table_id === tableId).map((s) => [s.column_id, { ...s }]));
    draft.columnStats.set(tableId, stats);
  }
  return stats;
}

export interface CommitInfo {
  author?: string;
  commitMessage?: string;
  commitExtraInfo?: string;
}

export interface FinishedCommit {
  snapshotId: Id;
  changesMade: string;
  statements: CatalogStatement[];
}

/** The whole commit, in the order the executor runs it; undefined when the draft changes nothing. */
export function finishCommit(draft: CommitDraft, info: CommitInfo = {}): FinishedCommit | undefined {
  if (draft.changes.length === 0) return undefined;
  const statements: CatalogStatement[] = [
    {
      kind: 'insert',
      table: 'ducklake_snapshot',
      rows: [{
        snapshot_id: draft.snapshotId,
        snapshot_time: { micros: draft.now * 1000 },
        schema_version: draft.schemaVersion,
        next_catalog_id: draft.nextCatalogId,
        next_file_id: draft.nextFileId,
      }],
    },
    {
      kind: 'insert',
      table: 'ducklake_snapshot_changes',
      rows: [{
        snapshot_id: draft.snapshotId,
        changes_made: draft.changes.join(','),
        author: info.author ?? null,
        commit_message: info.commitMessage ?? null,
        commit_extra_info: info.commitExtraInfo ?? null,
      }],
    },
    ...draft.statements,
  ];
  for (const [tableId, stats] of draft.tableStats) {
    statements.push({ kind: 'replace', table: 'ducklake_table_stats', where: { table_id: tableId }, rows: [{ ...stats }] });
  }
  for (const [tableId, columns] of draft.columnStats) {
    const rows = [...columns.values()].sort((a, b) => a.column_id - b.column_id).map((s) => ({ ...s }) as Record<string, CatalogValue>);
    statements.push({ kind: 'replace', table: 'ducklake_table_column_stats', where: { table_id: tableId }, rows });
  }
  const fitted = statements.map((s) => fitToLayout(s, draft.catalog)).filter((s): s is CatalogStatement => s !== undefined);
  return { snapshotId: draft.snapshotId, changesMade: draft.changes.join(','), statements: fitted };
}

/** Tables a commit writes that older versions do without (ducklake_schema_versions came in 0.3). */
const optionalTables = new Set(['ducklake_schema_versions']);

/** A catalog table's rows with only the columns the catalog's version has, under its name there. */
function fitToLayout(statement: CatalogStatement, catalog: DucklakeCatalog): CatalogStatement | undefined {
  const resolved = catalog.layout.get(statement.table as CatalogTableName);
  if (!resolved) return statement;
  if (!resolved.source && optionalTables.has(statement.table)) return undefined;
  if (!resolved.source) throw new LakeError('Unsupported', `${catalog.name}: a DuckLake ${catalog.version} catalog has no ${statement.table}, which this commit writes`);
  const table = resolved.source;
  if (statement.kind === 'insert' || statement.kind === 'replace') {
    const rows = statement.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => resolved.present.has(column))));
    return { ...statement, table, rows };
  }
  return { ...statement, table };
}
