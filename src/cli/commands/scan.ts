import { planScan } from '../../core/delta/planScan.ts';
import { parsePredicate } from '../../core/delta/parsePredicate.ts';
import { flagInteger, flagList, flagString, type ParsedArgs } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { formatOption, help, readAtOptions, tablePositional } from '../commonOptions.ts';
import { createRowWriter, toOutputFormat } from '../output.ts';
import { openTableAt } from '../tableArgs.ts';

export const scanCommand: Command = {
  spec: {
    name: 'scan',
    summary: "the table's rows at a version",
    positionals: tablePositional,
    options: [
      ...readAtOptions,
      { name: 'columns', takes: 'value', repeatable: true, valueName: 'a,b', description: 'only these columns' },
      { name: 'where', takes: 'value', valueName: 'EXPR', description: 'only rows matching EXPR, e.g. "id > 5 AND name = \'x\'"' },
      { name: 'limit', takes: 'value', valueName: 'N', description: 'stop after N rows' },
      formatOption('jsonl'),
      help,
    ],
  },
  run: runScan,
};

async function runScan(args: ParsedArgs, io: Io): Promise<number> {
  const format = toOutputFormat(flagString(args, 'format'), 'jsonl');
  const where = flagString(args, 'where');
  const predicate = where === undefined ? undefined : parsePredicate(where);
  const limit = flagInteger(args, 'limit');
  const [{ store, snapshot }, { scanDelta }, { toJsonRows }] = await Promise.all([openTableAt(args, io), import('../../query/deltaScan.ts'), import('../../query/jsonValues.ts')]);
  const plan = planScan(snapshot, { columns: flagList(args, 'columns'), predicate });
  const columns = plan.columns.map((c) => c.logicalName);
  const writer = createRowWriter(io.stdout, format, columns);
  let remaining = limit ?? Number.POSITIVE_INFINITY;
  for await (const batch of scanDelta(store, plan, { rowFilter: predicate, limit })) {
    if (remaining <= 0) break;
    const rows = toJsonRows(batch).slice(0, remaining);
    remaining -= rows.length;
    writer.write(rows);
    await io.stdout.drained?.();
  }
  writer.end();
  return 0;
}
