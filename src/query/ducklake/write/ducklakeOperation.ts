/**
 * The writes Lakelab makes to a DuckLake table, as the page, the CLI and the simulator ask for
 * them: create a table, insert rows, delete rows matching a predicate (every row without one),
 * update (set columns of the matching rows: a delete and an insert in one snapshot).
 */
import type { CommitInfo } from '../../../core/ducklake/write/commitDraft.ts';
import type { NewColumn } from '../../../core/ducklake/write/planCreateTable.ts';
import type { Id } from '../../../core/ducklake/catalogRows.ts';
import type { ObjectStore } from '../../../core/objectStore.ts';
import type { Rng } from '../../../core/rng.ts';
import type { SqlEngine } from '../../duckdbEngine.ts';

export type DucklakeOperation =
  | { kind: 'createTable'; table: string; columns: NewColumn[] }
  | { kind: 'insert'; table: string; rows: readonly Record<string, unknown>[] }
  | { kind: 'delete'; table: string; predicate?: string }
  | { kind: 'update'; table: string; predicate?: string; set: Record<string, string> };

export interface DucklakeWriteContext {
  /** Where the data files are: the store the data path is in, and its key prefix there ('' or ending in '/'). */
  data: { store: ObjectStore; prefix?: string };
  openEngine: () => Promise<SqlEngine>;
  now: () => number;
  rng: Rng;
  commitInfo?: CommitInfo;
}

export interface DucklakeCommitResult {
  /** The snapshot written; null when the operation changed nothing (no rows matched, no rows given). */
  snapshotId: Id | null;
  changesMade: string | null;
  operation: DucklakeOperation['kind'];
  table: string;
  inserted: number;
  deleted: number;
  updated: number;
  /** Keys under the data path of the files written. */
  files: string[];
}
