/**
 * What the DuckLake commands share: the catalog file (DuckDB or SQLite) opened read-only, the
 * snapshot (--snapshot N, else the latest), the table (--table schema.table) and where its data
 * files are read from: --data-path, else the catalog's data_path (relative to the catalog
 * file's folder, or an absolute local path; an abfss:// or other remote data path needs
 * --data-path, since the CLI reads local files).
 */
import { open, readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { LakeError } from '../../core/errors.ts';
import type { CatalogTable } from '../../core/ducklake/catalogAt.ts';
import { checkSnapshot } from '../../core/ducklake/catalogAt.ts';
import { classifyPath } from '../../core/ducklake/dataPaths.ts';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import type { OpenDucklake } from '../../query/ducklake/ducklakeCatalog.ts';
import { isDatabaseHeader } from '../../query/ducklake/catalogFormat.ts';
import type { DataFiles } from '../../query/ducklake/ducklakeScan.ts';
import { flagInteger, flagString, hasFlag, UsageError, type ParsedArgs } from '../args.ts';

/**
 * A database file as the first argument (SQLite's or DuckDB's magic bytes): a DuckLake catalog
 * rather than a Delta table folder. Other files go to the Delta command, which says what to give.
 */
export async function isCatalogFileArgument(args: ParsedArgs): Promise<boolean> {
  const path = args.positionals[0];
  if (!path) return false;
  try {
    if (!(await stat(path)).isFile()) return false;
    const handle = await open(path, 'r');
    try {
      const head = new Uint8Array(16);
      const { bytesRead } = await handle.read(head, 0, 16, 0);
      return isDatabaseHeader(head.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

export interface OpenedCatalog {
  lake: OpenDucklake;
  path: string;
  snapshotId: number;
}

export async function openCatalogArgument(args: ParsedArgs): Promise<OpenedCatalog> {
  const path = resolve(args.positionals[0] ?? '');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw new LakeError('NotFound', `catalog file ${path} cannot be read (${(error as Error).message})`, { cause: error });
  }
  if (hasFlag(args, 'version') || hasFlag(args, 'timestamp')) {
    throw new UsageError('a DuckLake catalog is read at a snapshot: give --snapshot N (not --version or --timestamp)');
  }
  const [{ openNodeSqlEngine }, { OpenDucklake }] = await Promise.all([import('../../query/duckdbNode.ts'), import('../../query/ducklake/ducklakeCatalog.ts')]);
  const lake = await OpenDucklake.open(path, bytes, openNodeSqlEngine);
  const snapshotId = flagInteger(args, 'snapshot') ?? lake.latestSnapshot;
  try {
    checkSnapshot(lake.catalog, snapshotId);
  } catch (error) {
    await lake.close();
    throw error;
  }
  return { lake, path, snapshotId };
}

export function tableArgument(opened: OpenedCatalog, args: ParsedArgs): CatalogTable {
  const name = flagString(args, 'table');
  if (!name) {
    const there = opened.lake.at(opened.snapshotId).tables.map((t) => t.qualifiedName);
    throw new UsageError(`${args.command} of a DuckLake catalog needs --table schema.table (at snapshot ${opened.snapshotId}: ${there.join(', ') || 'no tables'})`);
  }
  return opened.lake.table(name, opened.snapshotId);
}

export function dataFilesArgument(opened: OpenedCatalog, args: ParsedArgs): DataFiles {
  const given = flagString(args, 'data-path');
  const dataPath = opened.lake.catalog.dataPath ?? '';
  let root: string;
  if (given !== undefined) root = resolve(given);
  else if (classifyPath(dataPath) === 'relative') root = resolve(dirname(opened.path), dataPath);
  else if (classifyPath(dataPath) === 'local-absolute') root = dataPath;
  else throw new LakeError('InvalidInput', `${opened.path}: its data path is ${dataPath}, which the CLI cannot read; give --data-path with the local folder its files are in`);
  return {
    store: new NodeFsStore(root),
    // Files outside the data path: absolute local paths, and paths given to ducklake_add_data_files as
    // written, which are relative to where the catalog was written (taken as its folder).
    resolveAbsolute: (path) => {
      const kind = classifyPath(path);
      if (kind === 'local-absolute') return { store: new NodeFsStore('/'), key: path.replace(/^\/+/, '') };
      if (kind === 'relative') return { store: new NodeFsStore(dirname(opened.path)), key: path.replace(/^\.\//, '') };
      return undefined;
    },
  };
}
