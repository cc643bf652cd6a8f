import { describe, expect, it } from 'vitest';
import { MemoryStore } from './memoryStore.ts';
import { isDuckLakeCatalogName, lakehouseRoots, loadFolderEntries, toBrowseEntries } from './azureBrowse.ts';

const put = (store: MemoryStore, key: string) => store.put(key, new TextEncoder().encode('x'));

describe('browsing a lakehouse', () => {
  it('marks Delta tables (also under schema folders), plain folders, and DuckLake catalogs', async () => {
    const store = new MemoryStore();
    await put(store, 'Tables/orders/_delta_log/00000000000000000000.json');
    await put(store, 'Tables/dbo/customers/_delta_log/00000000000000000000.json');
    await put(store, 'Files/raw/batch_001.csv');
    await put(store, 'Files/metadata.ducklake');
    await put(store, 'Files/catalog.sqlite');
    const tables = await loadFolderEntries(store, 'Tables/');
    expect(tables.map((e) => [e.name, e.kind])).toEqual([['dbo', 'folder'], ['orders', 'deltaTable']]);
    expect((await loadFolderEntries(store, 'Tables/dbo/')).map((e) => [e.name, e.kind])).toEqual([['customers', 'deltaTable']]);
    const files = await loadFolderEntries(store, 'Files/');
    expect(files.map((e) => [e.name, e.kind])).toEqual([['raw', 'folder'], ['catalog.sqlite', 'file'], ['metadata.ducklake', 'duckLakeCatalog']]);
  });

  it('turns a listing into entries without I/O', () => {
    const listing = {
      prefixes: ['Tables/dbo/', 'Tables/orders/'],
      objects: [{ key: 'Tables/ducklake_meta.sqlite', size: 4096, lastModified: 0 }],
    };
    expect(toBrowseEntries('Tables/', listing, new Set(['Tables/orders/']))).toEqual([
      { key: 'Tables/dbo/', name: 'dbo', kind: 'folder' },
      { key: 'Tables/orders/', name: 'orders', kind: 'deltaTable' },
      { key: 'Tables/ducklake_meta.sqlite', name: 'ducklake_meta.sqlite', kind: 'duckLakeCatalog', size: 4096 },
    ]);
  });

  it('knows DuckLake catalog names and lakehouse roots', () => {
    expect(isDuckLakeCatalogName('metadata.db')).toBe(true);
    expect(isDuckLakeCatalogName('my_ducklake.sqlite')).toBe(true);
    expect(isDuckLakeCatalogName('notes.db')).toBe(false);
    expect(lakehouseRoots('Lake.Lakehouse')).toEqual(['Tables/', 'Files/']);
    expect(lakehouseRoots('Lake.Lakehouse/Tables/orders')).toEqual(['']);
  });
});
