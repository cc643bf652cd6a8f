/**
 * Where the Delta table is, seen from the DuckLake data path, and the `add.path` of a DuckLake
 * file: relative (URI-encoded) when the file lies under the Delta table root, else an absolute
 * URI, as PROTOCOL.md "Add File and Remove File" allows. Most engines (Fabric's included) read
 * only files inside the table, so an export whose files stay outside is reported as such.
 */
import { LakeError } from '../../errors.ts';
import type { DataLocation } from '../dataPaths.ts';

export interface ExportPlacement {
  /** The Delta table root as a key under the data path ('' is the data path itself; 'main/t/'), when it lies under it. */
  rootUnderDataPath?: string;
  /** The data path as an absolute URI ending in '/' (file:///srv/lake/, abfss://ws@onelake.dfs.fabric.microsoft.com/lh.Lakehouse/Tables/). */
  dataPathUri?: string;
}

export function toUriPath(relative: string): string {
  return relative.split('/').map((s) => encodeURIComponent(s).replace(/%3D/g, '=')).join('/');
}

/** An absolute local path or URL as a URI. */
export function toAbsoluteUri(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
  const slashed = path.replace(/\\/g, '/');
  return `file://${slashed.startsWith('/') ? '' : '/'}${toUriPath(slashed)}`;
}

export type AddPath = { path: string; inside: boolean };

export function toAddPath(location: DataLocation, placement: ExportPlacement, what: string): AddPath {
  if (location.kind === 'relative') {
    const root = placement.rootUnderDataPath;
    if (root !== undefined && location.key.startsWith(root)) return { path: toUriPath(location.key.slice(root.length)), inside: true };
    if (placement.dataPathUri) return { path: placement.dataPathUri.replace(/\/?$/, '/') + toUriPath(location.key), inside: false };
    throw new LakeError('InvalidInput', `${what} (${location.key} under the data path) lies outside the Delta table's folder, and the data path has no absolute address to refer to it by; export into a folder that holds the table's files (such as the table's own folder under the data path)`);
  }
  return { path: toAbsoluteUri(location.path), inside: false };
}
