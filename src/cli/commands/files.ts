import { parseStats } from '../../core/delta/stats.ts';
import { flagString, type ParsedArgs } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { formatOption, help, readAtOptions, tablePositional } from '../commonOptions.ts';
import { toOutputFormat, writeRows } from '../output.ts';
import { openTableAt } from '../tableArgs.ts';

export const filesCommand: Command = {
  spec: {
    name: 'files',
    summary: 'the active data files at a version, with their stats',
    positionals: tablePositional,
    options: [...readAtOptions, formatOption('table'), help],
  },
  run: runFiles,
};

async function runFiles(args: ParsedArgs, io: Io): Promise<number> {
  const { snapshot } = await openTableAt(args, io);
  const format = toOutputFormat(flagString(args, 'format'), 'table');
  const rows = snapshot.files.map((file) => {
    const stats = parseStats(file);
    return {
      path: file.path,
      size: file.size,
      modificationTime: new Date(file.modificationTime).toISOString(),
      numRecords: stats?.numRecords ?? null,
      partitionValues: file.partitionValues,
      deletedRows: file.deletionVector?.cardinality ?? null,
      minValues: stats?.minValues ?? null,
      maxValues: stats?.maxValues ?? null,
      nullCount: stats?.nullCount ?? null,
    };
  });
  const columns = ['path', 'size', 'numRecords', 'deletedRows', 'partitionValues', 'modificationTime'];
  writeRows(io.stdout, format, format === 'jsonl' ? [] : columns, rows);
  return 0;
}
