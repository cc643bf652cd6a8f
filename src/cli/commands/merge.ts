/**
 * `lakelab merge <table> --source ... --on "t.id = s.id" <clauses>`: delta-rs's MERGE builder as
 * options. Clauses apply in the order given; `--clause=CONDITION` adds a condition, and the
 * clauses that set columns take them from their `-set` option.
 */
import type { MergeClause } from '../../core/delta/operations/merge.ts';
import { flagString, hasFlag, UsageError, type OptionSpec, type ParsedArgs } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { help, sourceOptions, sourceSqlOption, tablePositional, writeOptions } from '../commonOptions.ts';
import { commitAndReport, openWrite, sourceRows, toAssignments, withEncodePool } from '../writeCommit.ts';

/** Each clause option, the clause it adds, and the option its assignments come from. */
const clauseOptions: { name: string; kind: MergeClause['kind']; set?: string }[] = [
  { name: 'when-matched-update-all', kind: 'whenMatchedUpdateAll' },
  { name: 'when-matched-update', kind: 'whenMatchedUpdate', set: 'when-matched-update-set' },
  { name: 'when-matched-delete', kind: 'whenMatchedDelete' },
  { name: 'when-not-matched-insert-all', kind: 'whenNotMatchedInsertAll' },
  { name: 'when-not-matched-insert', kind: 'whenNotMatchedInsert', set: 'when-not-matched-insert-set' },
  { name: 'when-not-matched-by-source-update', kind: 'whenNotMatchedBySourceUpdate', set: 'when-not-matched-by-source-update-set' },
  { name: 'when-not-matched-by-source-delete', kind: 'whenNotMatchedBySourceDelete' },
];

const clauseSpecs: OptionSpec[] = clauseOptions.flatMap((c): OptionSpec[] => [
  { name: c.name, takes: 'switchOrValue', valueName: 'CONDITION', description: `add a ${c.kind} clause (=CONDITION: only where it holds)` },
  ...(c.set ? [{ name: c.set, takes: 'value' as const, valueName: '"c = s.c, ..."', description: `what --${c.name} sets` }] : []),
]);

export const mergeCommand: Command = {
  spec: {
    name: 'merge',
    summary: 'MERGE source rows into the table: --on the predicate, then clauses in order',
    positionals: tablePositional,
    options: [
      ...sourceOptions,
      sourceSqlOption,
      { name: 'on', takes: 'value', valueName: '"t.id = s.id"', description: 'the merge predicate, under the aliases' },
      ...clauseSpecs,
      { name: 'source-alias', takes: 'value', valueName: 'NAME', description: 'the source\'s alias in predicates (default s)' },
      { name: 'target-alias', takes: 'value', valueName: 'NAME', description: 'the table\'s alias in predicates (default t)' },
      { name: 'no-streamed-exec', takes: 'switch', description: 'derive the early filter from the source, as delta-rs does when not streamed' },
      ...writeOptions,
      help,
    ],
  },
  run: runMergeCommand,
};

async function runMergeCommand(args: ParsedArgs, io: Io): Promise<number> {
  const on = flagString(args, 'on');
  if (!on) throw new UsageError('needs --on, e.g. --on "t.id = s.id"');
  const clauses = toMergeClauses(args);
  if (clauses.length === 0) throw new UsageError('needs at least one clause, e.g. --when-not-matched-insert-all');
  const { store, context, readAt } = openWrite(args);
  const snapshot = await readAt();
  const rows = await sourceRows(args, snapshot, store);
  const spec = {
    predicate: on,
    sourceAlias: flagString(args, 'source-alias') ?? 's',
    targetAlias: flagString(args, 'target-alias') ?? 't',
    clauses,
    streamedExec: !hasFlag(args, 'no-streamed-exec'),
  };
  // The join in duckdb-wasm, as in the page (the blocking Node bundle: docs/decisions/0004).
  const [{ openNodeSqlEngine }, { runMerge }] = await Promise.all([import('../../query/duckdbNode.ts'), import('../../query/mergeExecutor.ts')]);
  const joinEngine = await openNodeSqlEngine();
  try {
    const result = await withEncodePool({ ...context, joinEngine }, (c) => runMerge(snapshot, spec, rows, c));
    return await commitAndReport(args, io, store, result.transaction);
  } finally {
    await joinEngine.close();
  }
}

/** The clause options, in the order given; a `-set` option without its clause is refused, not ignored. */
export function toMergeClauses(args: ParsedArgs): MergeClause[] {
  for (const c of clauseOptions) {
    if (c.set && hasFlag(args, c.set) && !hasFlag(args, c.name)) throw new UsageError(`--${c.set} sets the columns of --${c.name}, which is not given`);
  }
  return args.options.flatMap(({ name, value }): MergeClause[] => {
    const clause = clauseOptions.find((c) => c.name === name);
    if (!clause) return [];
    const condition = typeof value === 'string' ? value : undefined;
    const set = () => {
      const text = clause.set ? flagString(args, clause.set) : undefined;
      if (text === undefined) throw new UsageError(`--${name} needs --${clause.set} "col = value, ..."`);
      return toAssignments(text);
    };
    switch (clause.kind) {
      case 'whenMatchedUpdate': return [{ kind: clause.kind, set: set(), condition }];
      case 'whenNotMatchedInsert': return [{ kind: clause.kind, values: set(), condition }];
      case 'whenNotMatchedBySourceUpdate': return [{ kind: clause.kind, set: set(), condition }];
      default: return [{ kind: clause.kind, condition }];
    }
  });
}
