/**
 * The writing commands: create, append, overwrite, delete, update, merge. Each plans a
 * transaction over the same core as the page, commits it with optimistic concurrency, and
 * prints the new version and metrics as JSON; a conflict exits with code 3 and delta-rs's message.
 */
import { resolve } from 'node:path';
import { LakeError } from '../../core/errors.ts';
import { seededRng } from '../../core/rng.ts';
import { loadSnapshot } from '../../core/delta/loadSnapshot.ts';
import { commitTransaction, type CommitOutcome } from '../../core/delta/commitTransaction.ts';
import { toIsolationLevel, type Transaction } from '../../core/delta/transaction.ts';
import type { MergeClause } from '../../core/delta/operations/merge.ts';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { runAppend, runCreateTable, runOverwrite } from '../../query/writeExecutor.ts';
import { runDelete, runUpdate } from '../../query/deleteUpdateExecutor.ts';
import { runMerge } from '../../query/mergeExecutor.ts';
import type { WriteContext } from '../../query/writeContext.ts';
import { flagInteger, flagList, flagString, type ParsedArgs } from '../args.ts';
import type { Io } from '../main.ts';
import { loadSources, parseSchemaFlag } from '../sources.ts';
import { engineInfo } from '../engineInfo.ts';
import { toSqlTableName } from '../../core/sqlNames.ts';

export const conflictExitCode = 3;

function openWrite(args: ParsedArgs) {
  const path = args.positionals[0];
  if (!path) throw new LakeError('InvalidInput', `lakelab ${args.command} needs a table path`);
  const store = new NodeFsStore(resolve(path));
  const isolation = flagString(args, 'isolation');
  if (isolation !== undefined && toIsolationLevel(isolation, 'SnapshotIsolation') === 'SnapshotIsolation' && isolation !== 'SnapshotIsolation') {
    throw new LakeError('InvalidInput', `--isolation must be Serializable, WriteSerializable or SnapshotIsolation, got "${isolation}"`);
  }
  const seed = Number(BigInt.asUintN(32, BigInt(Date.now()) ^ BigInt(process.pid)));
  const context: WriteContext = { store, rng: seededRng(seed), now: () => Date.now(), isolationLevel: isolation === undefined ? undefined : toIsolationLevel(isolation) };
  const readAt = () => loadSnapshot(store, '', { codec: parquetCodec, version: flagInteger(args, 'version') });
  return { store, context, readAt };
}

async function commitAndReport(args: ParsedArgs, io: Io, store: NodeFsStore, tx: Transaction, extra: Record<string, unknown> = {}): Promise<number> {
  const maxRetries = flagInteger(args, 'max-retries');
  const outcome: CommitOutcome = await commitTransaction(store, tx, { clock: { now: () => Date.now() }, engineInfo, maxRetries });
  if (outcome.status === 'committed') {
    io.stdout.write(`${JSON.stringify({ version: outcome.version, operation: tx.operation, readVersion: tx.readVersion, attempts: outcome.attempts, metrics: tx.operationMetrics ?? {}, ...extra })}\n`);
    return 0;
  }
  io.stderr.write(`${outcome.message}\n`);
  if (outcome.status === 'conflict') {
    io.stderr.write(`(${outcome.conflict.kind} against version ${outcome.conflict.winningVersion}${outcome.conflict.winningOperation ? `, a ${outcome.conflict.winningOperation}` : ''})\n`);
  }
  return conflictExitCode;
}

const sourcePaths = (args: ParsedArgs) => flagList(args, 'source') ?? [];

/** Source rows from files (--source), or from SQL over the table at the read version (--source-sql). */
async function sourceRows(args: ParsedArgs, snapshot: Awaited<ReturnType<ReturnType<typeof openWrite>['readAt']>>, store: NodeFsStore): Promise<Record<string, unknown>[]> {
  const sql = flagString(args, 'source-sql');
  if (sql === undefined) return (await loadSources(sourcePaths(args), { withFilename: args.flags.has('with-filename') })).rows;
  const [{ openNodeSqlEngine }, { registerSnapshot }, { toResultRows }] = await Promise.all([
    import('../../query/duckdbNode.ts'), import('../../query/registerSnapshot.ts'), import('../../query/sqlRows.ts'),
  ]);
  const engine = await openNodeSqlEngine();
  try {
    await registerSnapshot(engine, store, snapshot, { name: toSqlTableName(args.positionals[0] ?? 't') });
    return toResultRows(await engine.query(sql)).rows;
  } finally {
    await engine.close();
  }
}

export async function runCreate(args: ParsedArgs, io: Io): Promise<number> {
  const { store, context } = openWrite(args);
  const schemaText = flagString(args, 'schema');
  const paths = sourcePaths(args);
  const sources = paths.length > 0 ? await loadSources(paths, { withFilename: args.flags.has('with-filename') }) : undefined;
  const schema = schemaText ? parseSchemaFlag(schemaText) : sources?.schema;
  if (!schema) throw new LakeError('InvalidInput', 'lakelab create needs --schema or --source to take the schema from');
  const configuration = Object.fromEntries((flagList(args, 'property') ?? []).map((p) => {
    const at = p.indexOf('=');
    if (at < 1) throw new LakeError('InvalidInput', `--property must be key=value, got "${p}"`);
    return [p.slice(0, at), p.slice(at + 1)];
  }));
  const tx = await runCreateTable({ tableRoot: '', schema, partitionColumns: flagList(args, 'partition-by'), configuration, rows: sources?.rows }, context);
  return commitAndReport(args, io, store, tx);
}

export async function runAppendCommand(args: ParsedArgs, io: Io): Promise<number> {
  const { store, context, readAt } = openWrite(args);
  const snapshot = await readAt();
  return commitAndReport(args, io, store, await runAppend(snapshot, await sourceRows(args, snapshot, store), context));
}

export async function runOverwriteCommand(args: ParsedArgs, io: Io): Promise<number> {
  const { store, context, readAt } = openWrite(args);
  const snapshot = await readAt();
  return commitAndReport(args, io, store, await runOverwrite(snapshot, await sourceRows(args, snapshot, store), flagString(args, 'where'), context));
}

export async function runDeleteCommand(args: ParsedArgs, io: Io): Promise<number> {
  const { store, context, readAt } = openWrite(args);
  return commitAndReport(args, io, store, await runDelete(await readAt(), flagString(args, 'where'), context));
}

export async function runUpdateCommand(args: ParsedArgs, io: Io): Promise<number> {
  const { store, context, readAt } = openWrite(args);
  const set = toAssignments(flagString(args, 'set') ?? '');
  return commitAndReport(args, io, store, await runUpdate(await readAt(), flagString(args, 'where'), set, context));
}

export async function runMergeCommand(args: ParsedArgs, io: Io): Promise<number> {
  const { store, context, readAt } = openWrite(args);
  const on = flagString(args, 'on');
  if (!on) throw new LakeError('InvalidInput', 'lakelab merge needs --on, e.g. --on "t.id = s.id"');
  const snapshot = await readAt();
  const rows = await sourceRows(args, snapshot, store);
  const clauses = toMergeClauses(args);
  if (clauses.length === 0) throw new LakeError('InvalidInput', 'lakelab merge needs at least one clause, e.g. --when-not-matched-insert-all');
  const spec = {
    predicate: on,
    sourceAlias: flagString(args, 'source-alias') ?? 's',
    targetAlias: flagString(args, 'target-alias') ?? 't',
    clauses,
    streamedExec: !args.flags.has('no-streamed-exec'),
  };
  // The join in duckdb-wasm, as in the page (the blocking Node bundle: docs/decisions/0004).
  const { openNodeSqlEngine } = await import('../../query/duckdbNode.ts');
  const joinEngine = await openNodeSqlEngine();
  try {
    const result = await runMerge(snapshot, spec, rows, { ...context, joinEngine });
    return await commitAndReport(args, io, store, result.transaction);
  } finally {
    await joinEngine.close();
  }
}

/** Clause flags, in the order given; `--flag=CONDITION` adds a condition. */
function toMergeClauses(args: ParsedArgs): MergeClause[] {
  const clauses: MergeClause[] = [];
  for (const [flag, value] of args.flags) {
    const condition = typeof value === 'string' ? value : undefined;
    const set = () => toAssignments(flagString(args, `${flag}-set`) ?? '');
    if (flag === 'when-matched-update-all') clauses.push({ kind: 'whenMatchedUpdateAll', condition });
    else if (flag === 'when-matched-update') clauses.push({ kind: 'whenMatchedUpdate', set: set(), condition });
    else if (flag === 'when-matched-delete') clauses.push({ kind: 'whenMatchedDelete', condition });
    else if (flag === 'when-not-matched-insert-all') clauses.push({ kind: 'whenNotMatchedInsertAll', condition });
    else if (flag === 'when-not-matched-insert') clauses.push({ kind: 'whenNotMatchedInsert', values: set(), condition });
    else if (flag === 'when-not-matched-by-source-update') clauses.push({ kind: 'whenNotMatchedBySourceUpdate', set: set(), condition });
    else if (flag === 'when-not-matched-by-source-delete') clauses.push({ kind: 'whenNotMatchedBySourceDelete', condition });
  }
  return clauses;
}

/** "a = 1, b = s.b" to { a: '1', b: 's.b' }. */
export function toAssignments(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/,(?=(?:[^']*'[^']*')*[^']*$)/)) {
    if (!part.trim()) continue;
    const at = part.indexOf('=');
    if (at < 1) throw new LakeError('InvalidInput', `cannot read "${part.trim()}": write column = value`);
    out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return out;
}
