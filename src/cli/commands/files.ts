import type { Add } from '../../core/delta/actions.ts';
import { readStats } from '../../core/delta/stats.ts';
import { flagString, type ParsedArgs } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { formatOption, help, readAtOptions, tablePositional } from '../commonOptions.ts';
import { createRowWriter, toOutputFormat } from '../output.ts';
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
  const columns = ['path', 'size', 'numRecords', 'deletedRows', 'partitionValues', 'modificationTime'];
  const writer = createRowWriter(io.stdout, format, format === 'jsonl' ? [] : columns);
  // A chunk of files at a time: each row and its stats are garbage once written (100,000 files
  // held as rows at once cost more in collection than in printing).
  const { files } = snapshot;
  for (let start = 0; start < files.length; start += filesPerWrite) {
    writer.write(files.slice(start, start + filesPerWrite).map(toFileRow));
    await io.stdout.drained?.();
  }
  writer.end();
  return 0;
}

const filesPerWrite = 1024;

function toFileRow(file: Add): Record<string, unknown> {
  const stats = readStats(file);
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
}
