/**
 * A table's rows at a snapshot, exactly as the ducklake extension reads them: each visible data
 * file (Parquet through parquet-wasm) with its deletes, then the inlined rows. Data files are
 * read from the data store (a store rooted at the data path: the catalog's, or the one the user
 * gave), or, for absolute paths outside it, from where `resolveAbsolute` says.
 */
import { LakeError, isLakeError } from '../../core/errors.ts';
import { joinKey, type ObjectStore } from '../../core/objectStore.ts';
import { throwIfAborted, type AbortSignal } from '../../core/abort.ts';
import { describeLocation, type DataLocation } from '../../core/ducklake/dataPaths.ts';
import type { DucklakeScanPlan } from '../../core/ducklake/planScan.ts';
import { readArrowTable } from '../parquetRead.ts';
import type { CatalogFile } from './catalogFile.ts';
import { loadInlinedDeletes, toDeletedPositions } from './deleteFiles.ts';
import { toFileRows, type RowsBatch } from './fileRows.ts';
import { loadInlinedRows } from './inlinedRows.ts';

export interface DataFiles {
  /** The store the data path is in. */
  store: ObjectStore;
  /** The data path's key prefix in `store` ('' or ending in '/'): the store is rooted at the data path when omitted. */
  prefix?: string;
  /** Where an absolute path outside the data path is read from; undefined: it cannot be read here. */
  resolveAbsolute?: (path: string) => { store: ObjectStore; key: string } | undefined;
}

export interface DucklakeScanOptions {
  signal?: AbortSignal;
  /** Stop after this many rows. */
  limit?: number;
}

export async function* scanDucklake(catalog: CatalogFile, plan: DucklakeScanPlan, data: DataFiles, options: DucklakeScanOptions = {}): AsyncIterable<RowsBatch> {
  const fields = plan.table.columns;
  let remaining = options.limit ?? Number.POSITIVE_INFINITY;
  const inlinedDeletes = plan.files.length > 0 ? await loadInlinedDeletes(catalog, plan.inlinedDeleteTable, plan.snapshotId) : new Map<number, Set<number>>();
  for (const file of plan.files) {
    if (remaining <= 0) return;
    throwIfAborted(options.signal, 'the scan');
    const name = describeLocation(file.location);
    const deleted = new Set<number>(inlinedDeletes.get(file.dataFileId) ?? []);
    for (const position of deleted) {
      if (position >= file.recordCount) throw new LakeError('Corrupt', `${plan.catalogName}: ${plan.inlinedDeleteTable} deletes row ${position} of data file ${name}, which has ${file.recordCount} rows`);
    }
    if (file.deleteFile) {
      const deleteName = describeLocation(file.deleteFile.location);
      const deletes = await readArrowTable(await readData(data, file.deleteFile.location, plan, 'delete file', options.signal), { name: deleteName });
      for (const position of toDeletedPositions(deletes, deleteName, plan.snapshotId, file.recordCount)) deleted.add(position);
    }
    const table = await readArrowTable(await readData(data, file.location, plan, 'data file', options.signal), { name });
    const batch = toFileRows({ file, name, table, fields, snapshotId: plan.snapshotId, deleted });
    yield limitBatch(batch, remaining);
    remaining -= batch.rows.length;
  }
  for (const source of plan.inlined) {
    if (remaining <= 0) return;
    const batch = await loadInlinedRows(catalog, source, fields, plan.snapshotId);
    yield limitBatch(batch, remaining);
    remaining -= batch.rows.length;
  }
}

function limitBatch(batch: RowsBatch, remaining: number): RowsBatch {
  if (batch.rows.length <= remaining) return batch;
  const cut = { ...batch, rows: batch.rows.slice(0, remaining), rowIds: batch.rowIds.slice(0, remaining) };
  return batch.positions ? { ...cut, positions: batch.positions.slice(0, remaining) } : cut;
}

/** What a missing file's message names: the catalog, the table and the snapshot read. */
export type ReadContext = Pick<DucklakeScanPlan, 'catalogName' | 'snapshotId'> & { table: Pick<DucklakeScanPlan['table'], 'qualifiedName'> };

export async function readData(data: DataFiles, location: DataLocation, plan: ReadContext, what: string, signal?: AbortSignal): Promise<Uint8Array> {
  const target = location.kind === 'relative' ? { store: data.store, key: joinKey(data.prefix ?? '', location.key) } : data.resolveAbsolute?.(location.path);
  if (!target) {
    throw new LakeError('NotFound', `${plan.catalogName}: ${what} ${location.kind === 'absolute' ? location.path : ''} of ${plan.table.qualifiedName} lies outside the data path; give the data path it is under`);
  }
  try {
    return await target.store.get(target.key, { signal });
  } catch (error) {
    if (isLakeError(error, 'NotFound')) {
      throw new LakeError('NotFound', `${plan.catalogName}: ${what} ${describeLocation(location)} of ${plan.table.qualifiedName} at snapshot ${plan.snapshotId} is missing from ${target.store.description ?? 'the data path'}`, { cause: error });
    }
    throw error;
  }
}

/** Every row of the plan, with row ids, in one list. */
export async function loadDucklakeRows(catalog: CatalogFile, plan: DucklakeScanPlan, data: DataFiles, options: DucklakeScanOptions = {}): Promise<RowsBatch> {
  const all: RowsBatch & { sources: string[] } = { source: plan.table.qualifiedName, rows: [], rowIds: [], sources: [] };
  for await (const batch of scanDucklake(catalog, plan, data, options)) {
    for (const row of batch.rows) all.rows.push(row);
    for (const id of batch.rowIds) all.rowIds.push(id);
    for (let i = 0; i < batch.rows.length; i++) all.sources.push(batch.source);
  }
  return all;
}
