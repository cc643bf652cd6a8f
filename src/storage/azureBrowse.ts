/**
 * Browsing a lakehouse (or any folder): its entries one level down, marking which folders are
 * Delta tables (they hold _delta_log/) and which files look like DuckLake catalogs.
 */
import type { ObjectMeta, ObjectStore } from '../core/objectStore.ts';

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

/** One level of `folder` from its delimited listing, given which sub-folders hold a _delta_log/: folders first, then files. */
export function toBrowseEntries(folder: string, listing: { objects: readonly ObjectMeta[]; prefixes: readonly string[] }, deltaTables: ReadonlySet<string>): BrowseEntry[] {
  const folders = listing.prefixes.map((key): BrowseEntry => ({ key, name: key.slice(folder.length).replace(/\/$/, ''), kind: deltaTables.has(key) ? 'deltaTable' : 'folder' }));
  const files = listing.objects.map((o): BrowseEntry => {
    const name = o.key.slice(folder.length);
    return { key: o.key, name, kind: isDuckLakeCatalogName(name) ? 'duckLakeCatalog' : 'file', size: o.size };
  });
  return [...folders, ...files];
}

/** One level of `folder` ('' or ending in '/'), Delta tables marked by probing each sub-folder for _delta_log/. */
export async function loadFolderEntries(store: ObjectStore, folder: string): Promise<BrowseEntry[]> {
  const listing: { objects: ObjectMeta[]; prefixes: string[] } = { objects: [], prefixes: [] };
  for await (const page of store.list(folder, { delimiter: '/' })) {
    listing.prefixes.push(...page.prefixes);
    listing.objects.push(...page.objects);
  }
  const probed = await Promise.all(listing.prefixes.map(async (key) => ((await hasDeltaLog(store, key)) ? [key] : [])));
  return toBrowseEntries(folder, listing, new Set(probed.flat()));
}

async function hasDeltaLog(store: ObjectStore, folder: string): Promise<boolean> {
  for await (const page of store.list(`${folder}_delta_log/`)) if (page.objects.length > 0) return true;
  return false;
}

/** Where to start in a OneLake item: its Tables/ and Files/ folders. */
export function lakehouseRoots(path: string): string[] {
  return /\.Lakehouse$|^[0-9a-f-]{36}$/i.test(path.split('/').filter(Boolean).pop() ?? '') ? ['Tables/', 'Files/'] : [''];
}
