/**
 * A DuckLake table exported to a Delta table, one commit per snapshot that changed it: the
 * target's log read for an earlier export (incremental) or required empty (full), the facts
 * read, then each snapshot planned (core), its rows written, its deletion vector file written
 * and its commit put-if-absent. A dry run plans and writes nothing; written files show as
 * placeholders. Outcomes the caller acts on are values: up to date, dropped, a lost race.
 */
import type { Action, Add } from '../../../core/delta/actions.ts';
import { LakeError, isLakeError } from '../../../core/errors.ts';
import { joinKey, type ObjectStore } from '../../../core/objectStore.ts';
import type { Rng } from '../../../core/rng.ts';
import { throwIfAborted, type AbortSignal } from '../../../core/abort.ts';
import { commitKey } from '../../../core/delta/logPaths.ts';
import { loadSnapshot } from '../../../core/delta/loadSnapshot.ts';
import { CommitAttempts } from '../../../core/delta/commitWrite.ts';
import { checkExportable, findExportTable, toExportRange } from '../../../core/ducklake/export/exportTable.ts';
import { provenanceOf, toExportedEntries, type PreviousExport } from '../../../core/ducklake/export/exportTarget.ts';
import type { ExportPlacement } from '../../../core/ducklake/export/exportPaths.ts';
import type { ExportReaderVersion } from '../../../core/ducklake/export/exportProtocol.ts';
import { startExport } from '../../../core/ducklake/export/planExport.ts';
import { completeExportCommit, planExportCommit, type PlannedWrite } from '../../../core/ducklake/export/planExportCommit.ts';
import { parquetCodec } from '../../parquetRows.ts';
import type { OpenDucklake } from '../ducklakeCatalog.ts';
import type { DataFiles } from '../ducklakeScan.ts';
import { loadExportFacts } from './loadExportFacts.ts';
import { loadWriteRows, writeExportRows } from './writeExportRows.ts';

export interface DeltaTarget {
  store: ObjectStore;
  /** The Delta table's key prefix in the store ('' or ending in '/'). */
  root: string;
  /** What to call it in messages. */
  description: string;
}

export interface ExportOptions {
  lake: OpenDucklake;
  /** "schema.table" */
  table: string;
  data: DataFiles;
  target: DeltaTarget;
  placement: ExportPlacement;
  mode: 'incremental' | 'full';
  readerVersion?: ExportReaderVersion;
  /** The last snapshot to export (default: the latest). */
  snapshot?: number;
  dryRun?: boolean;
  rng: Rng;
  engineInfo: string;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportProgress { done: number; total: number; snapshotId: number; version: number }

export interface ExportedCommit { version: number; snapshotId: number; actions: Action[]; writtenFiles: number }

export interface ExportOutcome {
  status: 'exported' | 'up-to-date' | 'planned' | 'conflict';
  table: string;
  tableId: number;
  readerVersion: ExportReaderVersion;
  /** The snapshot the target held before (incremental), if any. */
  previousSnapshot?: number;
  commits: ExportedCommit[];
  /** The DuckLake table was dropped: the Delta table stops at the snapshot before, and should be retired. */
  dropped?: { snapshotId: number; lastSnapshot: number };
  /** Adds whose files lie outside the Delta table's folder (absolute URIs, which Fabric does not follow). */
  outsideFiles: number;
  /** For a conflict: what happened. */
  message?: string;
}

export async function exportToDelta(options: ExportOptions): Promise<ExportOutcome> {
  const { lake, target } = options;
  const catalog = lake.catalog;
  const upTo = options.snapshot ?? lake.latestSnapshot;
  const tableId = findExportTable(catalog, options.table, upTo);
  const previous = await loadPreviousExport(target, options.mode);
  checkExportable(catalog, tableId, toExportRange(catalog, tableId, previous?.provenance.snapshotId, upTo).snapshots);
  const files = await lake.tableFiles(tableId);
  const facts = await loadExportFacts(lake.file, catalog, files, options.data, options.table, previous?.provenance.snapshotId);
  const start = startExport({ catalog, tableId, files, facts, readerVersion: options.readerVersion, upTo, placement: options.placement, previous, rng: options.rng, engineInfo: options.engineInfo });
  let state = start.state;
  const outcome: ExportOutcome = {
    status: options.dryRun ? 'planned' : 'exported',
    table: options.table,
    tableId,
    readerVersion: start.context.readerVersion,
    previousSnapshot: start.alreadyExported,
    commits: [],
    dropped: start.range.dropped,
    outsideFiles: 0,
  };
  const snapshots = start.range.snapshots;
  for (const [i, snapshotId] of snapshots.entries()) {
    throwIfAborted(options.signal, 'the export');
    const planned = planExportCommit(start.context, state, snapshotId);
    if (planned.empty) continue;
    options.onProgress?.({ done: i, total: snapshots.length, snapshotId, version: planned.version });
    const time = Math.floor(catalog.snapshots.find((s) => s.snapshot_id === snapshotId)!.snapshot_time / 1000);
    const written: Add[][] = [];
    for (const write of planned.writes) {
      if (options.dryRun) {
        written.push([{ path: `<${write.entry.rowCount - write.entry.hidden.length} rows of ${write.entryKey} at snapshot ${snapshotId}, to be written>`, partitionValues: {}, size: 0, modificationTime: time, dataChange: true }]);
        continue;
      }
      try {
        const rows = await loadWriteRows(lake.file, start.context, write, options.data);
        written.push(await writeExportRows(rows, write, start.context, { store: target.store, root: target.root, rng: options.rng }, time));
      } catch (error) {
        if (!isLakeError(error) || error.code === 'NotFound') throw error;
        throw new LakeError(error.code, `${options.table} at snapshot ${snapshotId}: ${describeWrite(write)} must be written out as a new file, which failed: ${error.message}`, { cause: error });
      }
    }
    if (planned.deletionVectorFile && !options.dryRun) await target.store.put(joinKey(target.root, planned.deletionVectorFile.path), planned.deletionVectorFile.bytes);
    const completed = completeExportCommit(state, planned, written);
    if (!options.dryRun) {
      const key = commitKey(target.root, planned.version);
      const bytes = new TextEncoder().encode(`${completed.actions.map((a) => JSON.stringify(a)).join('\n')}\n`);
      const result = await new CommitAttempts(target.store, {}, options.signal).write(key, bytes);
      if (result === 'exists') {
        return { ...outcome, status: 'conflict', message: `${target.description}: version ${planned.version} was written by someone else while exporting snapshot ${snapshotId}; run the export again` };
      }
    }
    state = completed.state;
    outcome.outsideFiles += planned.outside;
    outcome.commits.push({ version: planned.version, snapshotId, actions: completed.actions, writtenFiles: written.flat().length });
  }
  options.onProgress?.({ done: snapshots.length, total: snapshots.length, snapshotId: snapshots.at(-1) ?? upTo, version: state.version });
  if (outcome.commits.length === 0 && outcome.status === 'exported') outcome.status = 'up-to-date';
  return outcome;
}

function describeWrite(write: PlannedWrite): string {
  const source = write.entry.source;
  return source.kind === 'inlined' ? `the inlined rows ${source.batch.tableName} got at snapshot ${source.batch.begin}` : `data file ${source.file.dataFile.path}`;
}

/** What an earlier export left at the target, or undefined for an empty one. */
export async function loadPreviousExport(target: DeltaTarget, mode: 'incremental' | 'full'): Promise<PreviousExport | undefined> {
  let snapshot;
  try {
    snapshot = await loadSnapshot(target.store, target.root, { codec: parquetCodec });
  } catch (error) {
    if (isLakeError(error, 'NotFound')) return undefined;
    throw error;
  }
  if (mode === 'full') {
    throw new LakeError('InvalidInput', `${target.description} already holds a Delta table (version ${snapshot.version}); a full export writes a new table: give an empty folder, or export incrementally`);
  }
  const provenance = provenanceOf(snapshot.commitInfo);
  if (!provenance) throw new LakeError('InvalidInput', `${target.description} holds a Delta table whose latest commit (version ${snapshot.version}) was not written by a DuckLake export; give an empty folder`);
  return {
    version: snapshot.version,
    provenance,
    metadata: snapshot.metadata,
    protocol: snapshot.protocol,
    inCommitTimestamp: snapshot.timestamp,
    entries: toExportedEntries(snapshot.files),
  };
}
