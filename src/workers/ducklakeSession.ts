/**
 * A DuckLake catalog for the table worker (and Node tests): the catalog file read from a store
 * with one GET, its data files read from the same store under the data path (the catalog's own,
 * relative to the catalog's folder, or the one the user gives: a catalog written elsewhere names
 * a local or abfss:// path that is not where its files are now), and answers in the
 * format-neutral model of core/table.ts, so the explorer's views read them as they read Delta's.
 * Data files are read only when rows are asked for, and the data path is resolved then too: a
 * catalog whose files cannot be reached still shows its history, schemas and files.
 */
import { LakeError } from '../core/errors.ts';
import { joinKey, type ObjectStore } from '../core/objectStore.ts';
import type { CatalogAtSnapshot, CatalogTable } from '../core/ducklake/catalogAt.ts';
import { classifyPath } from '../core/ducklake/dataPaths.ts';
import { diffColumns } from '../core/ducklake/schemaDiff.ts';
import { toTableFiles, toTableSchema, toTableVersions } from '../core/ducklake/toTableModel.ts';
import type { SchemaChange, TableFile, TableSchema, TableVersion } from '../core/table.ts';
import type { SqlEngine } from '../query/duckdbEngine.ts';
import { toDucklakeArrowIpc } from '../query/ducklake/registerDucklakeTable.ts';
import { OpenDucklake } from '../query/ducklake/ducklakeCatalog.ts';
import type { DataFiles } from '../query/ducklake/ducklakeScan.ts';
import { loadTableChanges, type TableChanges } from '../query/ducklake/tableChanges.ts';
import type { RowsResult } from './protocol.ts';

export interface DucklakeSource {
  store: ObjectStore;
  /** The catalog file's key in the store ("Files/metadata.db"). */
  catalogKey: string;
  /**
   * Where the data files are: a key prefix in the same store ("Tables/"), or an address the
   * source can open (`openDataStore`); the catalog's data_path when omitted.
   */
  dataPath?: string;
  /** A store rooted at a data path that is not a key in `store` (abfss://, https://), when the source reaches it; undefined when it cannot. */
  openDataStore?: (dataPath: string) => Promise<ObjectStore | undefined>;
}

export class DucklakeSession {
  private data?: Promise<DataFiles>;

  private constructor(readonly lake: OpenDucklake, private readonly source: DucklakeSource) {}

  static async open(source: DucklakeSource, openEngine: () => Promise<SqlEngine>): Promise<DucklakeSession> {
    const bytes = await source.store.get(source.catalogKey);
    return new DucklakeSession(await OpenDucklake.open(source.catalogKey, bytes, openEngine), source);
  }

  /** The data path given (undefined: the catalog's own), as the user wrote it. */
  get dataPath(): string | undefined {
    return this.source.dataPath;
  }

  /** Read data files under another data path from now on (undefined: the catalog's own). */
  setDataPath(dataPath: string | undefined): void {
    this.source.dataPath = dataPath === undefined || dataPath.trim() === '' ? undefined : dataPath.trim();
    this.data = undefined;
  }

  /** Where data files are read from, or why they cannot be: InvalidInput naming the data path. */
  dataFiles(): Promise<DataFiles> {
    this.data ??= resolveDataFiles(this.source, this.lake.catalog.dataPath ?? '');
    return this.data;
  }

  get latestSnapshot(): number {
    return this.lake.latestSnapshot;
  }

  catalogAt(snapshotId = this.latestSnapshot): CatalogAtSnapshot {
    return this.lake.at(snapshotId);
  }

  /** Newest first; with a table, its rows, files and bytes after each snapshot. */
  async history(table?: string): Promise<TableVersion[]> {
    const growth = table ? (await this.lake.tableGrowth()).get(this.lake.table(table).tableId) ?? [] : undefined;
    return toTableVersions(this.lake.history(), growth);
  }

  schema(table: string, snapshotId = this.latestSnapshot): TableSchema {
    return toTableSchema(this.lake.catalog, this.lake.table(table, snapshotId), snapshotId);
  }

  schemaDiff(table: string, from: number, to: number): SchemaChange[] {
    const after = this.lake.table(table, to);
    const before = this.lake.at(from).tables.find((t) => t.tableId === after.tableId)?.columns ?? [];
    return diffColumns(before, after.columns);
  }

  async files(table: string, snapshotId = this.latestSnapshot): Promise<TableFile[]> {
    const found = this.lake.table(table, snapshotId);
    return toTableFiles(this.lake.catalog, found, snapshotId, await this.lake.filesAt(found, snapshotId));
  }

  async rows(table: string, snapshotId: number, limit: number): Promise<RowsResult> {
    const found = this.lake.table(table, snapshotId);
    const { rows } = await this.lake.rows(found, snapshotId, await this.dataFiles(), { limit: limit + 1 });
    return { version: snapshotId, columns: found.columns.map((c) => c.name), rows: rows.slice(0, limit), truncated: rows.length > limit };
  }

  /** The table at a snapshot as Arrow IPC bytes for SQL (registered as a duckdb-wasm table), as for Delta. */
  async arrowIpc(table: string, snapshotId: number): Promise<Uint8Array> {
    const found: CatalogTable = this.lake.table(table, snapshotId);
    const { rows } = await this.lake.rows(found, snapshotId, await this.dataFiles());
    return toDucklakeArrowIpc(found, rows);
  }

  async diffRows(table: string, from: number, to: number): Promise<TableChanges> {
    return loadTableChanges(this.lake, table, from, to, await this.dataFiles());
  }

  close(): Promise<void> {
    return this.lake.close();
  }
}

/**
 * The data path as a place to read from: a relative one (the catalog's, relative to the catalog
 * file's folder; one given, relative to the store's root) as a key prefix in the catalog's store,
 * an address through the source's openDataStore. Files added from outside it by a relative path
 * (ducklake_add_data_files) are read relative to the catalog's folder.
 */
async function resolveDataFiles(source: DucklakeSource, catalogDataPath: string): Promise<DataFiles> {
  const folder = source.catalogKey.includes('/') ? source.catalogKey.slice(0, source.catalogKey.lastIndexOf('/') + 1) : '';
  const given = source.dataPath;
  const path = given ?? catalogDataPath;
  const resolveAbsolute = (file: string) => (classifyPath(file) === 'relative' ? { store: source.store, key: joinKey(folder, file.replace(/^\.\//, '')) } : undefined);
  if (classifyPath(path) === 'relative') {
    return { store: source.store, prefix: toPrefix(given !== undefined ? path : joinKey(folder, path.replace(/^\.\//, ''))), resolveAbsolute };
  }
  const remote = classifyPath(path) === 'url' ? await source.openDataStore?.(path) : undefined;
  if (remote) return { store: remote, prefix: '', resolveAbsolute };
  if (given !== undefined) {
    throw new LakeError('InvalidInput', `${source.catalogKey}: the data path given, ${given}, cannot be read from ${source.store.description}; give a folder in it (such as Tables/) or an address on the same storage account`);
  }
  throw new LakeError('InvalidInput', `${source.catalogKey}: its data path is ${path}, not in ${source.store.description}; give the data path its files are under (Read data files from, above the history)`);
}

function toPrefix(path: string): string {
  const prefix = path.replace(/^\/+/, '').replace(/^\.\//, '');
  return prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
}
