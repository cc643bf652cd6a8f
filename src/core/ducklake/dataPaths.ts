/**
 * Where a table's files are. A data or delete file's path is relative to its table's path, the
 * table's to its schema's, the schema's to the catalog's data_path (each unless its
 * path_is_relative is false). Lakelab reads files through a store rooted at the data path, so a
 * location is a key under that root, or an absolute path when it lies outside the data path as
 * the catalog names it (a catalog written elsewhere: the user gives the data path instead).
 */
import { LakeError } from '../errors.ts';
import type { DucklakeCatalog } from './catalog.ts';
import type { Id } from './catalogRows.ts';
import { isVisibleAt } from './visibility.ts';

export type DataLocation = { kind: 'relative'; key: string } | { kind: 'absolute'; path: string };

export type DataPathKind = 'relative' | 'local-absolute' | 'url';

/** `data/` relative (to the catalog file's folder), `/srv/lake/` or `C:\lake\` local, `abfss://...`, `s3://...` URLs. */
export function classifyPath(path: string): DataPathKind {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return 'url';
  if (path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path) || path.startsWith('\\\\')) return 'local-absolute';
  return 'relative';
}

const withSlash = (path: string) => (path === '' || path.endsWith('/') ? path : `${path}/`);

/** Where `tableId`'s files live at `snapshotId`: its schema's and its own path joined. */
export function tableBase(catalog: DucklakeCatalog, tableId: Id, snapshotId: Id): DataLocation {
  const table = catalog.tables.find((t) => t.table_id === tableId && isVisibleAt(t, snapshotId)) ?? catalog.tables.find((t) => t.table_id === tableId);
  const schema = table && (catalog.schemas.find((s) => s.schema_id === table.schema_id && isVisibleAt(s, snapshotId)) ?? catalog.schemas.find((s) => s.schema_id === table.schema_id));
  const schemaBase = join({ kind: 'relative', key: '' }, schema?.path ?? '', schema?.path_is_relative ?? true);
  return join(schemaBase, table?.path ?? '', table?.path_is_relative ?? true);
}

/** A file's location: `path` under `base`, or as it is when not relative. */
export function fileLocation(catalog: DucklakeCatalog, base: DataLocation, path: string, isRelative: boolean | null): DataLocation {
  const joined = join(base, path, isRelative ?? true, false);
  if (joined.kind === 'relative') return { kind: 'relative', key: normalizeKey(joined.key, catalog.name, path) };
  const dataPath = catalog.dataPath;
  // An absolute path under the data path (or, written as given to ducklake_add_data_files, under a
  // relative data path: both relative to where the catalog was written) is read under the root.
  if (dataPath && joined.path.startsWith(withSlash(dataPath))) {
    return { kind: 'relative', key: normalizeKey(joined.path.slice(withSlash(dataPath).length), catalog.name, path) };
  }
  return joined;
}

function join(base: DataLocation, path: string, isRelative: boolean, folder = true): DataLocation {
  const part = folder ? withSlash(path) : path;
  if (!isRelative || classifyPath(path) !== 'relative') return { kind: 'absolute', path: part };
  return base.kind === 'relative' ? { kind: 'relative', key: base.key + part } : { kind: 'absolute', path: withSlash(base.path) + part };
}

function normalizeKey(key: string, catalogName: string, path: string): string {
  const segments: string[] = [];
  for (const segment of key.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) throw new LakeError('Unsupported', `${catalogName}: file ${path} lies outside the data path`);
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return segments.join('/');
}

export function describeLocation(location: DataLocation): string {
  return location.kind === 'relative' ? location.key : location.path;
}
