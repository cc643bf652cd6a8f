/**
 * What the writing commands share: the store and write context for the table path, the source
 * rows (files or SQL), and committing with optimistic concurrency, printing the new version and
 * metrics as JSON; a lost race exits with code 3 and delta-rs's message.
 */
import { randomUUID } from 'node:crypto';
import { LakeError } from '../core/errors.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import { commitTransaction, type CommitOutcome } from '../core/delta/commitTransaction.ts';
import { adviseOnRace } from '../core/delta/conflicts/adviseOnRace.ts';
import type { IsolationLevel, Transaction } from '../core/delta/transaction.ts';
import type { NodeFsStore } from '../storage/nodeFsStore.ts';
import { lazyParquetCodec as parquetCodec } from './lazyParquetCodec.ts';
import type { WriteContext } from '../query/writeContext.ts';
import { cryptoRng } from '../query/cryptoRng.ts';
import { toSqlTableName } from '../core/sqlNames.ts';
import { flagChoice, flagInteger, flagList, flagString, hasFlag, type ParsedArgs } from './args.ts';
import type { Io } from './command.ts';
import { loadSources } from './sources.ts';
import { engineInfo } from './engineInfo.ts';
import { tableStore } from './tableArgs.ts';

export const conflictExitCode = 3;

const isolationLevels: readonly IsolationLevel[] = ['Serializable', 'WriteSerializable', 'SnapshotIsolation'];

export function openWrite(args: ParsedArgs, options: { mayCreate?: boolean } = {}) {
  const store = tableStore(args, options);
  const isolationLevel = flagChoice(args, 'isolation', isolationLevels);
  const context: WriteContext = { store, rng: cryptoRng(), now: () => Date.now(), isolationLevel };
  const version = flagInteger(args, 'version');
  flagInteger(args, 'max-retries'); // checked now, before any data file is written
  const readAt = () => loadSnapshot(store, '', { codec: parquetCodec, version });
  return { store, context, readAt };
}

/**
 * Runs a rewriting command (MERGE, UPDATE, DELETE) with its data files encoded on worker threads
 * while it reads the next file (decision 0028); the threads end with it.
 */
export async function withEncodePool<T>(context: WriteContext, run: (context: WriteContext) => Promise<T>): Promise<T> {
  const { openEncodePool } = await import('../workers/encodePoolNode.ts');
  const pool = openEncodePool();
  try {
    return await run({ ...context, dataFileEncoder: pool });
  } finally {
    await pool.close();
  }
}

export async function commitAndReport(args: ParsedArgs, io: Io, store: NodeFsStore, tx: Transaction): Promise<number> {
  const maxRetries = flagInteger(args, 'max-retries');
  // commitInfo.txnId: how this change is found in the history if the process dies before it hears.
  tx.txnId = flagString(args, 'txn-id') ?? randomUUID();
  const outcome: CommitOutcome = await commitTransaction(store, tx, { clock: { now: () => Date.now() }, engineInfo, maxRetries, verifyDataFiles: true });
  if (outcome.status === 'committed') {
    io.stdout.write(`${JSON.stringify({ version: outcome.version, operation: tx.operation, readVersion: tx.readVersion, attempts: outcome.attempts, txnId: tx.txnId, metrics: tx.operationMetrics ?? {} })}\n`);
    return 0;
  }
  io.stderr.write(`${outcome.message}\n`);
  if (outcome.status === 'conflict') {
    io.stderr.write(`(${outcome.conflict.kind} against version ${outcome.conflict.winningVersion}${outcome.conflict.winningOperation ? `, a ${outcome.conflict.winningOperation}` : ''})\n`);
    io.stderr.write(`${(await adviseOnRace(store, tx, 'delta-rs')).text}\n`);
  }
  return conflictExitCode;
}

export const sourcePaths = (args: ParsedArgs) => flagList(args, 'source') ?? [];

/** Source rows from files (--source), or from SQL over the table at the read version (--source-sql). */
export async function sourceRows(args: ParsedArgs, snapshot: DeltaSnapshot, store: NodeFsStore): Promise<Record<string, unknown>[]> {
  const sql = flagString(args, 'source-sql');
  if (sql !== undefined && hasFlag(args, 'source')) throw new LakeError('InvalidInput', 'give the source rows with --source or --source-sql, not both');
  if (sql === undefined) return (await loadSources(sourcePaths(args), { withFilename: hasFlag(args, 'with-filename') })).rows;
  const [{ openNodeSqlEngine }, { registerSnapshot }, { toResultRows }] = await Promise.all([
    import('../query/duckdbNode.ts'), import('../query/registerSnapshot.ts'), import('../query/sqlRows.ts'),
  ]);
  const engine = await openNodeSqlEngine();
  try {
    await registerSnapshot(engine, store, snapshot, { name: toSqlTableName(args.positionals[0] ?? 't') });
    return toResultRows(await engine.query(sql)).rows;
  } finally {
    await engine.close();
  }
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
