/**
 * Export to Delta as the page's table worker runs it: the open DuckLake table exported into a
 * folder of the catalog's own store (the seed's lakehouse: Files/metadata.db, data under Tables/),
 * previewed first (nothing written), then written and read back as a Delta table; a catalog read
 * into the page's memory previews but refuses to write, saying where to export instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAll } from '../../src/core/objectStore.ts';
import { MemoryStore } from '../../src/storage/memoryStore.ts';
import { openNodeSqlEngine } from '../../src/query/duckdbNode.ts';
import { parquetCodec } from '../../src/query/parquetRows.ts';
import { openDucklakeReader } from '../../src/workers/ducklakeReader.ts';
import { canonicalExpected, canonicalRows, ducklakeFixtures, readJson } from '../support/ducklakeCases.ts';
import { readTableRows } from '../readTableRows.ts';

const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

async function lakehouse(): Promise<MemoryStore> {
  const store = new MemoryStore({ description: 'the lakehouse' });
  await store.put('Files/metadata.db', new Uint8Array(readFileSync(join(ducklakeFixtures, 'sqlite', 'seed-onelake', 'Files', 'metadata.db'))));
  const data = join(ducklakeFixtures, 'lakelab-generated', 'seed', 'data');
  for (const path of files(data)) await store.put(`Tables/${relative(data, path)}`, new Uint8Array(readFileSync(path)));
  return store;
}

const request = { target: 'Tables/staging/orders', readerVersion: 3 as const, mode: 'incremental' as const };

describe('Export to Delta in the table worker', () => {
  it('previews the log without writing, exports, and the Delta table reads as the catalog at its last snapshot', async () => {
    const store = await lakehouse();
    const target = { format: 'ducklake' as const, catalogKey: 'Files/metadata.db', dataPath: 'Tables/', table: 'staging.orders' };
    const { reader } = await openDucklakeReader(store, target, openNodeSqlEngine, undefined, true);
    try {
      const progress: string[] = [];
      const preview = await reader.exportToDelta({ ...request, dryRun: true }, { onProgress: (p) => progress.push(p.phase) });
      expect(preview.status).toBe('planned');
      expect(preview.commits.map((c) => c.snapshotId)).toEqual([2, 3, 4, 5]);
      expect(progress[0]).toBe('exporting snapshot 2 as version 0');
      expect(await listAll(store, 'Tables/staging/orders/_delta_log/')).toEqual([]);
      const done = await reader.exportToDelta({ ...request, dryRun: false });
      expect((await listAll(store, 'Tables/staging/orders/_delta_log/')).map((o) => o.key)).toHaveLength(4);
      expect(done).toMatchObject({ status: 'exported', outsideFiles: 0, delta: { root: 'Tables/staging/orders/' } });
      const rows = await readTableRows(store, { codec: parquetCodec, tableRoot: 'Tables/staging/orders/' });
      expect(canonicalRows(rows)).toEqual(canonicalExpected(readJson(join(ducklakeFixtures, 'cases', 'seed', 'reference', 'rows', 'staging.orders', 's6.json'))));
      expect((await reader.exportToDelta({ ...request, dryRun: false })).status).toBe('up-to-date');
    } finally {
      await reader.close();
    }
  });

  it('refuses to write into a catalog read into the page\'s memory, but previews it', async () => {
    const store = await lakehouse();
    const { reader } = await openDucklakeReader(store, { format: 'ducklake', catalogKey: 'Files/metadata.db', dataPath: 'Tables/', table: 'staging.orders' }, openNodeSqlEngine);
    try {
      expect((await reader.exportToDelta({ ...request, dryRun: true })).commits).toHaveLength(4);
      await expect(reader.exportToDelta({ ...request, dryRun: false })).rejects.toThrow(/read into the page's memory .* open the catalog from OneLake \/ Azure storage or with Pick a folder/);
      await expect(reader.exportToDelta({ ...request, target: 'abfss://other@acct.dfs.core.windows.net/x', dryRun: false })).rejects.toThrow(/is not on the storage account and container this catalog was opened from/);
    } finally {
      await reader.close();
    }
  });
});
