/**
 * Where `lakelab sim` finds the tables a scenario can start from (`"table": {"fixture": ...}`):
 * the app's built-in samples (public/samples, the bytes the page serves, named as there:
 * "basic_append", "seed_merge"), every table under test/fixtures/delta (named by its path there:
 * "delta-rs/simple_table", "dat/basic_append/delta"), and the tables under any folder given with
 * --fixtures (named by their path in it; a folder that is itself a table, by its own name).
 */
import { existsSync, promises as fs } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { listingIndexName } from '../storage/httpStore.ts';
import { readFixtureFiles, type FixtureFiles, type FixtureLoader } from '../sim/fixtureTable.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
export const builtInFixtureFolders = [join(repoRoot, 'public', 'samples'), join(repoRoot, 'test', 'fixtures', 'delta')];

/** Fixtures from folders, searched in order (the first table of a name wins); files are read once and kept. */
export function folderFixtures(folders: string[] = builtInFixtureFolders): FixtureLoader {
  let tables: Promise<Map<string, string>> | undefined;
  const loaded = new Map<string, Promise<FixtureFiles>>();
  const findAll = async () => {
    const found = new Map<string, string>();
    for (const folder of folders) {
      for (const dir of await findTables(folder)) {
        const name = dir === folder ? basename(folder) : relative(folder, dir).split(sep).join('/');
        if (!found.has(name)) found.set(name, dir);
      }
    }
    return found;
  };
  return {
    names: async () => [...(await (tables ??= findAll())).keys()],
    load: async (name) => {
      const dir = (await (tables ??= findAll())).get(name);
      if (!dir) throw new Error(`bug: fixture "${name}" was not among the names`);
      let files = loaded.get(name);
      if (!files) loaded.set(name, (files = readFixtureFiles(new NodeFsStore(dir), (key) => key === listingIndexName)));
      return files;
    },
  };
}

/** Folders holding a _delta_log, under `folder` (or `folder` itself). */
async function findTables(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  if (existsSync(join(folder, '_delta_log'))) return [folder];
  const entries = await fs.readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((e) => findTables(join(folder, e.name))));
  return nested.flat();
}
