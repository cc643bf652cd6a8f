/**
 * A Delta table in the format-neutral model of core/table.ts, as core/ducklake/toTableModel.ts
 * does for DuckLake: its commits as versions, a snapshot's schema and protocol, its files, and
 * what one commit did to them. The explorer's views read only this model.
 */
import type { SchemaChange, TableColumn, TableFile, TableFilesPage, TableProtocol, TableSchema, TableSnapshot, TableTerms, TableVersion, VersionFiles } from '../table.ts';
import type { FilesPage, FileRow } from '../analysis/activeFiles.ts';
import { diffSchemas } from '../analysis/schemaDiff.ts';
import type { CommitInfo, Metadata, Protocol } from './actions.ts';
import { knownWriterFeatures, supportedReaderFeatures } from './features.ts';
import type { LogSegment } from './snapshot.ts';
import { describeTimeSource, type TimeTravel } from './timeTravel.ts';
import type { DataType, StructField, StructType } from './schemaTypes.ts';
import { toTypeLabel } from './typeLabel.ts';

export const deltaTerms: TableTerms = {
  version: 'version',
  deletes: 'deletion vector',
  commitEntry: 'action',
  protocol: 'Protocol',
  historyDetails: [
    { key: 'operationParameters', label: 'Parameters' },
    { key: 'readVersion', label: 'Read version' },
    { key: 'isolationLevel', label: 'Isolation' },
    { key: 'isBlindAppend', label: 'Blind append' },
    { key: 'operationMetrics', label: 'Metrics' },
    { key: 'engineInfo', label: 'Engine' },
  ],
};

export interface DeltaHistoryEntry {
  version: number;
  timestamp: number;
  commitInfo?: CommitInfo;
  files?: number;
  bytes?: number;
  rows?: number | null;
}

/** A commit as a version: its operation, who (userName) and why (userMetadata), the rest of its commitInfo as details. */
export function toTableVersion(entry: DeltaHistoryEntry): TableVersion {
  const info = entry.commitInfo ?? {};
  const details: Record<string, unknown> = {};
  for (const { key } of deltaTerms.historyDetails) if (info[key] !== undefined) details[key] = info[key];
  if (details.engineInfo === undefined && info.clientVersion !== undefined) details.engineInfo = info.clientVersion;
  return {
    version: entry.version,
    timestamp: entry.timestamp,
    operations: info.operation ? [info.operation] : [],
    author: typeof info.userName === 'string' ? info.userName : null,
    message: typeof info.userMetadata === 'string' ? info.userMetadata : null,
    details,
    growth: entry.files === undefined ? undefined : { files: entry.files, bytes: entry.bytes ?? 0, rows: entry.rows ?? null },
  };
}

function nestedFields(type: DataType): StructField[] {
  if (typeof type === 'string') return [];
  if (type.type === 'struct') return type.fields;
  if (type.type === 'array') return nestedFields(type.elementType);
  return nestedFields(type.valueType);
}

function toColumn(field: StructField, partition: boolean): TableColumn {
  const id = field.metadata['delta.columnMapping.id'];
  const physical = field.metadata['delta.columnMapping.physicalName'];
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(field.metadata)) {
    if (!key.startsWith('delta.columnMapping.')) metadata[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  const column: TableColumn = { name: field.name, type: toTypeLabel(field.type), nullable: field.nullable, partition, children: nestedFields(field.type).map((f) => toColumn(f, false)) };
  if (typeof id === 'number') column.fieldId = id;
  if (typeof physical === 'string') column.physicalName = physical;
  if (Object.keys(metadata).length > 0) column.metadata = metadata;
  return column;
}

export function toTableSchema(version: number, schema: StructType, partitionColumns: readonly string[]): TableSchema {
  return { version, columns: schema.fields.map((f) => toColumn(f, partitionColumns.includes(f.name))) };
}

export function toTableProtocol(protocol: Protocol, metadata: Metadata): TableProtocol {
  const readerFeatures = protocol.readerFeatures ?? [];
  const writerFeatures = protocol.writerFeatures ?? [];
  const features = [...new Set([...readerFeatures, ...writerFeatures])].map((name) => {
    const reader = readerFeatures.includes(name);
    const supported = reader ? supportedReaderFeatures.includes(name) : knownWriterFeatures.includes(name);
    return { name, neededBy: reader ? 'readers and writers' : 'writers', support: reader ? (supported ? 'reads it' : 'cannot read it') : 'ignored when reading' };
  });
  return {
    summary: `reader v${protocol.minReaderVersion} / writer v${protocol.minWriterVersion}`,
    facts: [
      { label: 'Reader version', value: String(protocol.minReaderVersion) },
      { label: 'Writer version', value: String(protocol.minWriterVersion) },
      { label: 'Table id', value: metadata.id },
      { label: 'Partition columns', value: metadata.partitionColumns.join(', ') || 'none' },
    ],
    features,
    properties: Object.entries(metadata.configuration).map(([key, value]) => ({ key, value })),
    notes: [
      ...(features.length === 0 ? ['No table features: legacy protocol versions.'] : []),
      `This build reads reader features: ${supportedReaderFeatures.join(', ')}.`,
    ],
  };
}

/** "the v2 checkpoint at version 8 (1 file) and 0 commits after it" */
export function describeLogSegment(segment: LogSegment): string {
  return segment.checkpoint
    ? `Snapshot built from the ${segment.checkpoint.kind} checkpoint at version ${segment.checkpoint.version} (${segment.checkpoint.files.length} file(s)) and ${segment.commitFiles.length} commit(s) after it.`
    : `Snapshot built from ${segment.commitFiles.length} JSON commit(s), no checkpoint.`;
}

export interface DeltaSnapshotSummary {
  version: number;
  timestamp: number;
  protocol: Protocol;
  metadata: Metadata;
  schema: StructType;
  numFiles: number;
  numRecords: number | null;
  sizeInBytes: number;
  logSegment: LogSegment;
  timeTravel?: TimeTravel;
}

export function toTableSnapshot(summary: DeltaSnapshotSummary): TableSnapshot {
  return {
    version: summary.version,
    timestamp: summary.timestamp,
    schema: toTableSchema(summary.version, summary.schema, summary.metadata.partitionColumns),
    files: summary.numFiles,
    bytes: summary.sizeInBytes,
    rows: summary.numRecords,
    readFrom: describeLogSegment(summary.logSegment),
    protocol: toTableProtocol(summary.protocol, summary.metadata),
    ...(summary.timeTravel && { timeTravel: { by: describeTimeSource(summary.timeTravel.by), commitTime: summary.timeTravel.commitTime } }),
  };
}

/** Stats objects (nested for structs) as one entry per leaf column, "a.b". */
function flatten(value: Record<string, unknown> | null, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, v] of Object.entries(value ?? {})) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, `${prefix}${key}.`, out);
    else out.set(prefix + key, v);
  }
  return out;
}

const statText = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));

export function toTableFile(file: FileRow): TableFile {
  const min = flatten(file.minValues);
  const max = flatten(file.maxValues);
  const nulls = flatten(file.nullCount);
  const columns = [...new Set([...min.keys(), ...max.keys(), ...nulls.keys()])];
  return {
    path: file.path,
    size: file.size,
    records: file.numRecords,
    deletedRecords: file.deletedRows,
    partitionValues: file.partitionValues,
    stats: columns.map((column) => {
      const n = nulls.get(column);
      return { column, min: statText(min.get(column)), max: statText(max.get(column)), nullCount: typeof n === 'number' ? n : null, valueCount: null };
    }),
  };
}

export function toTableFilesPage(page: FilesPage): TableFilesPage {
  return { ...page, files: page.files.map(toTableFile), inlined: [], scheduledForDeletion: [] };
}

/** What a commit's add and remove actions did to the files. */
export function toVersionFiles(version: number, actions: readonly Record<string, unknown>[]): VersionFiles {
  const added: VersionFiles['added'] = [];
  const removed: VersionFiles['removed'] = [];
  for (const action of actions) {
    if ('add' in action) {
      const add = action.add as { path: string; size: number };
      added.push({ path: add.path, size: add.size });
    } else if ('remove' in action) {
      const remove = action.remove as { path: string; dataChange?: boolean };
      removed.push({ path: remove.path, rearranged: remove.dataChange === false });
    }
  }
  return { version, added, removed };
}

export function toSchemaChanges(before: StructType, after: StructType): SchemaChange[] {
  return diffSchemas(before, after);
}
