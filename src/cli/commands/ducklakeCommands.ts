/**
 * The reading commands for both formats: a folder is a Delta table, a file a DuckLake catalog
 * (DuckDB or SQLite). `withDucklake` gives history, schema, files and scan the DuckLake options
 * and runs the DuckLake command when the argument is a catalog file; the DuckLake options given
 * with a Delta folder are refused, naming the option.
 */
import { hasFlag, UsageError, type OptionSpec, type ParsedArgs } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { runDucklakeFiles } from './ducklakeFiles.ts';
import { runDucklakeHistory } from './ducklakeHistory.ts';
import { isCatalogFileArgument } from './ducklakeOpen.ts';
import { runDucklakeScan } from './ducklakeScan.ts';
import { runDucklakeSchema } from './ducklakeSchema.ts';

type Run = (args: ParsedArgs, io: Io) => Promise<number>;

const table: OptionSpec = { name: 'table', takes: 'value', valueName: 'schema.table', description: 'DuckLake: the table in the catalog (schema main when only a name is given)' };
const snapshot: OptionSpec = { name: 'snapshot', takes: 'value', valueName: 'N', description: 'DuckLake: read the catalog at snapshot N (default: the latest)' };
const dataPath: OptionSpec = {
  name: 'data-path', takes: 'value', valueName: 'DIR',
  description: 'DuckLake: the folder the data files are in (default: the catalog\'s data_path, relative to the catalog file; an abfss:// one needs this)',
};
const diff: OptionSpec = { name: 'diff', takes: 'value', valueName: 'M', description: 'DuckLake: what changed in the table\'s columns from snapshot M to --snapshot (matched by field id)' };

const ducklake: Record<string, { run: Run; options: OptionSpec[] }> = {
  history: { run: runDucklakeHistory, options: [{ ...table, description: 'DuckLake: add this table\'s rows, files and bytes after each snapshot' }] },
  schema: { run: runDucklakeSchema, options: [table, snapshot, diff] },
  files: { run: runDucklakeFiles, options: [table, snapshot] },
  scan: { run: runDucklakeScan, options: [table, snapshot, dataPath] },
};

export function withDucklake(command: Command): Command {
  const own = ducklake[command.spec.name];
  if (!own) return command;
  const options = command.spec.options.filter((o) => o.name !== 'help');
  const help = command.spec.options.filter((o) => o.name === 'help');
  return {
    spec: {
      ...command.spec,
      summary: `${command.spec.summary} (of a Delta table folder, or a DuckLake catalog file with --table)`,
      options: [...options, ...own.options, ...help],
    },
    async run(args, io) {
      if (await isCatalogFileArgument(args)) return own.run(args, io);
      const given = own.options.find((o) => hasFlag(args, o.name));
      if (given) throw new UsageError(`--${given.name} is for a DuckLake catalog file; ${args.positionals[0] ?? 'the argument'} is not a file (a Delta table is a folder)`);
      return command.run(args, io);
    },
  };
}
