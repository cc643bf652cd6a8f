/**
 * Writing the listing index a static HTTP server needs (see httpStore.ts). Commit files get
 * their commitInfo.timestamp as modification time when the folder's own times are meaningless
 * (a git checkout sets them all to the checkout time).
 */
import { listAll, type ObjectStore } from '../core/objectStore.ts';
import { toLogFile } from '../core/delta/logPaths.ts';
import { toListingIndex, type ListingIndex } from './httpStore.ts';

export async function loadListingIndex(store: ObjectStore, options: { commitTimesFromLog?: boolean } = {}): Promise<ListingIndex> {
  const objects = await listAll(store, '');
  if (options.commitTimesFromLog) {
    for (const meta of objects) {
      const at = meta.key.lastIndexOf('_delta_log/');
      const file = at >= 0 ? toLogFile(meta.key.slice(at + '_delta_log/'.length)) : undefined;
      if (file?.kind !== 'commit') continue;
      const text = new TextDecoder().decode(await store.get(meta.key));
      const match = /"commitInfo"\s*:\s*\{[^\n]*?"timestamp"\s*:\s*(\d+)/.exec(text);
      if (match) meta.lastModified = Number(match[1]);
    }
  }
  return toListingIndex(objects);
}
