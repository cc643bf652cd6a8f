/**
 * Where a DuckLake write's catalog and data are: the catalog file (a local path, or an Azure /
 * OneLake address, credentials as for ducklake-export: exportLocations.ts) split into its
 * folder and name, and the data path: --data-path, else the catalog's data_path, relative to
 * the catalog's folder (on the same account for an address) or an absolute local path.
 */
import { basename, dirname, resolve } from 'node:path';
import { LakeError } from '../core/errors.ts';
import { classifyPath } from '../core/ducklake/dataPaths.ts';
import { isAzureAddress, openLocation, type Location } from './exportLocations.ts';

export interface CatalogLocation {
  folder: Location;
  /** The catalog's key in the folder's store. */
  name: string;
  /** For messages: the path, or the address without its SAS. */
  description: string;
}

export async function openCatalogLocation(text: string): Promise<CatalogLocation> {
  if (!isAzureAddress(text)) {
    const path = resolve(text);
    return { folder: await openLocation(dirname(path)), name: basename(path), description: path };
  }
  const [base = '', query] = text.split('?');
  const at = base.lastIndexOf('/');
  const name = decodeURIComponent(base.slice(at + 1));
  return { folder: await openLocation(`${base.slice(0, at)}${query ? `?${query}` : ''}`), name, description: base };
}

export async function openDataLocation(given: string | undefined, dataPath: string | undefined, catalog: CatalogLocation): Promise<Location> {
  if (given !== undefined) return openLocation(given);
  const path = dataPath ?? '';
  const kind = classifyPath(path);
  const folder = catalog.folder;
  if (kind === 'relative') {
    if (folder.kind === 'local') return openLocation(`${folder.path}/${path}`);
    const a = folder.address;
    return openLocation(`${a.accountUrl}/${a.container}/${[a.path, path].filter(Boolean).join('/')}${a.sas ? `?${a.sas}` : ''}`);
  }
  if (kind === 'local-absolute') return openLocation(path);
  throw new LakeError('InvalidInput', `${catalog.description}: its data path is ${path}; give --data-path with the folder or address its files are in`);
}
