/**
 * DuckLake commits to a catalog blob under the single-writer lease (core/lease/catalogLease.ts):
 * acquire (stamping acquired_at), download, commit each operation locally (commitDucklake: data
 * files to the data path, then the new catalog bytes), upload the catalog under the lease,
 * release. Nothing is acknowledged before the upload succeeded; a run that finds the lease held
 * gets 'held' with the holder's stamp at once, without reading the catalog.
 */
import type { ObjectStore } from '../../../core/objectStore.ts';
import { runUnderCatalogLease, type CatalogLeaseOptions, type CatalogLeaseRun } from '../../../core/lease/catalogLease.ts';
import { commitDucklake } from './commitDucklake.ts';
import type { DucklakeCommitResult, DucklakeOperation, DucklakeWriteContext } from './ducklakeOperation.ts';

export interface LeasedCommitContext extends Omit<DucklakeWriteContext, 'data'> {
  lease: CatalogLeaseOptions;
  /** Where the data files go, given the catalog as downloaded (its data_path). */
  data: DucklakeWriteContext['data'] | ((catalog: Uint8Array) => Promise<DucklakeWriteContext['data']>);
}

export function commitUnderLease(store: ObjectStore, key: string, operations: readonly DucklakeOperation[], context: LeasedCommitContext): Promise<CatalogLeaseRun<DucklakeCommitResult[]>> {
  return runUnderCatalogLease(store, key, context.lease, async (downloaded) => {
    const data = typeof context.data === 'function' ? await context.data(downloaded) : context.data;
    let bytes = downloaded;
    const results: DucklakeCommitResult[] = [];
    for (const operation of operations) {
      const out = await commitDucklake(key, bytes, operation, { ...context, data });
      bytes = out.bytes;
      results.push(out.result);
    }
    return results.some((r) => r.snapshotId !== null) ? { catalog: bytes, value: results } : { value: results };
  });
}
