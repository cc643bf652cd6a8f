/**
 * `lakelab schema <catalog-file> --table schema.table [--snapshot N]`: the table's columns at a
 * snapshot, nested fields dotted as for Delta, with DuckLake's field ids and defaults; with
 * `--diff M`, what changed from snapshot M to N instead (columns matched by field id).
 */
import { diffColumns } from '../../core/ducklake/schemaDiff.ts';
import { toTableSchema } from '../../core/ducklake/toTableModel.ts';
import type { TableColumn } from '../../core/table.ts';
import { flagInteger, flagString, type ParsedArgs } from '../args.ts';
import type { Io } from '../command.ts';
import { toOutputFormat, writeRows } from '../output.ts';
import { openCatalogArgument, tableArgument } from './ducklakeOpen.ts';

export async function runDucklakeSchema(args: ParsedArgs, io: Io): Promise<number> {
  const opened = await openCatalogArgument(args);
  const { lake } = opened;
  try {
    const format = toOutputFormat(flagString(args, 'format'), 'table');
    const table = tableArgument(opened, args);
    const since = flagInteger(args, 'diff');
    if (since !== undefined) {
      const before = lake.at(since).tables.find((t) => t.tableId === table.tableId)?.columns ?? [];
      const changes = diffColumns(before, table.columns).map((change) => ({ ...change }));
      writeRows(io.stdout, format, format === 'jsonl' ? [] : ['kind', 'column', 'from', 'to', 'type', 'nullable'], changes);
      return 0;
    }
    const rows = toTableSchema(lake.catalog, table, opened.snapshotId).columns.flatMap((c) => toSchemaRows(c, ''));
    writeRows(io.stdout, format, ['column', 'type', 'nullable', 'partition', 'fieldId', 'default', 'initialDefault'], rows);
    return 0;
  } finally {
    await lake.close();
  }
}

function toSchemaRows(column: TableColumn, prefix: string): Record<string, unknown>[] {
  const name = prefix + column.name;
  const row = { column: name, type: column.type, nullable: column.nullable, partition: column.partition, fieldId: column.fieldId ?? null, default: column.defaultValue ?? null, initialDefault: column.initialDefault ?? null };
  return [row, ...column.children.flatMap((child) => toSchemaRows(child, `${name}.`))];
}
