/**
 * The Write view on a DuckLake table: append (rows from CSV or Parquet files), delete and update
 * by predicate, each one snapshot. The preview reads the table at the latest snapshot and says
 * what would change; the commit runs it under the catalog's blob lease where the store has
 * leases (Azure / OneLake, and the page's memory for samples), so a second tab or a pipeline
 * run writing the same catalog is refused at once, naming the holder and since when. A store
 * without leases (a picked local folder) is written in place.
 */
import { LakeError } from '../core/errors.ts';
import type { ObjectStore } from '../core/objectStore.ts';
import type { Rng } from '../core/rng.ts';
import type { SqlEngine } from '../query/duckdbEngine.ts';
import { commitDucklake } from '../query/ducklake/write/commitDucklake.ts';
import { commitUnderLease } from '../query/ducklake/write/commitUnderLease.ts';
import type { DucklakeOperation } from '../query/ducklake/write/ducklakeOperation.ts';
import { findMatches } from '../query/ducklake/write/tableMatches.ts';
import type { DucklakeSession } from './ducklakeSession.ts';
import type { WriteRequest, WriteResult } from './protocol.ts';
import { cryptoRng } from '../query/cryptoRng.ts';

export interface DucklakeWriteTarget {
  store: ObjectStore;
  catalogKey: string;
  /** Who this page is, stamped as the lease's acquired_by. */
  holder: string;
  openEngine: () => Promise<SqlEngine>;
  now?: () => number;
  rng?: Rng;
}

export async function toDucklakeOperation(request: WriteRequest, table: string): Promise<DucklakeOperation> {
  switch (request.operation) {
    case 'append': {
      if (!request.sources || request.sources.length === 0) throw new LakeError('InvalidInput', 'append needs source rows: pick CSV or Parquet files');
      const { toSourcesRows } = await import('../query/sourceRows.ts');
      const files = request.sources.map((s) => ({ name: s.name, bytes: new Uint8Array(s.bytes) }));
      return { kind: 'insert', table, rows: (await toSourcesRows(files, { withFilename: request.withFilename })).rows };
    }
    case 'delete':
      return { kind: 'delete', table, predicate: request.predicate };
    case 'update':
      if (!request.set || Object.keys(request.set).length === 0) throw new LakeError('InvalidInput', 'an update needs at least one column to set');
      return { kind: 'update', table, predicate: request.predicate, set: request.set };
    default:
      throw new LakeError('Unsupported', `${request.operation} is a Delta operation; a DuckLake table takes append, delete and update`);
  }
}

/** What the operation would do at the latest snapshot, nothing written. */
export async function planDucklakeWrite(session: DucklakeSession, operation: DucklakeOperation): Promise<WriteResult> {
  const lake = session.lake;
  const readVersion = session.latestSnapshot;
  const table = lake.table(operation.table, readVersion);
  const files = (await lake.filesAt(table, readVersion)).length;
  if (operation.kind === 'insert') {
    const { toWriteRows } = await import('../query/ducklake/write/tableMatches.ts');
    const rows = toWriteRows(table, operation.rows);
    return { status: 'planned', readVersion, metrics: { num_inserted_rows: rows.length }, readFiles: 0, readWholeTable: false, samples: { inserted: operation.rows.slice(0, 10), updated: [], deleted: [] } };
  }
  if (operation.kind === 'createTable') throw new LakeError('Unsupported', 'create a table from the CLI: lakelab create <catalog> --table schema.t --schema ...');
  const matches = await findMatches(lake, table, readVersion, operation.predicate, await session.dataFiles());
  const metric = operation.kind === 'delete' ? 'num_deleted_rows' : 'num_updated_rows';
  return {
    status: 'planned', readVersion, metrics: { [metric]: matches.rows.length }, readFiles: files, readWholeTable: true,
    ...(operation.predicate ? { readPredicate: operation.predicate } : {}),
    samples: { inserted: [], updated: operation.kind === 'update' ? matches.rows.slice(0, 10) : [], deleted: operation.kind === 'delete' ? matches.rows.slice(0, 10) : [] },
  };
}

/** Commits the operation; the snapshot written (or, when nothing matched, the one read). A held lease is refused, naming its holder. */
export async function commitDucklakeWrite(session: DucklakeSession, operation: DucklakeOperation, target: DucklakeWriteTarget): Promise<WriteResult & { status: 'committed' }> {
  const readVersion = session.latestSnapshot;
  const data = await session.dataFiles();
  const now = target.now ?? (() => Date.now());
  const rng = target.rng ?? cryptoRng();
  const context = { data: { store: data.store, ...(data.prefix ? { prefix: data.prefix } : {}) }, openEngine: target.openEngine, now, rng };
  let result;
  if (target.store.leases) {
    const run = await commitUnderLease(target.store, target.catalogKey, [operation], { ...context, lease: { clock: { now }, holder: target.holder } });
    if (run.status !== 'committed') throw new LakeError('Aborted', `${run.message}; nothing was written`);
    result = run.value[0]!;
  } else {
    const out = await commitDucklake(target.catalogKey, await target.store.get(target.catalogKey), operation, context);
    if (out.result.snapshotId !== null) await target.store.put(target.catalogKey, out.bytes);
    result = out.result;
  }
  const metrics = { num_inserted_rows: result.inserted, num_deleted_rows: result.deleted, num_updated_rows: result.updated, changes_made: result.changesMade ?? 'nothing (no rows matched)', files_written: result.files.length };
  return { status: 'committed', version: result.snapshotId ?? readVersion, readVersion, attempts: 1, metrics };
}
