/**
 * Positional delete files (DuckLake spec: Parquet with `file_path` and `pos`, other columns
 * ignored, like the Iceberg-style extra columns some writers add) and the inlined deletes of
 * ducklake_inlined_delete_<table>: the row positions of a data file a snapshot sees deleted. A
 * delete file whose rows carry _ducklake_internal_snapshot_id holds deletes of several
 * snapshots; only those at or before the snapshot apply. A position past the data file's rows is
 * Corrupt, naming the delete file: never silently ignored.
 */
import type { Table } from 'apache-arrow';
import { LakeError } from '../../core/errors.ts';
import { quoteIdentifier } from '../../core/sqlNames.ts';
import type { CatalogDatabase } from '../../core/ducklake/catalogDatabase.ts';
import type { Id } from '../../core/ducklake/catalogRows.ts';
import { snapshotIdColumn } from './fileRows.ts';

export function toDeletedPositions(table: Table, name: string, snapshotId: Id, recordCount: number): Set<number> {
  const fields = table.schema.fields;
  const posAt = fields.findIndex((f) => f.name === 'pos' || f.metadata.get('PARQUET:field_id') === '2147483645');
  if (posAt < 0) throw new LakeError('Corrupt', `delete file ${name} has no pos column (columns: ${fields.map((f) => f.name).join(', ')})`);
  const snapshotAt = fields.findIndex((f) => f.name === snapshotIdColumn || f.metadata.get('PARQUET:field_id') === '2147483539');
  const positions = table.getChildAt(posAt)!;
  const snapshots = snapshotAt >= 0 ? table.getChildAt(snapshotAt) : null;
  const deleted = new Set<number>();
  for (let i = 0; i < table.numRows; i++) {
    if (!positions.isValid(i)) throw new LakeError('Corrupt', `delete file ${name}: row ${i} has no pos`);
    if (snapshots && Number(snapshots.get(i) as number | bigint) > snapshotId) continue;
    const pos = Number(positions.get(i) as number | bigint);
    if (!Number.isInteger(pos) || pos < 0 || pos >= recordCount) {
      throw new LakeError('Corrupt', `delete file ${name} deletes row ${pos}, but its data file has ${recordCount} rows (positions 0-${recordCount - 1})`);
    }
    deleted.add(pos);
  }
  return deleted;
}

/** ducklake_inlined_delete_<table>: deletes of data-file rows, by data file id, at or before the snapshot. */
export async function loadInlinedDeletes(db: CatalogDatabase, table: string | undefined, snapshotId: Id): Promise<Map<Id, Set<number>>> {
  const out = new Map<Id, Set<number>>();
  if (!table) return out;
  const rows = await db.query(`SELECT "file_id", "row_id" FROM ${quoteIdentifier(table)} WHERE "begin_snapshot" <= ${Math.trunc(snapshotId)}`);
  for (const row of rows) {
    const file = Number(row.file_id);
    const set = out.get(file) ?? new Set<number>();
    set.add(Number(row.row_id));
    out.set(file, set);
  }
  return out;
}
