/**
 * Writer feature gating: Lakelab refuses to write to a table whose writer features it does not
 * honour, naming them, rather than make a commit another engine cannot read correctly.
 */
import { LakeError } from '../errors.ts';
import type { Metadata, Protocol } from './actions.ts';
import type { StructType, StructField } from './schemaTypes.ts';

/** Writer features whose presence alone is fine for the writes Lakelab makes (copy-on-write, no checkpoints). */
const harmlessWriterFeatures = new Set(['appendOnly', 'invariants', 'checkConstraints', 'changeDataFeed', 'generatedColumns',
  'deletionVectors', 'timestampNtz', 'domainMetadata', 'v2Checkpoint', 'vacuumProtocolCheck', 'clustering', 'columnMapping', 'identityColumns',
  'inCommitTimestamp']);

export function checkWriteSupport(protocol: Protocol, metadata: Metadata, schema: StructType, options: { removesData: boolean }): LakeError | undefined {
  const refuse = (what: string) => new LakeError('Unsupported', `Lakelab does not write to this table: it ${what}`);
  if (protocol.minWriterVersion > 7) return refuse(`needs writer version ${protocol.minWriterVersion}`);
  const unknown = (protocol.writerFeatures ?? []).filter((f) => !harmlessWriterFeatures.has(f));
  if (unknown.length > 0) return refuse(`needs writer feature${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `"${f}"`).join(', ')}, which Lakelab does not implement`);
  const config = metadata.configuration;
  if (options.removesData && config['delta.appendOnly'] === 'true') return refuse('is append-only (delta.appendOnly): only appends are allowed');
  if (config['delta.enableChangeDataFeed'] === 'true') return refuse('has the change data feed enabled, and Lakelab does not write cdc files');
  if (Object.keys(config).some((k) => k.startsWith('delta.constraints.'))) return refuse('has CHECK constraints, which Lakelab does not enforce');
  if (config['delta.enableRowTracking'] === 'true') return refuse('tracks row ids (row tracking)');
  const special = findField(schema.fields, (f) => ['delta.invariants', 'delta.generationExpression', 'delta.identity.start'].some((k) => isSet(f.metadata[k])));
  if (special) return refuse(`has column "${special.name}" with an invariant, a generation expression or an identity, which Lakelab does not compute`);
  return undefined;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function findField(fields: readonly StructField[], test: (f: StructField) => boolean): StructField | undefined {
  for (const field of fields) {
    if (test(field)) return field;
    if (typeof field.type === 'object' && field.type.type === 'struct') {
      const nested = findField(field.type.fields, test);
      if (nested) return nested;
    }
  }
  return undefined;
}
