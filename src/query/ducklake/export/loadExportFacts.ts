/**
 * The facts the export plan needs beyond the catalog rows (core's exportFacts.ts), read once per
 * export: every delete file's positions (with the snapshot of each, where the file records it),
 * the table's inlined deletes, each partial file's row snapshots, and the row ids and lifetimes
 * of its inlined rows, and each data file's Parquet schema (from its footer).
 */
import type { Table } from 'apache-arrow';
import { LakeError } from '../../../core/errors.ts';
import { quoteIdentifier } from '../../../core/sqlNames.ts';
import type { DucklakeCatalog } from '../../../core/ducklake/catalog.ts';
import type { Id } from '../../../core/ducklake/catalogRows.ts';
import { fileLocation, tableBase } from '../../../core/ducklake/dataPaths.ts';
import type { ExportFacts, FileField, InlinedTableFacts } from '../../../core/ducklake/export/exportFacts.ts';
import type { TableFiles } from '../../../core/ducklake/tableFiles.ts';
import { readArrowTable } from '../../parquetRead.ts';
import type { CatalogFile } from '../catalogFile.ts';
import { readData, type DataFiles, type ReadContext } from '../ducklakeScan.ts';
import { snapshotIdColumn } from '../fileRows.ts';
import { loadFileSchema } from './loadFileSchemas.ts';

/**
 * `after`: the snapshot an earlier export holds; files no later snapshot sees (ended at or before
 * it) are not read, so an incremental export reads only what the new snapshots need.
 */
export async function loadExportFacts(file: CatalogFile, catalog: DucklakeCatalog, files: TableFiles, data: DataFiles, tableName: string, after?: Id): Promise<ExportFacts> {
  const base = (snapshot: Id) => tableBase(catalog, files.tableId, snapshot);
  const needed = (row: { end_snapshot: Id | null }) => after === undefined || row.end_snapshot === null || row.end_snapshot > after + 1;
  const where = (snapshotId: Id): ReadContext => ({ catalogName: catalog.name, table: { qualifiedName: tableName }, snapshotId });
  const deleteFiles = new Map<Id, { positions: number[]; snapshots?: number[] }>();
  const dataFileEnds = new Map(files.dataFiles.map((f) => [f.data_file_id, f]));
  const deletesNeeded = (row: TableFiles['deleteFiles'][number]) => needed(row) && (dataFileEnds.get(row.data_file_id) === undefined || needed(dataFileEnds.get(row.data_file_id)!));
  for (const row of files.deleteFiles.filter(deletesNeeded)) {
    const location = fileLocation(catalog, base(row.begin_snapshot), row.path, row.path_is_relative);
    const table = await readArrowTable(await readData(data, location, where(row.begin_snapshot), 'delete file'), { name: row.path });
    deleteFiles.set(row.delete_file_id, toPositions(table, row.path));
  }
  const partialRows = new Map<Id, number[]>();
  for (const row of files.dataFiles.filter((f) => f.partial_max !== null && needed(f))) {
    const location = fileLocation(catalog, base(row.begin_snapshot), row.path, row.path_is_relative);
    const table = await readArrowTable(await readData(data, location, where(row.begin_snapshot), 'data file'), { name: row.path });
    const at = table.schema.fields.findIndex((f) => f.name === snapshotIdColumn || f.metadata.get('PARQUET:field_id') === '2147483539');
    if (at < 0) continue;
    const vector = table.getChildAt(at)!;
    partialRows.set(row.data_file_id, Array.from({ length: table.numRows }, (_, i) => Number(vector.get(i) as number | bigint)));
  }
  const inlinedDeletes = new Map<Id, { position: number; snapshot: Id }[]>();
  const deleteTable = `ducklake_inlined_delete_${files.tableId}`;
  if (catalog.databaseTables.has(deleteTable)) {
    for (const row of await file.query(`SELECT "file_id", "row_id", "begin_snapshot" FROM ${quoteIdentifier(deleteTable)}`)) {
      const list = inlinedDeletes.get(Number(row.file_id)) ?? [];
      list.push({ position: Number(row.row_id), snapshot: Number(row.begin_snapshot) });
      inlinedDeletes.set(Number(row.file_id), list);
    }
  }
  const inlinedTables: InlinedTableFacts[] = [];
  for (const inlined of catalog.inlinedDataTables.filter((t) => t.table_id === files.tableId)) {
    if (!catalog.databaseTables.has(inlined.table_name.toLowerCase())) continue;
    const rows = await file.query(`SELECT "row_id", "begin_snapshot", "end_snapshot" FROM ${quoteIdentifier(inlined.table_name)} ORDER BY "row_id"`);
    inlinedTables.push({
      tableName: inlined.table_name,
      schemaVersion: inlined.schema_version,
      rows: rows.map((r) => ({ rowId: Number(r.row_id), begin: Number(r.begin_snapshot), end: r.end_snapshot === null || r.end_snapshot === undefined ? null : Number(r.end_snapshot) })),
    });
  }
  const fileSchemas = new Map<Id, FileField[]>();
  for (const row of files.dataFiles.filter((f) => f.mapping_id === null && needed(f))) {
    const location = fileLocation(catalog, base(row.begin_snapshot), row.path, row.path_is_relative);
    fileSchemas.set(row.data_file_id, await loadFileSchema(data, location, row.file_size_bytes, row.footer_size, where(row.begin_snapshot)));
  }
  return { deleteFiles, inlinedDeletes, partialRows, inlinedTables, fileSchemas };
}

function toPositions(table: Table, name: string): { positions: number[]; snapshots?: number[] } {
  const fields = table.schema.fields;
  const posAt = fields.findIndex((f) => f.name === 'pos' || f.metadata.get('PARQUET:field_id') === '2147483645');
  if (posAt < 0) throw new LakeError('Corrupt', `delete file ${name} has no pos column (columns: ${fields.map((f) => f.name).join(', ')})`);
  const snapshotAt = fields.findIndex((f) => f.name === snapshotIdColumn || f.metadata.get('PARQUET:field_id') === '2147483539');
  const pos = table.getChildAt(posAt)!;
  const snaps = snapshotAt >= 0 ? table.getChildAt(snapshotAt) : null;
  const positions: number[] = [];
  const snapshots: number[] = [];
  for (let i = 0; i < table.numRows; i++) {
    positions.push(Number(pos.get(i) as number | bigint));
    if (snaps) snapshots.push(Number(snaps.get(i) as number | bigint));
  }
  return snaps ? { positions, snapshots } : { positions };
}
