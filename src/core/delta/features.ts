/**
 * Reader feature gating (PROTOCOL.md "Table Features"): a table that needs a feature Lakelab
 * cannot read fails with an Unsupported error naming it. Never wrong rows.
 */
import { LakeError } from '../errors.ts';
import type { Metadata, Protocol } from './actions.ts';
import type { StructType } from './schemaTypes.ts';
import { findUnknownTypes } from './schema.ts';
import { checkTypeChanges } from './typeWidening.ts';

/** Reader features Lakelab reads correctly. */
export const supportedReaderFeatures: readonly string[] = [
  'columnMapping', 'deletionVectors', 'timestampNtz', 'v2Checkpoint', 'vacuumProtocolCheck', 'domainMetadata',
  'typeWidening', 'typeWidening-preview',
];

/** Writer features that do not change how a table is read (ignored when only reading). */
export const knownWriterFeatures: readonly string[] = [
  'appendOnly', 'invariants', 'checkConstraints', 'changeDataFeed', 'generatedColumns', 'columnMapping',
  'identityColumns', 'deletionVectors', 'rowTracking', 'timestampNtz', 'domainMetadata', 'v2Checkpoint',
  'icebergCompatV1', 'icebergCompatV2', 'clustering', 'inCommitTimestamp', 'vacuumProtocolCheck',
  'typeWidening', 'typeWidening-preview', 'variantType', 'variantType-preview', 'allowColumnDefaults',
];

export const maxReaderVersion = 3;

export function checkReadSupport(protocol: Protocol, metadata: Metadata, schema: StructType): LakeError | undefined {
  const unsupported = (protocol.readerFeatures ?? []).filter((f) => !supportedReaderFeatures.includes(f));
  if (unsupported.length > 0) {
    const names = unsupported.map((f) => `"${f}"`).join(', ');
    return new LakeError('Unsupported', `table needs reader feature${unsupported.length > 1 ? 's' : ''} ${names}, which Lakelab does not support (it reads: ${supportedReaderFeatures.join(', ')})`);
  }
  if (protocol.minReaderVersion > maxReaderVersion) {
    return new LakeError('Unsupported', `table needs reader version ${protocol.minReaderVersion}; Lakelab reads versions 1 to ${maxReaderVersion}`);
  }
  const mode = metadata.configuration['delta.columnMapping.mode'];
  if (mode !== undefined && !['none', 'name', 'id'].includes(mode)) {
    return new LakeError('Unsupported', `table uses column mapping mode "${mode}", which Lakelab does not know`);
  }
  const typeChange = checkTypeChanges(schema.fields);
  if (typeChange) return typeChange;
  const unknownTypes = [...findUnknownTypes(schema)];
  if (unknownTypes.length > 0) {
    return new LakeError('Unsupported', `table has columns of type ${unknownTypes.map((t) => `"${t}"`).join(', ')}, which Lakelab cannot read`);
  }
  return undefined;
}
