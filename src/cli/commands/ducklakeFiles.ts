/**
 * `lakelab files <catalog-file> --table schema.table [--snapshot N]`: the data files a snapshot
 * reads, as `files` lists a Delta table's (path, size, numRecords, deletedRows, partitionValues),
 * with each file's delete file, the snapshot that added it and its column statistics; then the
 * table's inlined data tables (rows kept in the catalog) and the catalog's files scheduled for
 * deletion under the table's folder.
 */
import { quoteIdentifier } from '../../core/sqlNames.ts';
import { tableBase } from '../../core/ducklake/dataPaths.ts';
import { toTableFiles } from '../../core/ducklake/toTableModel.ts';
import { visibleAtSql } from '../../core/ducklake/visibility.ts';
import { flagString, type ParsedArgs } from '../args.ts';
import type { Io } from '../command.ts';
import { toOutputFormat, writeRows } from '../output.ts';
import { openCatalogArgument, tableArgument } from './ducklakeOpen.ts';

export async function runDucklakeFiles(args: ParsedArgs, io: Io): Promise<number> {
  const opened = await openCatalogArgument(args);
  const { lake, snapshotId } = opened;
  try {
    const format = toOutputFormat(flagString(args, 'format'), 'table');
    const table = tableArgument(opened, args);
    const files = toTableFiles(lake.catalog, table, snapshotId, await lake.filesAt(table, snapshotId));
    const rows: Record<string, unknown>[] = files.map((file) => ({
      status: 'active',
      path: file.path,
      size: file.size,
      numRecords: file.records,
      deletedRows: file.deletedRecords,
      partitionValues: file.partitionValues,
      deleteFile: file.deletes?.path ?? null,
      addedInSnapshot: file.addedIn ?? null,
      minValues: Object.fromEntries(file.stats.map((s) => [s.column, s.min])),
      maxValues: Object.fromEntries(file.stats.map((s) => [s.column, s.max])),
      nullCount: Object.fromEntries(file.stats.map((s) => [s.column, s.nullCount])),
    }));
    for (const inlined of (await lake.plan(table, snapshotId)).inlined) {
      const [count] = await lake.file.query(`SELECT count(*) AS n FROM ${quoteIdentifier(inlined.tableName)} WHERE ${visibleAtSql(snapshotId)}`);
      rows.push({ status: 'inlined', path: inlined.tableName, size: null, numRecords: Number(count?.n ?? 0), deletedRows: null, partitionValues: {}, deleteFile: null, addedInSnapshot: null });
    }
    const base = tableBase(lake.catalog, table.tableId, snapshotId);
    const prefix = base.kind === 'relative' ? base.key : undefined;
    for (const file of await lake.filesScheduledForDeletion()) {
      if (prefix === undefined || !file.path.startsWith(prefix)) continue;
      rows.push({ status: 'scheduled for deletion', path: file.path, size: null, numRecords: null, deletedRows: null, partitionValues: {}, deleteFile: null, addedInSnapshot: null, scheduledAt: file.schedule_start === null ? null : new Date(file.schedule_start / 1000).toISOString() });
    }
    const columns = ['status', 'path', 'size', 'numRecords', 'deletedRows', 'partitionValues', 'deleteFile', 'addedInSnapshot'];
    writeRows(io.stdout, format, format === 'jsonl' ? [] : columns, rows);
    return 0;
  } finally {
    await lake.close();
  }
}

