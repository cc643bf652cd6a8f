/**
 * A table of a DuckLake catalog for the explorer: the DuckLake session (ducklakeSession.ts) and
 * the table being read, answering in the format-neutral model the views read for Delta too.
 * History, schemas, files and the catalog come from the catalog file alone; data files are read
 * for rows, SQL and row diffs only.
 */
import { LakeError } from '../core/errors.ts';
import type { ObjectStore } from '../core/objectStore.ts';
import type { TableFilesPage } from '../core/table.ts';
import { latestSnapshotId } from '../core/ducklake/catalog.ts';
import { tableById } from '../core/ducklake/catalogAt.ts';
import { snapshotForTable, toCatalogObjects } from '../core/ducklake/catalogObjects.ts';
import { describeCatalogRead, toCatalogProtocol } from '../core/ducklake/catalogProtocol.ts';
import { tableBase } from '../core/ducklake/dataPaths.ts';
import { diffFiles, toVersionFiles } from '../core/ducklake/fileChanges.ts';
import { loadSnapshotRows } from '../core/ducklake/snapshotRows.ts';
import { growthAt } from '../core/ducklake/tableGrowth.ts';
import { toTableFiles, toTableSchema, toTableVersions } from '../core/ducklake/toTableModel.ts';
import { visibleAtSql } from '../core/ducklake/visibility.ts';
import { quoteIdentifier } from '../core/sqlNames.ts';
import { toTableFilesPage } from '../core/analysis/tableFilesPage.ts';
import type { SqlEngine } from '../query/duckdbEngine.ts';
import type { TableChanges } from '../query/ducklake/tableChanges.ts';
import { DucklakeSession } from './ducklakeSession.ts';
import type { DataPathState, DiffRows, TableTarget } from './protocol.ts';
import type { CallContext, TableReader } from './tableReader.ts';
import type { ExportSource } from './ducklakeExport.ts';
import type { DucklakeOperation } from '../query/ducklake/write/ducklakeOperation.ts';
import type { DucklakeWriteTarget } from './ducklakeWrites.ts';
import type { DucklakeSource } from './ducklakeSession.ts';

/** Where the Write view commits: the catalog's store (under its lease where it has leases), and how to read the catalog again after. */
export interface DucklakeWrites {
  target: DucklakeWriteTarget;
  source: DucklakeSource;
}

type DucklakeTarget = Extract<TableTarget, { format: 'ducklake' }>;

export interface OpenedCatalog {
  reader: TableReader;
  latestVersion: number;
  table?: string;
  dataPath: DataPathState;
}

export async function openDucklakeReader(
  store: ObjectStore,
  target: DucklakeTarget,
  openEngine: () => Promise<SqlEngine>,
  openDataStore?: (dataPath: string) => Promise<ObjectStore | undefined>,
  keepsWrites = false,
  address?: string,
  holder?: string,
): Promise<OpenedCatalog> {
  const source: DucklakeSource = { store, catalogKey: target.catalogKey, dataPath: target.dataPath, openDataStore };
  const session = await DucklakeSession.open({ ...source }, openEngine);
  try {
    const writes = holder && !store.readOnly ? { target: { store, catalogKey: target.catalogKey, holder, openEngine }, source } : undefined;
    const reader = new DucklakeReader(session, firstTable(session, target.table), { store, keepsWrites, openAddress: keepsWrites ? openDataStore : undefined, address }, writes);
    return { reader: reader.api(), latestVersion: session.latestSnapshot, table: reader.table, dataPath: reader.dataPathState() };
  } catch (error) {
    await session.close();
    throw error;
  }
}

/** The table the link names, else the first at the latest snapshot, else the last one that ever existed. */
function firstTable(session: DucklakeSession, wanted: string | undefined): string | undefined {
  const catalog = session.lake.catalog;
  const latest = latestSnapshotId(catalog);
  if (wanted !== undefined) {
    if (snapshotForTable(catalog, wanted, latest) === undefined) throw noSuchTable(session, wanted);
    return wanted;
  }
  const objects = toCatalogObjects(catalog, latest);
  return objects.tables[0]?.name ?? objects.elsewhere.at(-1)?.name;
}

function noSuchTable(session: DucklakeSession, name: string): LakeError {
  const objects = toCatalogObjects(session.lake.catalog, session.latestSnapshot);
  const names = [...objects.tables.map((t) => t.name), ...objects.elsewhere.map((t) => `${t.name} (snapshots ${t.from} to ${t.until === null ? 'now' : t.until - 1})`)];
  return new LakeError('NotFound', `${session.lake.catalog.name} has no table ${name} at any snapshot (${names.length > 0 ? `its tables: ${names.join(', ')}` : 'it has no tables'})`);
}

class DucklakeReader {
  private planned?: DucklakeOperation;

  constructor(private session: DucklakeSession, public table: string | undefined, private readonly exportSource: ExportSource, private readonly writes?: DucklakeWrites) {}

  private get lake() {
    return this.session.lake;
  }

  private requireTable(): string {
    if (this.table === undefined) throw new LakeError('NotFound', `${this.lake.catalog.name} has no tables: there is nothing to read yet`);
    return this.table;
  }

  /** The snapshot, or NotFound saying which the catalog has (the page's link notice quotes it). */
  private snapshotId(version: number | undefined, timestamp?: number): number {
    const snapshots = this.lake.catalog.snapshots;
    if (version === undefined && timestamp !== undefined) {
      const found = snapshots.filter((s) => s.snapshot_time / 1000 <= timestamp).at(-1);
      if (!found) throw new LakeError('NotFound', `no snapshot of ${this.lake.catalog.name} is as old as ${new Date(timestamp).toISOString()}`);
      return found.snapshot_id;
    }
    const id = version ?? this.session.latestSnapshot;
    if (!snapshots.some((s) => s.snapshot_id === id)) {
      throw new LakeError('NotFound', `snapshot ${id} does not exist: the catalog has snapshots ${snapshots[0]?.snapshot_id ?? 0} to ${snapshots.at(-1)?.snapshot_id ?? 0}`);
    }
    return id;
  }

  /** The open table's id, at any snapshot it existed (to follow it through renames and drops). */
  private tableId(): number {
    const name = this.requireTable();
    const at = snapshotForTable(this.lake.catalog, name, this.session.latestSnapshot);
    if (at === undefined) throw noSuchTable(this.session, name);
    return this.lake.table(name, at).tableId;
  }

  dataPathState(): DataPathState {
    const given = this.session.dataPath;
    return { written: this.lake.catalog.dataPath ?? null, ...(given !== undefined ? { given } : {}) };
  }

  private async readsFrom(): Promise<string> {
    try {
      const data = await this.session.dataFiles();
      return `${data.store.description}${data.prefix ? `, under ${data.prefix}` : ''}`;
    } catch (error) {
      return `nowhere yet: ${(error as Error).message}`;
    }
  }

  private async filesPage(version: number, offset: number, limit: number): Promise<TableFilesPage> {
    const table = this.lake.table(this.requireTable(), version);
    const files = toTableFiles(this.lake.catalog, table, version, await this.lake.filesAt(table, version));
    const inlined = [];
    for (const source of (await this.lake.plan(table, version)).inlined) {
      const [count] = await this.lake.file.query(`SELECT count(*) AS n FROM ${quoteIdentifier(source.tableName)} WHERE ${visibleAtSql(version)}`);
      inlined.push({ name: source.tableName, rows: Number(count?.n ?? 0) });
    }
    const base = tableBase(this.lake.catalog, table.tableId, version);
    const prefix = base.kind === 'relative' ? base.key : undefined;
    const scheduledForDeletion = (await this.lake.filesScheduledForDeletion())
      .filter((f) => prefix !== undefined && f.path.startsWith(prefix))
      .map((f) => ({ path: f.path, since: f.schedule_start === null ? null : f.schedule_start / 1000 }));
    return toTableFilesPage(version, files, offset, limit, { inlined, scheduledForDeletion });
  }

  api(): TableReader {
    // The session is replaced after a commit (the catalog file changed): read it at each call.
    const reader = this;
    return {
      history: async (options = {}) => {
        if (options.limit !== undefined || this.table === undefined) return toTableVersions(reader.lake.history(options));
        const growth = (await reader.lake.tableGrowth()).get(this.tableId()) ?? [];
        return toTableVersions(reader.lake.history(), growth);
      },
      snapshot: async (at) => {
        const version = this.snapshotId(at.version, at.timestamp);
        const table = reader.lake.table(this.requireTable(), version);
        const point = growthAt((await reader.lake.tableGrowth()).get(table.tableId), version);
        const snapshot = reader.lake.catalog.snapshots.find((s) => s.snapshot_id === version);
        return {
          version,
          timestamp: (snapshot?.snapshot_time ?? 0) / 1000,
          schema: toTableSchema(reader.lake.catalog, table, version),
          files: point?.files ?? 0,
          bytes: point?.bytes ?? 0,
          rows: point ? point.rows : 0,
          readFrom: describeCatalogRead(reader.lake.catalog, version),
          protocol: toCatalogProtocol(reader.lake.catalog, table, version, await this.readsFrom()),
          ...(at.version === undefined && at.timestamp !== undefined && { timeTravel: { by: 'ducklake_snapshot.snapshot_time', commitTime: (snapshot?.snapshot_time ?? 0) / 1000 } }),
        };
      },
      rows: (at) => reader.session.rows(this.requireTable(), this.snapshotId(at.version), at.limit),
      files: (at) => this.filesPage(this.snapshotId(at.version), at.offset, at.limit),
      versionFiles: async (version) => toVersionFiles(reader.lake.catalog, await reader.lake.tableFiles(this.tableId()), this.snapshotId(version)),
      commit: async (version) => ({
        version,
        key: `${reader.lake.catalog.name}: the catalog rows of snapshot ${version}`,
        actions: await loadSnapshotRows(reader.lake.file, reader.lake.catalog, this.snapshotId(version)),
      }),
      arrowIpc: (at) => reader.session.arrowIpc(this.requireTable(), this.snapshotId(at.version)),
      diff: async ({ from, to }) => {
        const id = this.tableId();
        const filesOf = async (version: number) => {
          const table = tableById(reader.lake.catalog, id, this.snapshotId(version));
          return table ? reader.lake.filesAt(table, version) : [];
        };
        return diffFiles(from, await filesOf(from), to, await filesOf(to));
      },
      diffRows: async ({ from, to, limit }) => toDiffRows(await reader.session.diffRows(this.requireTable(), this.snapshotId(from), this.snapshotId(to)), limit),
      schemaChanges: async ({ from, to }) => reader.session.schemaDiff(this.requireTable(), this.snapshotId(from), this.snapshotId(to)),
      catalog: async ({ version }) => toCatalogObjects(reader.lake.catalog, this.snapshotId(version)),
      useTable: async (name, version) => {
        const at = snapshotForTable(reader.lake.catalog, name, version);
        if (at === undefined) throw noSuchTable(reader.session, name);
        this.table = name;
        return { table: name, version: at };
      },
      setDataPath: async (dataPath) => {
        reader.session.setDataPath(dataPath);
        return this.dataPathState();
      },
      retention: () => Promise.reject(new LakeError('Unsupported', 'a DuckLake catalog has no VACUUM to preview: ducklake_expire_snapshots and ducklake_cleanup_old_files decide what goes, and the Files view lists the files already scheduled for deletion')),
      layout: () => Promise.reject(new LakeError('Unsupported', "the OPTIMIZE preview is delta-rs's bin-packing of a Delta table; a DuckLake catalog merges files with ducklake_merge_adjacent_files (the Files view shows this snapshot's sizes and partitions)")),
      changes: () => Promise.reject(new LakeError('Unsupported', "a DuckLake catalog's change feed is its table_changes, which the Diff view's rows show (each with its change_type)")),
      exportToDelta: async (request, context?: CallContext) => {
        const { runExportToDelta } = await import('./ducklakeExport.ts');
        return runExportToDelta(reader.session, this.requireTable(), this.exportSource, request, context);
      },
      planWrite: async (request) => {
        if (!this.writes) throw notWritable();
        const { toDucklakeOperation, planDucklakeWrite } = await import('./ducklakeWrites.ts');
        this.planned = undefined;
        const operation = await toDucklakeOperation(request, this.requireTable());
        const result = await planDucklakeWrite(this.session, operation);
        this.planned = operation;
        return result;
      },
      commitPlanned: async () => {
        if (!this.writes) throw notWritable();
        if (!this.planned) throw new LakeError('InvalidInput', 'there is no planned write to commit: preview one first');
        const { commitDucklakeWrite } = await import('./ducklakeWrites.ts');
        const result = await commitDucklakeWrite(this.session, this.planned, this.writes.target);
        this.planned = undefined;
        // The catalog changed: read it again (the data path given stays).
        const reopened = await DucklakeSession.open({ ...this.writes.source, dataPath: this.session.dataPath }, this.writes.target.openEngine);
        const old = this.session;
        this.session = reopened;
        await old.close();
        return result;
      },
      close: () => reader.session.close(),
    };
  }
}

export const ducklakeReadOnly = 'This catalog is read-only here (its source is read-only): Lakelab writes DuckLake catalogs in the page\'s memory (samples), in a picked folder and on Azure / OneLake. Every other view reads this table.';

function notWritable(): LakeError {
  return new LakeError('Unsupported', ducklakeReadOnly);
}

/** table_changes as the Diff view's two sides: deletes and preimages removed, inserts and postimages added, each with its rowid and change_type. */
export function toDiffRows(changes: TableChanges, limit: number): DiffRows {
  const columns = ['rowid', 'change_type', ...changes.columns];
  const side = (kinds: string[]) => changes.changes.filter((c) => kinds.includes(c.change_type)).map((c) => ({ rowid: c.rowid, change_type: c.change_type, ...c.row }));
  const removed = side(['delete', 'update_preimage']);
  const added = side(['insert', 'update_postimage']);
  return { removedColumns: columns, addedColumns: columns, removedCount: removed.length, addedCount: added.length, removed: removed.slice(0, limit), added: added.slice(0, limit) };
}
