/** How each kind of source becomes an OpenTable the worker can open: a Delta table's folder, or a DuckLake catalog file. */
import type { OpenTable, SampleEntry } from './explorerStore.ts';

/** What a link or the person chose beside the source: a catalog's table, and a data path given instead of its own. */
export interface CatalogChoice {
  table?: string;
  data?: string;
}

/** Samples are static tables under public/samples, served with a listing index. */
export function sampleTable(sample: SampleEntry, base: string = globalThis.location?.href ?? 'http://localhost/', choice: CatalogChoice = {}): OpenTable {
  const url = new URL(sample.path.endsWith('/') ? sample.path : `${sample.path}/`, new URL('samples/', base)).href;
  if (sample.format === 'ducklake') {
    return {
      label: sample.name,
      link: { sample: sample.name, ...choiceLink(choice) },
      spec: { kind: 'sample', url },
      target: { format: 'ducklake', catalogKey: sample.catalog ?? 'catalog.ducklake', dataPath: choice.data ?? sample.dataPath, table: choice.table },
    };
  }
  return { label: sample.name, link: { sample: sample.name }, spec: { kind: 'sample', url }, target: { format: 'delta', root: '' } };
}

/**
 * A table's folder URL, or a catalog file's URL (its data path then relative to the file's
 * folder, as the catalog has it).
 */
export function urlTable(url: string, choice: CatalogChoice = {}): OpenTable {
  const file = catalogFileOf(url);
  if (file) {
    return {
      label: url,
      link: { url, ...choiceLink(choice) },
      spec: { kind: 'http', url: file.folder },
      target: { format: 'ducklake', catalogKey: file.name, dataPath: choice.data, table: choice.table },
    };
  }
  const normalised = url.endsWith('/') ? url : `${url}/`;
  return { label: url, link: { url }, spec: { kind: 'http', url: normalised }, target: { format: 'delta', root: '' } };
}

/** The catalog table an OpenTable reads ("schema.table"), or undefined for a Delta table (its own catalog). */
export function catalogTableOf(table: OpenTable | undefined): string | undefined {
  return table?.target.format === 'ducklake' ? table.target.table : undefined;
}

function choiceLink(choice: CatalogChoice): CatalogChoice {
  return { ...(choice.table ? { table: choice.table } : {}), ...(choice.data ? { data: choice.data } : {}) };
}

/** A DuckLake catalog's file name: DuckDB's `.ducklake` (or `.db`) and SQLite's `.sqlite`, `.sqlite3`, `metadata.db`. */
export function isCatalogFileName(name: string): boolean {
  return /\.(ducklake|db|sqlite|sqlite3)$/i.test(name);
}

function catalogFileOf(url: string): { folder: string; name: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const last = parsed.pathname.split('/').pop() ?? '';
  if (!isCatalogFileName(last)) return undefined;
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // a malformed escape: the name as written
  }
  return { folder: `${parsed.origin}${parsed.pathname.slice(0, parsed.pathname.length - last.length)}`, name };
}

/**
 * Files from <input webkitdirectory> or a drop carry paths like "folder/table/_delta_log/0.json".
 * Returns the tables among them: each folder that holds a _delta_log.
 */
export function findTableRoots(relativePaths: string[]): string[] {
  const roots = new Set<string>();
  for (const path of relativePaths) {
    const at = path.indexOf('_delta_log/');
    if (at >= 0 && (at === 0 || path[at - 1] === '/')) roots.add(path.slice(0, at));
  }
  return [...roots].sort();
}

/** The DuckLake catalog files among a folder's files (by name; none inside a Delta log). */
export function findCatalogFiles(relativePaths: string[]): string[] {
  return relativePaths.filter((path) => !path.includes('_delta_log/') && isCatalogFileName(path.split('/').pop() ?? '')).sort();
}
