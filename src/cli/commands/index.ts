import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listingIndexName } from '../../storage/httpStore.ts';
import { loadListingIndex } from '../../storage/listingIndex.ts';
import type { ParsedArgs } from '../args.ts';
import type { Io } from '../main.ts';
import { tableStore } from '../tableArgs.ts';

/** `lakelab index <folder>`: write the listing index that lets a static HTTP server serve the folder's tables. */
export async function runIndex(args: ParsedArgs, io: Io): Promise<number> {
  const store = tableStore(args);
  const index = await loadListingIndex(store, { commitTimesFromLog: args.flags.has('commit-times') });
  const path = join(args.positionals[0] ?? '.', listingIndexName);
  await writeFile(path, `${JSON.stringify(index)}\n`);
  io.stdout.write(`${path}: ${index.objects.length} objects\n`);
  return 0;
}
