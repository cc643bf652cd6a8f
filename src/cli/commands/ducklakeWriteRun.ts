/**
 * What `create|append|delete|update <catalog> --table schema.table` run on a DuckLake catalog
 * (ducklakeWrites.ts declares them). A local catalog file: under a lock file, the new catalog
 * written beside it and renamed over it. An Azure / OneLake address: under the blob lease
 * (core/lease/catalogLease.ts): acquire with the acquired_at stamp, download, commit locally,
 * upload under the lease, release; a held lease fails fast naming its holder and since when.
 * Prints one JSON line: the snapshot written and what changed. A held lock or lease, or a lease
 * lost while committing, exits with code 3.
 */
import { hostname, userInfo } from 'node:os';
import { LakeError } from '../../core/errors.ts';
import { openNodeSqlEngine } from '../../query/duckdbNode.ts';
import { OpenDucklake } from '../../query/ducklake/ducklakeCatalog.ts';
import { commitDucklake } from '../../query/ducklake/write/commitDucklake.ts';
import { commitUnderLease } from '../../query/ducklake/write/commitUnderLease.ts';
import type { DucklakeCommitResult, DucklakeOperation } from '../../query/ducklake/write/ducklakeOperation.ts';
import { flagString, hasFlag, UsageError, type ParsedArgs } from '../args.ts';
import type { Io } from '../command.ts';
import { openCatalogLocation, openDataLocation, type CatalogLocation } from '../catalogLocation.ts';
import { parseDucklakeSchema } from '../ducklakeSchemaFlag.ts';
import { acquireLocalLock, writeFileAtomically } from '../localCatalogLock.ts';
import { loadSources } from '../sources.ts';
import { conflictExitCode, sourcePaths, toAssignments } from '../writeCommit.ts';
import { staleAfterOption } from './staleAfter.ts';
import { cryptoRng } from '../../query/cryptoRng.ts';

export function cliHolder(): string {
  let user = 'unknown';
  try { user = userInfo().username; } catch { /* no user database */ }
  return `lakelab cli (${user}@${hostname()} pid ${process.pid})`;
}

/** The operations a command makes, in order (create with --source: the table, then its rows). */
async function toOperations(args: ParsedArgs): Promise<DucklakeOperation[]> {
  const table = flagString(args, 'table');
  if (!table) throw new UsageError(`${args.command} on a DuckLake catalog needs --table schema.table`);
  const sourceRows = async () => (await loadSources(sourcePaths(args), { withFilename: hasFlag(args, 'with-filename') })).rows;
  switch (args.command) {
    case 'create': {
      const schema = flagString(args, 'schema');
      if (!schema) throw new UsageError('create on a DuckLake catalog needs --schema "id int64, name varchar"');
      const create: DucklakeOperation = { kind: 'createTable', table, columns: parseDucklakeSchema(schema) };
      return sourcePaths(args).length > 0 ? [create, { kind: 'insert', table, rows: await sourceRows() }] : [create];
    }
    case 'append':
      if (sourcePaths(args).length === 0) throw new UsageError('append needs --source FILE with the rows');
      return [{ kind: 'insert', table, rows: await sourceRows() }];
    case 'delete':
      return [{ kind: 'delete', table, predicate: flagString(args, 'where') }];
    case 'update': {
      const set = flagString(args, 'set');
      if (set === undefined) throw new UsageError('needs --set "col = value, ..."');
      return [{ kind: 'update', table, predicate: flagString(args, 'where'), set: toAssignments(set) }];
    }
    default:
      throw new UsageError(`${args.command} does not write DuckLake catalogs`);
  }
}

export async function runDucklakeWrite(args: ParsedArgs, io: Io): Promise<number> {
  const operations = await toOperations(args);
  const staleAfterMs = staleAfterOption(args);
  const catalog = await openCatalogLocation(args.positionals[0] ?? '');
  const commitInfo = { ...(flagString(args, 'author') ? { author: flagString(args, 'author') } : {}), ...(flagString(args, 'message') ? { commitMessage: flagString(args, 'message') } : {}) };
  const rng = cryptoRng();
  const commitAll = async (bytes: Uint8Array) => {
    const data = await dataFor(args, catalog, bytes);
    const results: DucklakeCommitResult[] = [];
    for (const operation of operations) {
      const out = await commitDucklake(catalog.name, bytes, operation, { data: { store: data }, openEngine: openNodeSqlEngine, now: () => Date.now(), rng, commitInfo });
      bytes = out.bytes;
      results.push(out.result);
    }
    return { bytes, results, changed: results.some((r) => r.snapshotId !== null) };
  };
  if (catalog.folder.kind === 'local') {
    if (hasFlag(args, 'stale-after')) throw new UsageError('--stale-after is for a catalog on Azure / OneLake (under a blob lease); a local catalog is guarded by its lock file');
    const lock = await acquireLocalLock(`${catalog.folder.path}/${catalog.name}`, cliHolder(), Date.now());
    if (lock.status === 'held') {
      io.stderr.write(`${lock.message}\n`);
      return conflictExitCode;
    }
    try {
      const { bytes, results, changed } = await commitAll(await readCatalog(catalog));
      if (changed) await writeFileAtomically(`${catalog.folder.path}/${catalog.name}`, bytes);
      report(io, results, {});
      return 0;
    } finally {
      await lock.lock.release();
    }
  }
  const run = await commitUnderLease(catalog.folder.store, catalog.name, operations, {
    lease: { clock: { now: () => Date.now() }, holder: cliHolder(), ...(staleAfterMs === undefined ? {} : { staleAfterMs }) },
    data: async (bytes) => ({ store: await dataFor(args, catalog, bytes) }),
    openEngine: openNodeSqlEngine,
    now: () => Date.now(),
    rng,
    commitInfo,
  });
  if (run.status === 'committed') {
    if (run.broke) io.stderr.write(`lakelab: broke the stale lease of ${run.broke.acquiredBy ?? 'an unknown holder'} (since ${run.broke.acquiredAt ?? 'an unknown time'})\n`);
    report(io, run.value, { lease: { released: run.released, ...(run.broke ? { broke: run.broke } : {}) } });
    return 0;
  }
  io.stderr.write(`${run.message}\n`);
  return conflictExitCode;
}

async function readCatalog(catalog: CatalogLocation): Promise<Uint8Array> {
  try {
    return await catalog.folder.store.get(catalog.name);
  } catch (error) {
    throw new LakeError('NotFound', `catalog file ${catalog.description} cannot be read (${(error as Error).message}); Lakelab writes to an existing DuckLake catalog (make one with DuckDB: ATTACH 'ducklake:<file>')`, { cause: error });
  }
}

async function dataFor(args: ParsedArgs, catalog: CatalogLocation, bytes: Uint8Array) {
  const lake = await OpenDucklake.open(catalog.description, bytes, openNodeSqlEngine);
  try {
    return (await openDataLocation(flagString(args, 'data-path'), lake.catalog.dataPath, catalog)).store;
  } finally {
    await lake.close();
  }
}

function report(io: Io, results: DucklakeCommitResult[], extra: Record<string, unknown>): void {
  for (const r of results) {
    io.stdout.write(`${JSON.stringify({ snapshot: r.snapshotId, operation: r.operation, table: r.table, inserted: r.inserted, deleted: r.deleted, updated: r.updated, changes: r.changesMade, files: r.files, ...extra })}\n`);
  }
}
