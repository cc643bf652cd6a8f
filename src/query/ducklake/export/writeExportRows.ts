/**
 * Executes a planned write of the export: the rows of one DuckLake data file, or of one inlined
 * insert, as the snapshot sees them (deletes applied, defaults filled, names and types the
 * snapshot's), written as Parquet into the Delta table with Lakelab's Delta writer.
 */
import type { Add } from '../../../core/delta/actions.ts';
import type { ObjectStore } from '../../../core/objectStore.ts';
import type { Rng } from '../../../core/rng.ts';
import { LakeError } from '../../../core/errors.ts';
import { describeLocation } from '../../../core/ducklake/dataPaths.ts';
import { planTableScan } from '../../../core/ducklake/planScan.ts';
import type { PlannedWrite } from '../../../core/ducklake/export/planExportCommit.ts';
import type { ExportContext } from '../../../core/ducklake/export/planExportCommit.ts';
import { tableAt } from '../../../core/ducklake/export/exportTable.ts';
import { readArrowTable } from '../../parquetRead.ts';
import { writeDeltaFiles } from './writeDeltaFiles.ts';
import type { CatalogFile } from '../catalogFile.ts';
import { readData, type DataFiles } from '../ducklakeScan.ts';
import { toFileRows } from '../fileRows.ts';
import { loadInlinedRows } from '../inlinedRows.ts';
import type { JsonValue } from '../../jsonValues.ts';

export interface ExportWriteTarget {
  store: ObjectStore;
  root: string;
  rng: Rng;
}

export async function loadWriteRows(file: CatalogFile, context: ExportContext, write: PlannedWrite, data: DataFiles): Promise<Record<string, JsonValue>[]> {
  const table = tableAt(context.catalog, context.tableId, write.snapshotId);
  const plan = planTableScan(context.catalog, table, write.snapshotId, context.files);
  const source = write.entry.source;
  if (source.kind === 'file') {
    const scanFile = plan.files.find((f) => f.dataFileId === source.file.dataFile.data_file_id);
    if (!scanFile) throw new LakeError('Corrupt', `${context.catalog.name}: data file ${source.file.dataFile.path} is not in ${table.qualifiedName} at snapshot ${write.snapshotId}`);
    const name = describeLocation(scanFile.location);
    const arrow = await readArrowTable(await readData(data, scanFile.location, plan, 'data file'), { name });
    return toFileRows({ file: scanFile, name, table: arrow, fields: write.fields, snapshotId: write.snapshotId, deleted: new Set(write.entry.hidden) }).rows;
  }
  const inlined = plan.inlined.find((s) => s.tableName === source.batch.tableName);
  if (!inlined) throw new LakeError('Corrupt', `${context.catalog.name}: inlined data table ${source.batch.tableName} is not in the catalog`);
  // The batch is the rows its table got at its begin snapshot, those the snapshot still sees.
  return (await loadInlinedRows(file, inlined, write.fields, write.snapshotId, source.batch.begin)).rows;
}

export async function writeExportRows(rows: Record<string, JsonValue>[], write: PlannedWrite, context: ExportContext, target: ExportWriteTarget, time: number): Promise<Add[]> {
  if (rows.length === 0) return [];
  return writeDeltaFiles(rows, write.schema, write.partitionColumns, context.readerVersion === 3 ? 'id' : 'none', target, time);
}
