/**
 * The writing verbs on a DuckLake catalog: create, append, delete and update take a catalog file
 * (DuckDB or SQLite, by its magic bytes) or an Azure / OneLake address of one, with --table
 * schema.table, and the Delta verbs' own options where they mean the same (--schema, --source,
 * --where, --set). Options only one format has are refused for the other, naming the option.
 */
import { hasFlag, UsageError, type OptionSpec } from '../args.ts';
import type { Command } from '../command.ts';
import { isAzureAddress } from '../exportLocations.ts';
import { isCatalogFileArgument } from './ducklakeOpen.ts';
import { staleAfterSpec } from './staleAfter.ts';

const ducklakeOptions: OptionSpec[] = [
  { name: 'table', takes: 'value', valueName: 'schema.table', description: 'DuckLake: the table in the catalog (schema main when only a name is given)' },
  { name: 'data-path', takes: 'value', valueName: 'P', description: 'DuckLake: where the data files go, a folder or an address (default: the catalog\'s data_path, relative to the catalog)' },
  staleAfterSpec,
  { name: 'author', takes: 'value', valueName: 'NAME', description: 'DuckLake: the snapshot\'s author' },
  { name: 'message', takes: 'value', valueName: 'TEXT', description: 'DuckLake: the snapshot\'s commit message' },
];

/** Delta's options with no DuckLake meaning. */
const deltaOnly = ['version', 'isolation', 'max-retries', 'txn-id', 'partition-by', 'property', 'source-sql'];

export function withDucklakeWrites(command: Command): Command {
  const options = command.spec.options.filter((o) => o.name !== 'help');
  const help = command.spec.options.filter((o) => o.name === 'help');
  return {
    spec: {
      ...command.spec,
      summary: `${command.spec.summary} (of a Delta table folder, or a DuckLake catalog file or address with --table)`,
      options: [...options, ...ducklakeOptions, ...help],
    },
    async run(args, io) {
      const target = args.positionals[0] ?? '';
      if (isAzureAddress(target) || (await isCatalogFileArgument(args))) {
        const given = deltaOnly.find((name) => hasFlag(args, name));
        if (given) throw new UsageError(`--${given} is for a Delta table; ${target} is a DuckLake catalog`);
        return (await import('./ducklakeWriteRun.ts')).runDucklakeWrite(args, io);
      }
      const given = ducklakeOptions.find((o) => hasFlag(args, o.name));
      if (given) throw new UsageError(`--${given.name} is for a DuckLake catalog file; ${target || 'the argument'} is not one (a Delta table is a folder)`);
      return command.run(args, io);
    },
  };
}
