/**
 * The listing index a static HTTP server needs (see httpStore.ts): writing it, and reading one.
 * With `commitTimesFromLog`, commit files are dated by their commit's own time (commitTimestamp.ts)
 * when the folder's times are meaningless (a git checkout sets them all to the checkout time).
 */
import { LakeError } from '../core/errors.ts';
import { listAll, type ObjectStore } from '../core/objectStore.ts';
import { toLogFile } from '../core/delta/logPaths.ts';
import { parseActions } from '../core/delta/parseActions.ts';
import { commitInfoOf } from '../core/delta/actions.ts';
import { commitTimestampOf } from '../core/delta/commitTimestamp.ts';
import { listingIndexName, toListingIndex, type ListingIndex } from './httpStore.ts';

export async function loadListingIndex(store: ObjectStore, options: { commitTimesFromLog?: boolean } = {}): Promise<ListingIndex> {
  const objects = (await listAll(store, '')).filter((meta) => meta.key !== listingIndexName);
  if (options.commitTimesFromLog) {
    for (const meta of objects) {
      const at = meta.key.lastIndexOf('_delta_log/');
      const name = at >= 0 ? meta.key.slice(at + '_delta_log/'.length) : '';
      if (toLogFile(name)?.kind !== 'commit') continue;
      const commitInfo = commitInfoOf(parseActions(await store.get(meta.key), name));
      meta.lastModified = commitTimestampOf(commitInfo, meta.lastModified);
    }
  }
  return toListingIndex(objects);
}

export function parseListingIndex(bytes: Uint8Array, where: string): ListingIndex {
  let index: unknown;
  try {
    index = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new LakeError('Corrupt', `${where} is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const objects = (index as Partial<ListingIndex> | null)?.objects;
  if ((index as Partial<ListingIndex> | null)?.version !== 1 || !Array.isArray(objects)
    || !objects.every((o) => typeof o?.key === 'string' && typeof o.size === 'number' && typeof o.lastModified === 'number')) {
    throw new LakeError('Corrupt', `${where} is not a version 1 listing index`);
  }
  return index as ListingIndex;
}
