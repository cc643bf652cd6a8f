import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listingIndexName } from '../../storage/httpStore.ts';
import { loadListingIndex } from '../../storage/listingIndex.ts';
import { hasFlag, type ParsedArgs } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { help } from '../commonOptions.ts';
import { tableStore } from '../tableArgs.ts';

export const indexCommand: Command = {
  spec: {
    name: 'index',
    summary: 'write lakelab-index.json so a static HTTP server can serve the folder\'s tables',
    positionals: [{ name: '<folder>' }],
    options: [
      { name: 'commit-times', takes: 'switch', description: 'date commit files by their commitInfo.timestamp (a copy or a checkout reset their times)' },
      help,
    ],
  },
  run: runIndex,
};

/** `lakelab index <folder>`: write the listing index that lets a static HTTP server serve the folder's tables. */
async function runIndex(args: ParsedArgs, io: Io): Promise<number> {
  const store = tableStore(args);
  const index = await loadListingIndex(store, { commitTimesFromLog: hasFlag(args, 'commit-times') });
  const path = join(args.positionals[0] ?? '.', listingIndexName);
  await writeFile(path, `${JSON.stringify(index)}\n`);
  io.stdout.write(`${path}: ${index.objects.length} objects\n`);
  return 0;
}
