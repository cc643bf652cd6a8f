/**
 * The reading commands for both formats: a folder is a Delta table, a file a DuckLake catalog
 * (DuckDB or SQLite). main.ts wraps history, schema, files and scan with `orDucklake`.
 */
import type { ParsedArgs } from '../args.ts';
import type { Io } from '../main.ts';
import { runDucklakeFiles } from './ducklakeFiles.ts';
import { runDucklakeHistory } from './ducklakeHistory.ts';
import { isCatalogFileArgument } from './ducklakeOpen.ts';
import { runDucklakeScan } from './ducklakeScan.ts';
import { runDucklakeSchema } from './ducklakeSchema.ts';

type Command = (args: ParsedArgs, io: Io) => Promise<number>;

const ducklakeCommands: Record<string, Command> = {
  history: runDucklakeHistory,
  schema: runDucklakeSchema,
  files: runDucklakeFiles,
  scan: runDucklakeScan,
};

/** `deltaCommand`, or the DuckLake command of the same name when the argument is a catalog file. */
export function orDucklake(name: 'history' | 'schema' | 'files' | 'scan', deltaCommand: Command): Command {
  return async (args, io) => ((await isCatalogFileArgument(args)) ? ducklakeCommands[name]!(args, io) : deltaCommand(args, io));
}

/** The options the DuckLake commands take, besides those the Delta ones do. */
export const ducklakeOptions = ['table', 'snapshot', 'data-path', 'diff'] as const;

export const ducklakeUsage = `Reading a DuckLake catalog (a DuckDB or SQLite catalog file; its data path from the catalog, or --data-path):
  history <catalog> [--table schema.table]            one entry per snapshot (with the table's rows, files, bytes)
  schema <catalog> --table schema.table [--diff M]    the table's columns at a snapshot (or what changed since M)
  files <catalog> --table schema.table                data files, delete files, inlined data, files scheduled for deletion
  scan <catalog> --table schema.table                 the table's rows at a snapshot
  Options: --snapshot N (default: latest), --data-path P (the folder the catalog's data path names)
`;
