/**
 * One Delta commit for one DuckLake snapshot, as plain data: the entries the snapshot's table is
 * made of compared with what the Delta table holds (exportEntries.ts); a file that left is a
 * remove, a new one an add referencing the Parquet file in place with stats from the catalog, a
 * file whose hidden rows changed a remove and an add with a new deletion vector (one DV file per
 * commit), and rows that must be written out (inlined rows, files rewritten) a write the caller
 * executes before completing the commit with the adds it wrote.
 */
import { formatIsoMs } from '../../delta/civilTime.ts';
import type { Action, Add, DeletionVectorDescriptor, Metadata, Remove } from '../../delta/actions.ts';
import { planDeletionVectorFile, type DeletionVectorFile } from '../../delta/deletionVectorWrite.ts';
import { toSchemaString } from '../../delta/schema.ts';
import type { StructType } from '../../delta/schemaTypes.ts';
import { physicalNameOf, toColumnMappingMode } from '../../delta/columnMapping.ts';
import { randomUuid, type Rng } from '../../rng.ts';
import type { DucklakeCatalog } from '../catalog.ts';
import type { Id } from '../catalogRows.ts';
import { parseChangesMade } from '../changesMade.ts';
import { fileLocation, tableBase } from '../dataPaths.ts';
import type { DucklakeField } from '../columnTree.ts';
import { toCatalogStats } from './catalogStats.ts';
import { entriesAt, type EntryContext, type ExportEntry } from './exportEntries.ts';
import { toAddPath, type ExportPlacement } from './exportPaths.ts';
import { entryTag, signatureTag, wholeTag, type ExportedEntry, type ExportProvenance } from './exportTarget.ts';
import { checkReaderVersionSchema, sameMetadata, toExportConfiguration, toExportProtocol } from './exportProtocol.ts';
import { maxColumnId, toDeltaSchema, toPhysicalNames } from './deltaSchema.ts';
import { tableAt } from './exportTable.ts';

export interface ExportContext extends EntryContext {
  placement: ExportPlacement;
  rng: Rng;
  engineInfo: string;
  /** Partition column ids (identity partitions), in order. */
  partitionIds: Id[];
  metadataId: string;
}

export interface ExportState {
  /** The last version written (-1: none yet). */
  version: number;
  entries: Map<string, ExportedEntry>;
  metadata?: Metadata;
  inCommitTimestamp: number;
}

/** Rows the caller writes as Parquet into the Delta table, then hands back as adds. */
export interface PlannedWrite {
  entryKey: string;
  signature: string;
  entry: ExportEntry;
  snapshotId: Id;
  /** The fields to read the rows with (the snapshot's) and the Delta schema to write them with. */
  fields: DucklakeField[];
  schema: StructType;
  partitionColumns: string[];
}

export interface PlannedExportCommit {
  version: number;
  snapshotId: Id;
  /** commitInfo, protocol and metaData where due, removes, in-place adds. */
  actions: Action[];
  writes: PlannedWrite[];
  deletionVectorFile?: DeletionVectorFile;
  /** Nothing changed for the table at this snapshot and it did not name the table: no commit. */
  empty: boolean;
  dataChange: boolean;
  /** Adds whose files lie outside the Delta table's folder (absolute URIs). */
  outside: number;
}

const rearranging = new Set(['compacted_table', 'merge_adjacent', 'rewrite_delete', 'inline_flush', 'flushed_inlined']);

export function planExportCommit(context: ExportContext, state: ExportState, snapshotId: Id): PlannedExportCommit {
  const { catalog, tableId } = context;
  const table = tableAt(catalog, tableId, snapshotId);
  const mapping = context.readerVersion === 3;
  const schema = toDeltaSchema(table.columns, mapping ? toPhysicalNames(catalog, tableId) : undefined, table.qualifiedName);
  checkReaderVersionSchema(context.readerVersion, schema, table.qualifiedName);
  const partitionColumns = context.partitionIds.map((id) => table.columns.find((c) => c.id === id)?.name).filter((n): n is string => n !== undefined);
  const snapshot = catalog.snapshots.find((s) => s.snapshot_id === snapshotId)!;
  const time = Math.floor(snapshot.snapshot_time / 1000);
  const metadata: Metadata = {
    id: context.metadataId,
    name: table.name,
    description: null,
    format: { provider: 'parquet', options: {} },
    schemaString: toSchemaString(schema),
    partitionColumns,
    createdTime: state.metadata?.createdTime ?? time,
    configuration: toExportConfiguration(context.readerVersion, maxColumnId(catalog, tableId)),
  };
  const changes = parseChangesMade(catalog.changes.get(snapshotId)?.changes_made ?? null);
  const mine = changes.filter((c) => c.id === tableId || (c.kind === 'created_table' && table.name === c.name && table.schema === c.schema));
  const dataChange = !(mine.length > 0 && mine.every((c) => rearranging.has(c.kind)));

  const entries = entriesAt(context, snapshotId, table.columns);
  const removes: Remove[] = [];
  const adds: Add[] = [];
  const vectors: { add: Add; rows: number[] }[] = [];
  const writes: PlannedWrite[] = [];
  const base = tableBase(catalog, tableId, snapshotId);
  const mode = toColumnMappingMode(metadata);
  const partitionKey = (name: string) => physicalNameOf(schema.fields.find((f) => f.name === name)!, mode);
  for (const [key, before] of state.entries) {
    const after = entries.get(key);
    if (after && after.signature === before.signature) continue;
    for (const add of before.adds) removes.push(toRemove(add, time, dataChange));
  }
  let outside = 0;
  for (const [key, entry] of entries) {
    const before = state.entries.get(key);
    if (before && before.signature === entry.signature) continue;
    const tags = { [entryTag]: key, [signatureTag]: entry.signature };
    const whole = before?.adds.length === 1 && before.adds[0]!.tags?.[wholeTag] === 'true' ? before.adds[0]! : undefined;
    if (entry.source.kind === 'file' && !entry.mustWrite) {
      const file = entry.source.file;
      const location = fileLocation(catalog, base, file.dataFile.path, file.dataFile.path_is_relative);
      const path = toAddPath(location, context.placement, `data file ${file.dataFile.path}`);
      if (!path.inside) outside++;
      const partitionValues: Record<string, string | null> = {};
      for (const id of context.partitionIds) {
        const name = table.columns.find((c) => c.id === id)?.name;
        const index = catalog.partitionColumns.find((c) => c.partition_id === file.dataFile.partition_id && c.column_id === id)?.partition_key_index;
        if (name !== undefined) partitionValues[partitionKey(name)] = file.partitionValues.find((v) => v.partition_key_index === index)?.partition_value ?? null;
      }
      const add: Add = {
        path: path.path,
        partitionValues,
        size: file.dataFile.file_size_bytes,
        modificationTime: time,
        dataChange,
        stats: toCatalogStats(file.dataFile.record_count, file.columnStats, schema, mode, (name) => table.columns.find((c) => c.name === name)?.id),
        tags,
      };
      adds.push(add);
      if (entry.hidden.length > 0) vectors.push({ add, rows: entry.hidden });
    } else if (entry.source.kind === 'inlined' && !entry.mustWrite && whole) {
      const add: Add = { ...whole, deletionVector: undefined, modificationTime: time, dataChange, tags: { ...tags, [wholeTag]: 'true' } };
      delete add.deletionVector;
      adds.push(add);
      if (entry.hidden.length > 0) vectors.push({ add, rows: entry.hidden });
    } else {
      writes.push({ entryKey: key, signature: entry.signature, entry, snapshotId, fields: table.columns, schema, partitionColumns });
    }
  }
  let deletionVectorFile: DeletionVectorFile | undefined;
  if (vectors.length > 0) {
    deletionVectorFile = planDeletionVectorFile(vectors.map((v) => v.rows), randomUuid(context.rng));
    vectors.forEach((v, i) => {
      v.add.deletionVector = deletionVectorFile!.descriptors[i] as DeletionVectorDescriptor;
      v.add.stats = withLooseBounds(v.add.stats);
    });
  }
  const metadataDue = !sameMetadata(state.metadata, metadata);
  const version = state.version + 1;
  const inCommitTimestamp = Math.max(state.inCommitTimestamp + 1, time);
  const provenance: ExportProvenance = {
    catalog: catalog.name.split(/[\\/]/).at(-1) ?? catalog.name,
    table: table.qualifiedName,
    tableId,
    tableUuid: table.uuid,
    snapshotId,
    snapshotTime: formatIsoMs(time),
    changesMade: catalog.changes.get(snapshotId)?.changes_made ?? null,
  };
  const actions: Action[] = [
    {
      commitInfo: {
        inCommitTimestamp,
        timestamp: inCommitTimestamp,
        operation: toOperation(version, mine.map((c) => c.kind), removes.length > 0),
        operationParameters: { ducklakeSnapshotId: snapshotId },
        readVersion: version - 1 >= 0 ? version - 1 : undefined,
        isBlindAppend: removes.length === 0 && !metadataDue,
        engineInfo: context.engineInfo,
        ducklake: provenance,
        operationMetrics: { numAddedFiles: adds.length + writes.length, numRemovedFiles: removes.length, numDeletionVectorsAdded: vectors.length },
      },
    },
    ...(version === 0 ? [{ protocol: toExportProtocol(context.readerVersion) }] : []),
    ...(metadataDue ? [{ metaData: metadata }] : []),
    ...removes.map((remove) => ({ remove })),
    ...adds.map((add) => ({ add })),
  ];
  const empty = mine.length === 0 && !metadataDue && removes.length === 0 && adds.length === 0 && writes.length === 0;
  return { version, snapshotId, actions, writes, deletionVectorFile, empty, dataChange, outside };
}

/** The commit's actions with the adds the caller wrote, and the state after it. */
export function completeExportCommit(state: ExportState, planned: PlannedExportCommit, written: readonly Add[][]): { actions: Action[]; state: ExportState } {
  const writtenAdds: Add[] = [];
  planned.writes.forEach((write, i) => {
    const adds = written[i] ?? [];
    const whole = adds.length === 1 && write.entry.source.kind === 'inlined' && write.entry.hidden.length === 0;
    for (const add of adds) {
      add.dataChange = planned.dataChange;
      add.tags = { ...add.tags, [entryTag]: write.entryKey, [signatureTag]: write.signature, ...(whole ? { [wholeTag]: 'true' } : {}) };
      writtenAdds.push(add);
    }
  });
  const actions = [...planned.actions, ...writtenAdds.map((add) => ({ add }))];
  const entries = new Map(state.entries);
  for (const action of actions) if ('remove' in action) removeEntry(entries, action.remove);
  for (const action of actions) {
    if (!('add' in action)) continue;
    const key = action.add.tags?.[entryTag] ?? `delta:${action.add.path}`;
    const existing = entries.get(key);
    const signature = action.add.tags?.[signatureTag] ?? '';
    if (existing && existing.signature === signature) entries.set(key, { signature, adds: [...existing.adds, action.add] });
    else entries.set(key, { signature, adds: [action.add] });
  }
  const info = actions.find((a): a is { commitInfo: NonNullable<Extract<Action, { commitInfo: unknown }>['commitInfo']> } => 'commitInfo' in a)?.commitInfo;
  const metaData = actions.find((a): a is { metaData: Metadata } => 'metaData' in a)?.metaData;
  return {
    actions,
    state: { version: planned.version, entries, metadata: metaData ?? state.metadata, inCommitTimestamp: info?.inCommitTimestamp ?? state.inCommitTimestamp },
  };
}

function removeEntry(entries: Map<string, ExportedEntry>, remove: Remove): void {
  for (const [key, entry] of entries) {
    const left = entry.adds.filter((a) => !(a.path === remove.path && (a.deletionVector?.pathOrInlineDv ?? null) === (remove.deletionVector?.pathOrInlineDv ?? null) && (a.deletionVector?.offset ?? null) === (remove.deletionVector?.offset ?? null)));
    if (left.length === entry.adds.length) continue;
    if (left.length === 0) entries.delete(key);
    else entries.set(key, { ...entry, adds: left });
  }
}

function toRemove(add: Add, time: number, dataChange: boolean): Remove {
  return {
    path: add.path,
    deletionTimestamp: time,
    dataChange,
    extendedFileMetadata: true,
    partitionValues: add.partitionValues,
    size: add.size,
    ...(add.tags ? { tags: add.tags } : {}),
    ...(add.deletionVector ? { deletionVector: add.deletionVector } : {}),
  };
}

/** With a deletion vector the file's bounds are no longer tight for the rows it keeps. */
function withLooseBounds(stats: string | null | undefined): string | null | undefined {
  if (!stats) return stats;
  return JSON.stringify({ ...(JSON.parse(stats) as object), tightBounds: false });
}

function toOperation(version: number, kinds: readonly string[], removes: boolean): string {
  if (version === 0) return 'CREATE TABLE';
  if (kinds.length > 0 && kinds.every((k) => rearranging.has(k))) return 'OPTIMIZE';
  if (kinds.includes('altered_table')) return 'CHANGE COLUMN';
  if (kinds.some((k) => k === 'deleted_from_table' || k === 'inlined_delete')) return 'DELETE';
  if (kinds.some((k) => k === 'inserted_into_table' || k === 'inlined_insert')) return removes ? 'MERGE' : 'WRITE';
  return 'DuckLake snapshot';
}
