/**
 * `lakelab history <catalog-file> [--table schema.table] [--limit N]`: one entry per snapshot,
 * newest first, as `history` prints a Delta table's commits: `version` (the snapshot id),
 * `timestamp`, `operation` (the changes in words), author, commit message and extra info; with
 * --table, that table's rows, files and bytes after each snapshot.
 */
import { toTableVersions } from '../../core/ducklake/toTableModel.ts';
import { flagInteger, flagString, type ParsedArgs } from '../args.ts';
import type { Io } from '../command.ts';
import { toOutputFormat, writeRows } from '../output.ts';
import { openCatalogArgument } from './ducklakeOpen.ts';

export async function runDucklakeHistory(args: ParsedArgs, io: Io): Promise<number> {
  const opened = await openCatalogArgument(args);
  const { lake } = opened;
  try {
    const format = toOutputFormat(flagString(args, 'format'), 'table');
    const tableName = flagString(args, 'table');
    const table = tableName ? lake.table(tableName, opened.snapshotId) : undefined;
    const growth = table ? (await lake.tableGrowth()).get(table.tableId) ?? [] : undefined;
    const history = lake.history({ limit: flagInteger(args, 'limit') });
    const versions = toTableVersions(history, growth);
    const rows = history.map((entry, i) => {
      const point = versions[i]?.growth;
      return {
        version: entry.snapshotId,
        timestamp: toIsoMicros(entry.snapshotTime),
        operation: entry.changes.map((c) => c.words).join('; '),
        schemaVersion: entry.schemaVersion,
        author: entry.author,
        commitMessage: entry.commitMessage,
        commitExtraInfo: entry.commitExtraInfo,
        changesMade: entry.changesMade,
        ...(point ? { rows: point.rows, files: point.files, bytes: point.bytes } : {}),
      };
    });
    const columns = ['version', 'timestamp', 'operation', 'schemaVersion', 'author', 'commitMessage', ...(growth ? ['rows', 'files', 'bytes'] : [])];
    writeRows(io.stdout, format, format === 'jsonl' ? [] : columns, rows);
    return 0;
  } finally {
    await lake.close();
  }
}

/** Snapshot times are microseconds: keep them all ("2026-12-01T22:46:35.354465Z"). */
function toIsoMicros(micros: number): string {
  const ms = Math.floor(micros / 1000);
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, (_, millis: string) => `.${millis}${String(Math.round(micros - ms * 1000)).padStart(3, '0')}Z`);
}
