import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { fixturesDir } from '../../../test/support/fixtures.ts';
import { loadSnapshot } from './loadSnapshot.ts';
import { checkReadSupport, knownWriterFeatures, supportedReaderFeatures } from './features.ts';
import { parseSchema } from './schema.ts';
import type { Metadata, Protocol } from './actions.ts';

const schema = parseSchema(JSON.stringify({ type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }] }));
const metadata = (configuration: Record<string, string> = {}): Metadata => ({ id: 't', format: { provider: 'parquet' }, schemaString: '', partitionColumns: [], configuration });
const check = (protocol: Protocol, config?: Record<string, string>, s = schema) => checkReadSupport(protocol, metadata(config), s);

describe('reader feature gate', () => {
  it('reads reader versions 1 and 2 (column mapping by table property)', () => {
    expect(check({ minReaderVersion: 1, minWriterVersion: 2 })).toBeUndefined();
    expect(check({ minReaderVersion: 2, minWriterVersion: 5 }, { 'delta.columnMapping.mode': 'name' })).toBeUndefined();
    expect(check({ minReaderVersion: 2, minWriterVersion: 5 }, { 'delta.columnMapping.mode': 'sideways' })).toMatchObject({ code: 'Unsupported', message: expect.stringContaining('"sideways"') });
  });

  it('reads version 3 tables whose reader features it supports', () => {
    const readerFeatures = ['columnMapping', 'deletionVectors', 'timestampNtz', 'v2Checkpoint', 'vacuumProtocolCheck'];
    expect(check({ minReaderVersion: 3, minWriterVersion: 7, readerFeatures, writerFeatures: [...readerFeatures, 'appendOnly'] })).toBeUndefined();
  });

  it('reads type widening (its type changes are checked in typeWidening.test.ts)', () => {
    for (const feature of ['typeWidening', 'typeWidening-preview']) {
      expect(check({ minReaderVersion: 3, minWriterVersion: 7, readerFeatures: [feature], writerFeatures: [feature] })).toBeUndefined();
    }
  });

  it('refuses variant, naming the feature', () => {
    for (const feature of ['variantType', 'variantType-preview']) {
      const problem = check({ minReaderVersion: 3, minWriterVersion: 7, readerFeatures: [feature], writerFeatures: [feature] });
      expect(problem).toMatchObject({ code: 'Unsupported', message: expect.stringContaining(`table needs reader feature "${feature}", which Lakelab does not support`) });
    }
  });

  it('refuses reader versions above 3 and column types it cannot read', () => {
    expect(check({ minReaderVersion: 4, minWriterVersion: 7 })).toMatchObject({ code: 'Unsupported', message: expect.stringContaining('reader version 4') });
    const variant = parseSchema(JSON.stringify({ type: 'struct', fields: [{ name: 'v', type: 'variant', nullable: true, metadata: {} }] }));
    expect(check({ minReaderVersion: 1, minWriterVersion: 2 }, {}, variant)).toMatchObject({ code: 'Unsupported', message: expect.stringContaining('"variant"') });
  });

  it('lists what it supports, for the Protocol view', () => {
    expect(supportedReaderFeatures).toContain('deletionVectors');
    expect(supportedReaderFeatures).toContain('typeWidening');
    expect(supportedReaderFeatures).not.toContain('variantType');
    expect(knownWriterFeatures).toContain('appendOnly');
  });

  it('stops loadSnapshot on real tables with unknown reader features', async () => {
    const open = (table: string) => loadSnapshot(new NodeFsStore(join(fixturesDir, 'delta-rs', table)), '', { codec: parquetCodec });
    await expect(open('simple_table_features')).rejects.toMatchObject({ code: 'Unsupported', message: expect.stringContaining('"blahabl"') });
    await expect(open('spark-variant-checkpoint')).rejects.toMatchObject({ code: 'Unsupported', message: expect.stringContaining('"variantType-preview"') });
  });
});
