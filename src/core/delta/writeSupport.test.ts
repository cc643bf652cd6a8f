/** The writer-feature gate, table-driven: which tables Lakelab writes to, and why it refuses the others. */
import { describe, expect, it } from 'vitest';
import type { Metadata, Protocol } from './actions.ts';
import type { StructField, StructType } from './schemaTypes.ts';
import { checkWriteSupport } from './writeSupport.ts';
import { join } from 'node:path';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { fixturesDir } from '../../../test/support/fixtures.ts';
import { loadSnapshot } from './loadSnapshot.ts';

const field = (name: string, metadata: Record<string, unknown> = {}): StructField => ({ name, type: 'long', nullable: true, metadata });
const v7 = (...writerFeatures: string[]): Protocol => ({ minReaderVersion: 3, minWriterVersion: 7, readerFeatures: [], writerFeatures });
const legacy = (minWriterVersion: number): Protocol => ({ minReaderVersion: 1, minWriterVersion });

interface Case {
  name: string;
  protocol: Protocol;
  configuration?: Record<string, string>;
  fields?: StructField[];
  removesData?: boolean;
  /** undefined: Lakelab writes; otherwise a piece of the refusal message. */
  refused?: string;
}

const cases: Case[] = [
  { name: 'plain 1/2 table', protocol: legacy(2) },
  { name: 'appendOnly, appending', protocol: v7('appendOnly'), configuration: { 'delta.appendOnly': 'true' } },
  { name: 'appendOnly, deleting', protocol: v7('appendOnly'), configuration: { 'delta.appendOnly': 'true' }, removesData: true, refused: 'append-only' },
  { name: 'appendOnly feature listed but off, deleting', protocol: v7('appendOnly'), configuration: { 'delta.appendOnly': 'false' }, removesData: true },
  { name: 'invariants present', protocol: legacy(2), fields: [field('x', { 'delta.invariants': '{"expression":{"expression":"x > 0"}}' })], refused: 'invariant' },
  { name: 'invariants feature without any', protocol: v7('invariants'), fields: [field('x')] },
  { name: 'check constraints set', protocol: legacy(3), configuration: { 'delta.constraints.positive': 'x > 0' }, refused: 'CHECK constraints' },
  { name: 'checkConstraints feature without constraints', protocol: v7('checkConstraints') },
  { name: 'change data feed enabled', protocol: legacy(4), configuration: { 'delta.enableChangeDataFeed': 'true' }, refused: 'change data feed' },
  { name: 'generated column', protocol: v7('generatedColumns'), fields: [field('y', { 'delta.generationExpression': 'x + 1' })], refused: '"y"' },
  { name: 'identity column', protocol: legacy(6), fields: [field('id', { 'delta.identity.start': 1, 'delta.identity.step': 1 })], refused: '"id"' },
  { name: 'column mapping by name', protocol: legacy(5), configuration: { 'delta.columnMapping.mode': 'name' } },
  { name: 'column mapping by id', protocol: v7('columnMapping'), configuration: { 'delta.columnMapping.mode': 'id' } },
  { name: 'deletion vectors (we write copy-on-write)', protocol: v7('deletionVectors'), configuration: { 'delta.enableDeletionVectors': 'true' }, removesData: true },
  { name: 'timestampNtz, domainMetadata, v2Checkpoint, vacuumProtocolCheck, clustering', protocol: v7('timestampNtz', 'domainMetadata', 'v2Checkpoint', 'vacuumProtocolCheck', 'clustering') },
  { name: 'in-commit timestamps (written by the commit loop)', protocol: v7('inCommitTimestamp'), configuration: { 'delta.enableInCommitTimestamps': 'true' } },
  { name: 'row tracking', protocol: v7('rowTracking', 'domainMetadata'), configuration: { 'delta.enableRowTracking': 'true' }, refused: '"rowTracking"' },
  { name: 'an unknown writer feature', protocol: v7('futureFeature'), refused: '"futureFeature"' },
  { name: 'a writer version above 7', protocol: legacy(8), refused: 'writer version 8' },
];

describe('checkWriteSupport', () => {
  for (const c of cases) {
    it(`${c.refused ? 'refuses' : 'writes to'}: ${c.name}`, () => {
      const schema: StructType = { type: 'struct', fields: c.fields ?? [field('x')] };
      const metadata: Metadata = { id: 't', format: { provider: 'parquet', options: {} }, schemaString: JSON.stringify(schema), partitionColumns: [], configuration: c.configuration ?? {} };
      const problem = checkWriteSupport(c.protocol, metadata, schema, { removesData: c.removesData ?? false });
      if (c.refused === undefined) {
        expect(problem).toBeUndefined();
      } else {
        expect(problem).toMatchObject({ code: 'Unsupported' });
        expect(problem!.message).toContain(c.refused);
      }
    });
  }
});

describe('DAT v0.0.3 tables with writer features: read as plain tables (conformance.test.ts), writes refused by name', () => {
  const refusals: Record<string, string> = {
    iceberg_compat_v1: 'needs writer feature "icebergCompatV1"',
    check_constraints: 'has CHECK constraints',
    generated_columns: 'has column "creation" with an invariant, a generation expression or an identity',
  };
  for (const [table, refusal] of Object.entries(refusals)) {
    it(table, async () => {
      const snapshot = await loadSnapshot(new NodeFsStore(join(fixturesDir, 'dat-v0.0.3', table, 'delta')), '', { codec: parquetCodec });
      expect(checkWriteSupport(snapshot.protocol, snapshot.metadata, snapshot.schema, { removesData: false })).toMatchObject({
        code: 'Unsupported', message: expect.stringContaining(refusal),
      });
    });
  }
});

