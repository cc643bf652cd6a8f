/** The Write form's starting values, from the columns of real sample tables. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../core/delta/loadSnapshot.ts';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { toWriteDefaults } from './writeDefaults.ts';
import { toTableSchema } from '../../core/delta/toTableModel.ts';

const samples = join(import.meta.dirname, '..', '..', '..', 'public', 'samples');
const fieldsOf = async (sample: string) => {
  const snapshot = await loadSnapshot(new NodeFsStore(join(samples, sample)), '', { codec: parquetCodec });
  return toTableSchema(snapshot.version, snapshot.schema, snapshot.metadata.partitionColumns).columns;
};

describe('toWriteDefaults', () => {
  it("merges on the table's id column, with no filename column added, for a table without one", async () => {
    expect(toWriteDefaults(await fieldsOf('simple_table'), 'simple_table', { id: 5 })).toEqual({
      mergeOn: 't.id = s.id',
      withFilename: false,
      predicatePlaceholder: 'id = 5',
      setPlaceholder: 'id = 0',
      sqlSourcePlaceholder: 'SELECT id FROM simple_table',
    });
  });

  it('keeps the batch-file ingest for a table with a filename column (the seed scenario)', async () => {
    expect(toWriteDefaults(await fieldsOf('seed_merge'), 'seed_merge', { id: 1, value: 1.5, filename: 'batch_001.csv' })).toEqual({
      mergeOn: 't.filename = s.filename',
      withFilename: true,
      predicatePlaceholder: "filename = 'batch_001.csv'",
      setPlaceholder: 'value = 0',
      sqlSourcePlaceholder: 'SELECT id, value, filename FROM seed_merge',
    });
  });

  it('uses the first plain column, and quotes names that need it', async () => {
    const mapped = toWriteDefaults(await fieldsOf('column_mapping'), 'column_mapping');
    expect(mapped.mergeOn).toBe('t.`Company Very Short` = s.`Company Very Short`');
    expect(mapped.sqlSourcePlaceholder).toMatch(/^SELECT "Company Very Short", /);
    expect(toWriteDefaults(await fieldsOf('basic_append'), 'basic_append', { letter: "it's" })).toMatchObject({
      mergeOn: 't.letter = s.letter',
      predicatePlaceholder: "letter = 'it''s'",
      setPlaceholder: 'number = 0',
    });
  });
});
