/** Fixture tables read from disk, for tests that need them in another store. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listAll } from '../../src/core/objectStore.ts';
import { NodeFsStore } from '../../src/storage/nodeFsStore.ts';

export const fixturesDir = join(import.meta.dirname, '..', 'fixtures', 'delta');

export async function fixtureTable(name: string): Promise<Map<string, { data: Uint8Array; lastModified: number }>> {
  const dir = join(fixturesDir, name);
  const objects = await listAll(new NodeFsStore(dir), '');
  return new Map(objects.map((o) => [o.key, { data: new Uint8Array(readFileSync(join(dir, o.key))), lastModified: statSync(join(dir, o.key)).mtimeMs }]));
}
