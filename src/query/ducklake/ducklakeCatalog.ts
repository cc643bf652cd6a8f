/**
 * An opened DuckLake catalog: the catalog file, its tables read once, each table's files read
 * once when first asked for, and everything the explorer, the CLI and the table worker ask of
 * it: history, the catalog at a snapshot, a table's files, scan plans and rows.
 */
import type { Id } from '../../core/ducklake/catalogRows.ts';
import type { DucklakeCatalog } from '../../core/ducklake/catalog.ts';
import { latestSnapshotId } from '../../core/ducklake/catalog.ts';
import { catalogAt, findTable, type CatalogAtSnapshot, type CatalogTable } from '../../core/ducklake/catalogAt.ts';
import { toHistory, type DucklakeHistoryEntry } from '../../core/ducklake/history.ts';
import { loadCatalog } from '../../core/ducklake/loadCatalog.ts';
import { planTableScan, type DucklakeScanPlan } from '../../core/ducklake/planScan.ts';
import { filesAt, loadFilesScheduledForDeletion, loadTableFiles, type FileAtSnapshot, type TableFiles } from '../../core/ducklake/tableFiles.ts';
import { loadGrowthInputs, toTableGrowth, type GrowthPoint } from '../../core/ducklake/tableGrowth.ts';
import type { FileScheduledForDeletionRow } from '../../core/ducklake/catalogRows.ts';
import type { SqlEngine } from '../duckdbEngine.ts';
import { openCatalogFile, type CatalogFile, type OpenCatalogOptions } from './catalogFile.ts';
import { loadDucklakeRows, scanDucklake, type DataFiles, type DucklakeScanOptions } from './ducklakeScan.ts';
import type { RowsBatch } from './fileRows.ts';

export class OpenDucklake {
  private readonly files = new Map<Id, Promise<TableFiles>>();
  private growth?: Promise<Map<Id, GrowthPoint[]>>;

  private constructor(readonly file: CatalogFile, readonly catalog: DucklakeCatalog) {}

  /** Opens catalog bytes (DuckDB or SQLite) and reads its catalog tables. */
  static async open(name: string, bytes: Uint8Array, openEngine: () => Promise<SqlEngine>, options: OpenCatalogOptions = {}): Promise<OpenDucklake> {
    const file = await openCatalogFile(name, bytes, openEngine, options);
    try {
      return new OpenDucklake(file, await loadCatalog(file));
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  get latestSnapshot(): Id {
    return latestSnapshotId(this.catalog);
  }

  history(options: { limit?: number } = {}): DucklakeHistoryEntry[] {
    return toHistory(this.catalog, options);
  }

  at(snapshotId: Id = this.latestSnapshot): CatalogAtSnapshot {
    return catalogAt(this.catalog, snapshotId);
  }

  table(name: string, snapshotId: Id = this.latestSnapshot): CatalogTable {
    return findTable(this.catalog, name, snapshotId);
  }

  tableFiles(tableId: Id): Promise<TableFiles> {
    let files = this.files.get(tableId);
    if (!files) {
      files = loadTableFiles(this.file, this.catalog, tableId);
      files.catch(() => this.files.delete(tableId));
      this.files.set(tableId, files);
    }
    return files;
  }

  async filesAt(table: CatalogTable, snapshotId: Id): Promise<FileAtSnapshot[]> {
    return filesAt(await this.tableFiles(table.tableId), snapshotId);
  }

  filesScheduledForDeletion(): Promise<FileScheduledForDeletionRow[]> {
    return loadFilesScheduledForDeletion(this.file, this.catalog);
  }

  /** Rows, files and bytes of every table at each snapshot where they change. */
  tableGrowth(): Promise<Map<Id, GrowthPoint[]>> {
    this.growth ??= loadGrowthInputs(this.file, this.catalog).then(toTableGrowth);
    return this.growth;
  }

  async plan(table: CatalogTable | string, snapshotId: Id = this.latestSnapshot): Promise<DucklakeScanPlan> {
    const found = typeof table === 'string' ? this.table(table, snapshotId) : table;
    return planTableScan(this.catalog, found, snapshotId, await this.tableFiles(found.tableId));
  }

  async *scan(table: CatalogTable | string, snapshotId: Id, data: DataFiles, options: DucklakeScanOptions = {}): AsyncIterable<RowsBatch> {
    yield* scanDucklake(this.file, await this.plan(table, snapshotId), data, options);
  }

  async rows(table: CatalogTable | string, snapshotId: Id, data: DataFiles, options: DucklakeScanOptions = {}): Promise<RowsBatch> {
    return loadDucklakeRows(this.file, await this.plan(table, snapshotId), data, options);
  }

  close(): Promise<void> {
    return this.file.close();
  }
}
