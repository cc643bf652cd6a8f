/**
 * The protocol and table configuration of an exported table. Reader 3 / writer 7: column mapping
 * by id (DuckLake's files carry its column ids as Parquet field ids), deletion vectors, and
 * timestampNtz for DuckLake's TIMESTAMP. Reader 1: neither (renames, type changes and deletes are
 * written out as new files). Both write in-commit timestamps, so the Delta history and time travel
 * by timestamp carry the DuckLake snapshot times.
 */
import type { Metadata, Protocol } from '../../delta/actions.ts';
import type { StructType } from '../../delta/schemaTypes.ts';
import { usesTimestampNtz } from './deltaSchema.ts';
import { LakeError } from '../../errors.ts';

export type ExportReaderVersion = 1 | 3;

export function toExportProtocol(readerVersion: ExportReaderVersion): Protocol {
  if (readerVersion === 1) return { minReaderVersion: 1, minWriterVersion: 7, writerFeatures: ['inCommitTimestamp'] };
  const readerFeatures = ['columnMapping', 'deletionVectors', 'timestampNtz'];
  return { minReaderVersion: 3, minWriterVersion: 7, readerFeatures, writerFeatures: [...readerFeatures, 'inCommitTimestamp'] };
}

export function toExportConfiguration(readerVersion: ExportReaderVersion, maxColumnId: number): Record<string, string> {
  if (readerVersion === 1) return { 'delta.enableInCommitTimestamps': 'true' };
  return {
    'delta.columnMapping.mode': 'id',
    'delta.columnMapping.maxColumnId': String(maxColumnId),
    'delta.enableDeletionVectors': 'true',
    'delta.enableInCommitTimestamps': 'true',
  };
}

/** The reader version an earlier export wrote, to keep. */
export function readerVersionOf(protocol: Protocol): ExportReaderVersion {
  return protocol.minReaderVersion >= 3 ? 3 : 1;
}

export function checkReaderVersionSchema(readerVersion: ExportReaderVersion, schema: StructType, table: string): void {
  if (readerVersion === 1 && usesTimestampNtz(schema)) {
    throw new LakeError('Unsupported', `${table} has TIMESTAMP (without time zone) columns: Delta needs the timestampNtz feature for them, which reader version 1 lacks; export with reader version 3`);
  }
}

export function sameMetadata(a: Metadata | undefined, b: Metadata): boolean {
  return a !== undefined && a.schemaString === b.schemaString && JSON.stringify(a.partitionColumns) === JSON.stringify(b.partitionColumns)
    && JSON.stringify(a.configuration) === JSON.stringify(b.configuration) && a.name === b.name;
}
