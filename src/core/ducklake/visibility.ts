/** Which rows of a versioned catalog table a snapshot sees (DuckLake spec, "Snapshots"). */
import type { Id, Versioned } from './catalogRows.ts';

/** begin_snapshot <= S AND (end_snapshot IS NULL OR S < end_snapshot). */
export function isVisibleAt(row: Versioned, snapshotId: Id): boolean {
  return row.begin_snapshot <= snapshotId && (row.end_snapshot === null || snapshotId < row.end_snapshot);
}

export function visibleAt<Row extends Versioned>(rows: readonly Row[], snapshotId: Id): Row[] {
  return rows.filter((row) => isVisibleAt(row, snapshotId));
}

/** The same predicate as SQL, for catalog queries. */
export function visibleAtSql(snapshotId: Id, alias?: string): string {
  const p = alias ? `${alias}.` : '';
  return `${p}"begin_snapshot" <= ${snapshotId} AND (${p}"end_snapshot" IS NULL OR ${snapshotId} < ${p}"end_snapshot")`;
}
