/**
 * Before committing: every data file the transaction adds is in the store at the size its add
 * action records. A commit naming a file the store lost would make the version unreadable.
 */
import { LakeError } from '../errors.ts';
import type { ObjectStore } from '../objectStore.ts';
import type { AbortSignal } from '../abort.ts';
import type { Transaction } from './transaction.ts';
import { addsOf } from './transaction.ts';
import { toDataFileKey } from './dataPaths.ts';

const concurrency = 8;

export async function checkDataFilesWritten(store: ObjectStore, tx: Transaction, signal?: AbortSignal): Promise<void> {
  const adds = addsOf(tx.actions);
  let next = 0;
  const worker = async () => {
    while (next < adds.length) {
      const add = adds[next++]!;
      const key = toDataFileKey(tx.tableRoot, add.path);
      let size: number;
      try {
        size = (await store.head(key, { signal })).size;
      } catch (error) {
        if (error instanceof LakeError && error.code === 'NotFound') {
          throw new LakeError('Network', `${key}: the store acknowledged writing this data file, but it is not there; nothing was committed, write the change again`, { cause: error });
        }
        throw error;
      }
      if (size !== add.size) {
        throw new LakeError('Network', `${key}: the store holds ${size} bytes of this data file, not the ${add.size} written; nothing was committed, write the change again`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, adds.length) }, worker));
}
