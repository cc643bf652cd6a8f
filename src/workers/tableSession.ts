/**
 * What the table worker does for the page: holds the open table's store, caches snapshots,
 * and answers TableApi calls. Runs unchanged in a worker and in Node tests.
 */
import type { ObjectStore } from '../core/objectStore.ts';
import type { ParquetCodec } from '../core/parquetCodec.ts';
import type { AbortSignal } from '../core/abort.ts';
import { LakeError } from '../core/errors.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { loadCommit, loadHistory } from '../core/delta/history.ts';
import { toFilesPage } from '../core/analysis/activeFiles.ts';
import { planVersionDiff, subtractRows } from '../core/analysis/versionDiff.ts';
import { toTableGrowth } from '../core/analysis/tableGrowth.ts';
import { SnapshotRows } from '../query/tableRows.ts';
import { toArrowIpc } from '../query/jsonToArrow.ts';
import { planScan } from '../core/delta/planScan.ts';
import { scanDelta } from '../query/deltaScan.ts';
import { toJsonRows } from '../query/jsonValues.ts';
import type { CommitLog, DiffRows, DeltaDiffSummary as DiffSummary, FilesPage, HistoryEntry, LoadProgressMessage, RowsResult, SnapshotSummary, SourceSpec, WriteRequest, WriteResult } from './protocol.ts';
import { parseStats } from '../core/delta/stats.ts';
import { commitPlannedWrite, planWrite, type OpenJoinEngine, type PlannedWrite } from './sessionWrites.ts';
import { checkTableUrl } from '../storage/tableUrl.ts';
import { loadChangeRows, type ChangeRows } from '../query/changeFeedRows.ts';
import { toDeltaLayout, type DeltaLayout } from '../core/delta/analysis/layoutOf.ts';
import { loadRetentionPreview, type RetentionPreview, type RetentionRequest } from '../core/delta/analysis/loadRetentionPreview.ts';

export interface SessionDeps {
  openStore(source: SourceSpec): Promise<ObjectStore>;
  codec: ParquetCodec;
  /** duckdb-wasm for MERGE's join; MERGE joins in TypeScript without it. */
  openJoinEngine?: OpenJoinEngine;
}

export interface CallContext {
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgressMessage) => void;
}

const snapshotCacheSize = 8;

export class TableSession {
  private store?: ObjectStore;
  private tableRoot = '';
  private readonly snapshots = new Map<number, DeltaSnapshot>();
  private planned?: PlannedWrite;
  private generation = 0;

  constructor(private readonly deps: SessionDeps) {}

  async open(source: SourceSpec, tableRoot: string, context: CallContext = {}): Promise<{ latestVersion: number; readOnly?: string }> {
    // Opens can overlap (a sample still loading when the user picks a folder): the newest wins.
    const generation = ++this.generation;
    // A URL of the log folder, a file or a web page: say what to give before reading anything.
    const notATable = source.kind === 'http' || source.kind === 'sample' ? checkTableUrl(source.url) : undefined;
    if (notATable) throw notATable;
    const store = await this.deps.openStore(source);
    if (generation !== this.generation) throw new LakeError('Aborted', 'another table was opened meanwhile');
    this.store = store;
    this.tableRoot = tableRoot;
    this.snapshots.clear();
    const latest = await this.loadSnapshotAt({}, context);
    return { latestVersion: latest.version, readOnly: store.readOnly ? `${store.description} is read-only: Lakelab cannot write to it.` : undefined };
  }

  async history(options: { limit?: number } = {}, context: CallContext = {}): Promise<HistoryEntry[]> {
    const entries = await loadHistory(this.requireStore(), this.tableRoot, {
      signal: context.signal,
      limit: options.limit,
      withActions: options.limit === undefined,
      onProgress: (done, total) => context.onProgress?.({ phase: 'commits read', done, total }),
    });
    if (options.limit !== undefined) return entries.map(({ version, timestamp, commitInfo }) => ({ version, timestamp, commitInfo }));
    const earliest = entries[entries.length - 1]?.version ?? 0;
    const base = earliest === 0 ? undefined : await this.loadSnapshotAt({ version: earliest }, context);
    const growth = new Map(toTableGrowth(base, entries.map((e) => ({ version: e.version, actions: e.actions ?? [] }))).map((p) => [p.version, p]));
    return entries.map(({ version, timestamp, commitInfo }) => {
      const point = growth.get(version);
      return { version, timestamp, commitInfo, files: point?.files, bytes: point?.bytes, rows: point?.rows };
    });
  }

  async snapshot(at: { version?: number; timestamp?: number }, context: CallContext = {}): Promise<SnapshotSummary> {
    return toSnapshotSummary(await this.loadSnapshotAt(at, context));
  }

  async rows(
    at: { version: number; limit: number; columns?: string[] },
    context: CallContext = {},
  ): Promise<RowsResult> {
    const snapshot = await this.loadSnapshotAt({ version: at.version }, context);
    const plan = planScan(snapshot, { columns: at.columns });
    const rows: Record<string, unknown>[] = [];
    let truncated = false;
    for await (const batch of scanDelta(this.requireStore(), plan, { signal: context.signal, limit: at.limit + 1 })) {
      for (const row of toJsonRows(batch)) rows.push(row);
      if (rows.length > at.limit) {
        truncated = true;
        break;
      }
    }
    return { version: snapshot.version, columns: plan.columns.map((c) => c.logicalName), rows: rows.slice(0, at.limit), truncated };
  }

  async files(at: { version: number; offset: number; limit: number }, context: CallContext = {}): Promise<FilesPage> {
    const snapshot = await this.loadSnapshotAt({ version: at.version }, context);
    return toFilesPage(snapshot.version, snapshot.files, snapshot.metadata.partitionColumns, at.offset, at.limit);
  }

  async commit(version: number): Promise<CommitLog> {
    const commit = await loadCommit(this.requireStore(), this.tableRoot, version);
    return {
      version,
      key: `${this.tableRoot}_delta_log/${String(version).padStart(20, '0')}.json`,
      actions: commit.actions as unknown as Record<string, unknown>[],
    };
  }

  async arrowIpc(at: { version: number }, context: CallContext = {}): Promise<Uint8Array> {
    const snapshot = await this.loadSnapshotAt({ version: at.version }, context);
    const rows = await new SnapshotRows(this.requireStore(), snapshot).all();
    return toArrowIpc(rows, snapshot.schema.fields);
  }

  async diff(at: { from: number; to: number }, context: CallContext = {}): Promise<DiffSummary> {
    const plan = await this.diffPlan(at, context);
    return {
      fromVersion: plan.fromVersion, toVersion: plan.toVersion,
      removedFiles: plan.removedFiles.length, addedFiles: plan.addedFiles.length, changedDeletionVectors: plan.changedDeletionVectors.length,
      rowsRemoved: plan.rowsRemoved, rowsAdded: plan.rowsAdded,
    };
  }

  async diffRows(at: { from: number; to: number; limit: number }, context: CallContext = {}): Promise<DiffRows> {
    const plan = await this.diffPlan(at, context);
    const store = this.requireStore();
    const fromSnapshot = await this.loadSnapshotAt({ version: plan.fromVersion }, context);
    const toSnapshot = await this.loadSnapshotAt({ version: plan.toVersion }, context);
    const before = new SnapshotRows(store, fromSnapshot);
    const after = new SnapshotRows(store, toSnapshot);
    const removed = (await Promise.all([...plan.removedFiles, ...plan.changedDeletionVectors.map((c) => c.before)].map((f) => before.ofFile(f)))).flat();
    const added = (await Promise.all([...plan.addedFiles, ...plan.changedDeletionVectors.map((c) => c.after)].map((f) => after.ofFile(f)))).flat();
    const net = subtractRows(removed, added, (row) => JSON.stringify(row));
    // Each side keeps the columns of its own version: across a schema change they differ.
    return {
      removedColumns: fromSnapshot.schema.fields.map((f) => f.name),
      addedColumns: toSnapshot.schema.fields.map((f) => f.name),
      removedCount: net.removed.length,
      addedCount: net.added.length,
      removed: net.removed.slice(0, at.limit),
      added: net.added.slice(0, at.limit),
    };
  }

  private async diffPlan(at: { from: number; to: number }, context: CallContext) {
    const from = await this.loadSnapshotAt({ version: at.from }, context);
    const to = await this.loadSnapshotAt({ version: at.to }, context);
    return planVersionDiff(from.version, from.files, to.version, to.files);
  }

  retention(request: RetentionRequest, context: CallContext = {}): Promise<RetentionPreview> {
    return loadRetentionPreview(this.requireStore(), this.tableRoot, this.deps.codec, request, context.signal);
  }

  async layout(at: { version: number; targetSize?: number }, context: CallContext = {}): Promise<DeltaLayout> {
    return toDeltaLayout(await this.loadSnapshotAt({ version: at.version }, context), at.targetSize);
  }

  changes(at: { startVersion: number; endVersion: number; limit: number }, context: CallContext = {}): Promise<ChangeRows> {
    return loadChangeRows(this.requireStore(), this.tableRoot, at, (version) => this.loadSnapshotAt({ version }, context), context.signal);
  }

  async planWrite(request: WriteRequest): Promise<WriteResult> {
    const { planned, result } = await planWrite(this.requireStore(), this.tableRoot, this.deps.codec, request, undefined, this.deps.openJoinEngine);
    this.planned = planned;
    return result;
  }

  async commitPlanned(): Promise<WriteResult> {
    if (!this.planned) throw new LakeError('InvalidInput', 'there is no planned write to commit: preview one first');
    const result = await commitPlannedWrite(this.requireStore(), this.planned);
    if (result.status === 'committed') this.planned = undefined;
    return result;
  }

  private async loadSnapshotAt(at: { version?: number; timestamp?: number }, context: CallContext): Promise<DeltaSnapshot> {
    if (at.version !== undefined) {
      const cached = this.snapshots.get(at.version);
      if (cached) return cached;
    }
    const snapshot = await loadSnapshot(this.requireStore(), this.tableRoot, {
      version: at.version,
      timestamp: at.timestamp,
      codec: this.deps.codec,
      signal: context.signal,
      onProgress: context.onProgress,
    });
    this.snapshots.set(snapshot.version, snapshot);
    if (this.snapshots.size > snapshotCacheSize) {
      const oldest = this.snapshots.keys().next().value;
      if (oldest !== undefined) this.snapshots.delete(oldest);
    }
    return snapshot;
  }

  /** Forget the open table and everything read from it, the credential its store holds included. */
  async close(): Promise<void> {
    this.generation++;
    this.store = undefined;
    this.tableRoot = '';
    this.snapshots.clear();
    this.planned = undefined;
  }

  private requireStore(): ObjectStore {
    if (!this.store) throw new LakeError('InvalidInput', 'no table is open');
    return this.store;
  }
}

export function toSnapshotSummary(snapshot: DeltaSnapshot): SnapshotSummary {
  let numRecords: number | null = 0;
  let sizeInBytes = 0;
  for (const file of snapshot.files) {
    sizeInBytes += file.size;
    const records = parseStats(file)?.numRecords;
    if (numRecords !== null && records !== undefined) {
      numRecords += records - (file.deletionVector?.cardinality ?? 0);
    } else {
      numRecords = null;
    }
  }
  return {
    version: snapshot.version,
    timestamp: snapshot.timestamp,
    protocol: snapshot.protocol,
    metadata: snapshot.metadata,
    schema: snapshot.schema,
    numFiles: snapshot.files.length,
    numRecords,
    sizeInBytes,
    logSegment: snapshot.logSegment,
    ...(snapshot.timeTravel && { timeTravel: snapshot.timeTravel }),
  };
}
