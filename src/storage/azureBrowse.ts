/**
 * Browsing a lakehouse (or any folder): its entries one level down, marking which folders are
 * Delta tables (they hold _delta_log/) and which files look like DuckLake catalogs.
 */
import type { ObjectStore } from '../core/objectStore.ts';

export interface BrowseEntry {
  /** Key of the folder (ending in '/') or file, relative to the store. */
  key: string;
  name: string;
  kind: 'folder' | 'deltaTable' | 'duckLakeCatalog' | 'file';
  size?: number;
}

const catalogName = /(\.ducklake|\.sqlite|\.sqlite3|\.db)$/i;

export function isDuckLakeCatalogName(name: string): boolean {
  return catalogName.test(name) && (/ducklake/i.test(name) || /\.ducklake$/i.test(name) || /^metadata\.(db|sqlite)$/i.test(name));
}

/** One level of `folder` ('' or ending in '/'), Delta tables marked by probing each sub-folder for _delta_log/. */
export async function loadFolderEntries(store: ObjectStore, folder: string): Promise<BrowseEntry[]> {
  const folders: string[] = [];
  const files: BrowseEntry[] = [];
  for await (const page of store.list(folder, { delimiter: '/' })) {
    folders.push(...page.prefixes);
    for (const o of page.objects) {
      const name = o.key.slice(folder.length);
      files.push({ key: o.key, name, kind: isDuckLakeCatalogName(name) ? 'duckLakeCatalog' : 'file', size: o.size });
    }
  }
  const marked = await Promise.all(folders.map(async (key) => {
    const name = key.slice(folder.length, -1);
    return { key, name, kind: (await hasDeltaLog(store, key)) ? 'deltaTable' as const : 'folder' as const };
  }));
  return [...marked, ...files];
}

async function hasDeltaLog(store: ObjectStore, folder: string): Promise<boolean> {
  for await (const page of store.list(`${folder}_delta_log/`)) if (page.objects.length > 0) return true;
  return false;
}

/** Where to start in a OneLake item: its Tables/ and Files/ folders. */
export function lakehouseRoots(path: string): string[] {
  return /\.Lakehouse$|^[0-9a-f-]{36}$/i.test(path.split('/').filter(Boolean).pop() ?? '') ? ['Tables/', 'Files/'] : [''];
}
