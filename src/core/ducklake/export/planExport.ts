/**
 * Starting a DuckLake-to-Delta export (pure): the table and snapshots to export, the reader
 * version (an earlier export's is kept), the partition columns, and the state to diff against:
 * empty for a new Delta table, or what an earlier export left (exportTarget.ts). Each snapshot
 * is then planned with planExportCommit and completed with the adds its writes produced.
 */
import { LakeError } from '../../errors.ts';
import { randomUuid, type Rng } from '../../rng.ts';
import type { DucklakeCatalog } from '../catalog.ts';
import { latestSnapshotId } from '../catalog.ts';
import type { Id } from '../catalogRows.ts';
import type { TableFiles } from '../tableFiles.ts';
import type { ExportFacts } from './exportFacts.ts';
import { inlinedBatches } from './exportFacts.ts';
import type { ExportPlacement } from './exportPaths.ts';
import { readerVersionOf, type ExportReaderVersion } from './exportProtocol.ts';
import type { PreviousExport } from './exportTarget.ts';
import { toExportRange, type ExportRange } from './exportTable.ts';
import { identityPartitionIds } from './partitionColumns.ts';
import { toPhysicalNames } from './deltaSchema.ts';
import type { ExportContext, ExportState } from './planExportCommit.ts';

export interface ExportRequest {
  catalog: DucklakeCatalog;
  tableId: Id;
  files: TableFiles;
  facts: ExportFacts;
  /** Default: an earlier export's, else 3. */
  readerVersion?: ExportReaderVersion;
  /** The last snapshot to export (default: the latest). */
  upTo?: Id;
  placement: ExportPlacement;
  previous?: PreviousExport;
  rng: Rng;
  engineInfo: string;
}

export interface ExportStart {
  context: ExportContext;
  state: ExportState;
  range: ExportRange;
  /** The snapshot the target already holds (an incremental export), if any. */
  alreadyExported?: Id;
}

export function startExport(request: ExportRequest): ExportStart {
  const { catalog, tableId, previous } = request;
  const upTo = request.upTo ?? latestSnapshotId(catalog);
  const tableRow = catalog.tables.find((t) => t.table_id === tableId);
  if (previous) {
    const p = previous.provenance;
    if (p.tableId !== tableId || (p.tableUuid && tableRow?.table_uuid && p.tableUuid !== tableRow.table_uuid)) {
      throw new LakeError('InvalidInput', `the target holds an export of ${p.table} (table ${p.tableId}) from ${p.catalog}, not of table ${tableId} (${tableRow?.table_name ?? '?'}); export into another folder`);
    }
    const theirs = readerVersionOf(previous.protocol);
    if (request.readerVersion !== undefined && request.readerVersion !== theirs) {
      throw new LakeError('InvalidInput', `the target was exported at reader version ${theirs}; an incremental export keeps it (give --reader-version ${theirs}, or export --full into an empty folder)`);
    }
    if (p.snapshotId > upTo) throw new LakeError('InvalidInput', `the target already holds snapshot ${p.snapshotId}, after snapshot ${upTo}`);
  }
  const readerVersion = request.readerVersion ?? (previous ? readerVersionOf(previous.protocol) : 3);
  const partitionIds = identityPartitionIds(catalog, tableId, request.files);
  const context: ExportContext = {
    catalog,
    tableId,
    files: request.files,
    facts: request.facts,
    batches: inlinedBatches(request.facts),
    readerVersion,
    physical: toPhysicalNames(catalog, tableId),
    placement: request.placement,
    rng: request.rng,
    engineInfo: request.engineInfo,
    partitionIds,
    metadataId: previous?.metadata.id ?? tableRow?.table_uuid ?? randomUuid(request.rng),
  };
  const state: ExportState = previous
    ? { version: previous.version, entries: previous.entries, metadata: previous.metadata, inCommitTimestamp: previous.inCommitTimestamp }
    : { version: -1, entries: new Map(), inCommitTimestamp: 0 };
  return { context, state, range: toExportRange(catalog, tableId, previous?.provenance.snapshotId, upTo), alreadyExported: previous?.provenance.snapshotId };
}
