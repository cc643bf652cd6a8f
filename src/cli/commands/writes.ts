/**
 * The writing commands but merge (commands/merge.ts): create, append, overwrite, delete, update.
 * Each plans a transaction over the same core as the page and commits it (writeCommit.ts).
 */
import { LakeError } from '../../core/errors.ts';
import { flagList, flagString, hasFlag, UsageError, type OptionSpec, type ParsedArgs } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { help, sourceOptions, sourceSqlOption, tablePositional, writeOptions } from '../commonOptions.ts';
import { loadSources, parseSchemaFlag } from '../sources.ts';
import { commitAndReport, openWrite, sourcePaths, sourceRows, toAssignments, withEncodePool } from '../writeCommit.ts';

// The executors (parquet-wasm, apache-arrow) load when a command writes, not when the CLI starts.
const writeExecutor = () => import('../../query/writeExecutor.ts');
const deleteUpdateExecutor = () => import('../../query/deleteUpdateExecutor.ts');

const where = (description: string): OptionSpec => ({ name: 'where', takes: 'value', valueName: 'EXPR', description });

export const createCommand: Command = {
  spec: {
    name: 'create',
    summary: 'create a table from a schema or from the rows of source files',
    positionals: tablePositional,
    options: [
      { name: 'schema', takes: 'value', valueName: '"id long, name string"', description: 'the columns (or a Delta schema as JSON)' },
      ...sourceOptions,
      { name: 'partition-by', takes: 'value', repeatable: true, valueName: 'p[,q]', description: 'partition columns' },
      { name: 'property', takes: 'value', repeatable: true, valueName: 'k=v[,k=v]', description: 'table properties (configuration)' },
      ...writeOptions.filter((o) => o.name !== 'version'),
      help,
    ],
  },
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const { store, context } = openWrite(args, { mayCreate: true });
    const schemaText = flagString(args, 'schema');
    const paths = sourcePaths(args);
    const sources = paths.length > 0 ? await loadSources(paths, { withFilename: hasFlag(args, 'with-filename') }) : undefined;
    const schema = schemaText ? parseSchemaFlag(schemaText) : sources?.schema;
    if (!schema) throw new UsageError('needs --schema or --source to take the schema from');
    const configuration = Object.fromEntries((flagList(args, 'property') ?? []).map((p) => {
      const at = p.indexOf('=');
      if (at < 1) throw new LakeError('InvalidInput', `--property must be key=value, got "${p}"`);
      return [p.slice(0, at), p.slice(at + 1)];
    }));
    const tx = await (await writeExecutor()).runCreateTable({ tableRoot: '', schema, partitionColumns: flagList(args, 'partition-by'), configuration, rows: sources?.rows }, context);
    return commitAndReport(args, io, store, tx);
  },
};

export const appendCommand: Command = {
  spec: {
    name: 'append',
    summary: 'add rows (a blind append: concurrent appends all succeed)',
    positionals: tablePositional,
    options: [...sourceOptions, sourceSqlOption, ...writeOptions, help],
  },
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const { store, context, readAt } = openWrite(args);
    const snapshot = await readAt();
    return commitAndReport(args, io, store, await (await writeExecutor()).runAppend(snapshot, await sourceRows(args, snapshot, store), context));
  },
};

export const overwriteCommand: Command = {
  spec: {
    name: 'overwrite',
    summary: 'replace the table\'s rows, or with --where only those of the partitions it names (replaceWhere)',
    positionals: tablePositional,
    options: [...sourceOptions, sourceSqlOption, where('replace only the rows of this partition predicate, e.g. "p = \'x\'"'), ...writeOptions, help],
  },
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const { store, context, readAt } = openWrite(args);
    const snapshot = await readAt();
    return commitAndReport(args, io, store, await (await writeExecutor()).runOverwrite(snapshot, await sourceRows(args, snapshot, store), flagString(args, 'where'), context));
  },
};

export const deleteCommand: Command = {
  spec: {
    name: 'delete',
    summary: 'delete the rows matching --where (every row without it)',
    positionals: tablePositional,
    options: [where('delete only rows matching EXPR, e.g. "id = 1"'), ...writeOptions, help],
  },
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const { store, context, readAt } = openWrite(args);
    const { runDelete } = await deleteUpdateExecutor();
    const snapshot = await readAt();
    return commitAndReport(args, io, store, await withEncodePool(context, (c) => runDelete(snapshot, flagString(args, 'where'), c)));
  },
};

export const updateCommand: Command = {
  spec: {
    name: 'update',
    summary: 'set columns of the rows matching --where (every row without it)',
    positionals: tablePositional,
    options: [
      { name: 'set', takes: 'value', valueName: '"col = value, ..."', description: 'the assignments (literals or columns)' },
      where('update only rows matching EXPR'),
      ...writeOptions,
      help,
    ],
  },
  async run(args: ParsedArgs, io: Io): Promise<number> {
    const { store, context, readAt } = openWrite(args);
    const setText = flagString(args, 'set');
    if (setText === undefined) throw new UsageError('needs --set "col = value, ..."');
    const { runUpdate } = await deleteUpdateExecutor();
    const snapshot = await readAt();
    return commitAndReport(args, io, store, await withEncodePool(context, (c) => runUpdate(snapshot, flagString(args, 'where'), toAssignments(setText), c)));
  },
};
