/**
 * `lakelab scan <catalog-file> --table schema.table [--snapshot N] [--data-path P]`: the table's
 * rows at a snapshot as JSON lines (or CSV, a text table), in the JSON forms of Delta's scan,
 * read as the ducklake extension reads them; --columns, --where and --limit as for Delta.
 */
import { LakeError } from '../../core/errors.ts';
import { parsePredicate } from '../../core/delta/parsePredicate.ts';
import { evaluatePredicate } from '../../core/delta/predicate.ts';
import { flagInteger, flagList, flagString, type ParsedArgs } from '../args.ts';
import type { Io } from '../command.ts';
import { createRowWriter, toOutputFormat } from '../output.ts';
import { dataFilesArgument, openCatalogArgument, tableArgument } from './ducklakeOpen.ts';

export async function runDucklakeScan(args: ParsedArgs, io: Io): Promise<number> {
  const [opened, { toDeltaType }] = await Promise.all([openCatalogArgument(args), import('../../query/ducklake/ducklakeValues.ts')]);
  const { lake, snapshotId } = opened;
  try {
    const format = toOutputFormat(flagString(args, 'format'), 'jsonl');
    const table = tableArgument(opened, args);
    const names = table.columns.map((c) => c.name);
    const columns = flagList(args, 'columns') ?? names;
    const unknown = columns.filter((c) => !names.includes(c));
    if (unknown.length > 0) throw new LakeError('InvalidInput', `no column ${unknown.join(', ')} in ${table.qualifiedName} at snapshot ${snapshotId} (columns: ${names.join(', ')})`);
    const where = flagString(args, 'where');
    const predicate = where === undefined ? undefined : parsePredicate(where);
    const types = new Map(table.columns.map((c) => [c.name, toDeltaType(c.type)]));
    const limit = flagInteger(args, 'limit');
    let remaining = limit ?? Number.POSITIVE_INFINITY;
    const writer = createRowWriter(io.stdout, format, columns);
    for await (const batch of lake.scan(table, snapshotId, dataFilesArgument(opened, args), { limit: predicate ? undefined : limit })) {
      if (remaining <= 0) break;
      const kept = predicate ? batch.rows.filter((row) => evaluatePredicate(predicate, (c) => row[c], (c) => types.get(c) ?? 'string') === true) : batch.rows;
      const rows = kept.slice(0, remaining).map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
      remaining -= rows.length;
      writer.write(rows);
      await io.stdout.drained?.();
    }
    writer.end();
    return 0;
  } finally {
    await lake.close();
  }
}
