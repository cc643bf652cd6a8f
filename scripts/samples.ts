/**
 * The built-in samples: real tables from other engines, copied unchanged (attribution in
 * public/samples/ATTRIBUTION.md, written by buildSamples.ts), one table Lakelab writes, and
 * DuckLake catalogs written by DuckDB with the ducklake extension, laid out as users have them.
 */
export interface Sample {
  name: string;
  description: string;
  /** A fixture table copied unchanged, under test/fixtures/delta/. */
  source?: string;
  /** Or a table Lakelab writes itself. */
  generate?: 'seed';
  /** A DuckLake catalog: its files copied unchanged from test/fixtures/ducklake/ (`from`) to the sample's folder (`to`). */
  ducklake?: {
    files: { from: string; to: string }[];
    /** The catalog file in the sample's folder. */
    catalog: string;
    /** The data path the sample is read with, instead of the one its catalog names. */
    dataPath?: string;
    /** Where its expected rows are, under test/fixtures/ducklake/ (the extension's own answers), and its conformance case there. */
    expected: { rows: string; layout: 'shipped' | 'reference'; case: string };
  };
}

export const samples: Sample[] = [
  { name: 'simple_table', source: 'delta-rs/simple_table', description: 'Spark: a write, a MERGE, an overwrite, an UPDATE and a DELETE (5 versions). From delta-rs test data (Apache-2.0).' },
  { name: 'seed_merge', generate: 'seed', description: 'The seed scenario: table B bootstrapped with batch_001.csv by Lakelab. Open Write, drop batches 2-5 (samples/seed_batches/), merge on t.filename = s.filename pinned at version 0.' },
  { name: 'with_schema_change', source: 'dat/with_schema_change/delta', description: 'PySpark: the schema changes between versions. From Delta Acceptance Testing (MIT).' },
  { name: 'simple_table_with_checkpoint', source: 'delta-rs/simple_table_with_checkpoint', description: 'A classic checkpoint at version 10. From delta-rs test data (Apache-2.0).' },
  { name: 'table_with_dv_small', source: 'delta-rs/table-with-dv-small', description: 'Databricks: a deletion vector removes 2 of 10 rows (version 1 deletes them without rewriting the file). From delta-rs test data (Apache-2.0).' },
  { name: 'basic_append', source: 'dat/basic_append/delta', description: 'PySpark: two append writes (versions 0 and 1); time travel shows the rows of each. From Delta Acceptance Testing (MIT).' },
  { name: 'basic_partitioned', source: 'dat/basic_partitioned/delta', description: 'PySpark: partitioned, with a null partition. From Delta Acceptance Testing (MIT).' },
  { name: 'multi_partitioned', source: 'dat/multi_partitioned/delta', description: 'PySpark: three partition columns, escaped characters and an emoji in partition values. From Delta Acceptance Testing (MIT).' },
  { name: 'checkpoint_v2', source: 'delta-rs/checkpoint-v2-table', description: 'Databricks: V2 checkpoints with sidecars. From delta-rs test data (Apache-2.0).' },
  { name: 'column_mapping', source: 'delta-rs/table_with_column_mapping', description: 'Column mapping (name mode): logical names with spaces. From delta-rs test data (Apache-2.0).' },
  {
    name: 'ducklake_basic',
    description: 'DuckLake (DuckDB catalog): inserts, deletes, an added and a renamed column, a partitioned table with nested types, merged files and a dropped table, 16 snapshots. Written by DuckDB v1.5.5 with ducklake from script.sql.',
    ducklake: {
      files: [{ from: 'lakelab-generated/basic/catalog.ducklake', to: 'catalog.ducklake' }, { from: 'lakelab-generated/basic/data', to: 'data' }, { from: 'lakelab-generated/basic/script.sql', to: 'script.sql' }],
      catalog: 'catalog.ducklake',
      expected: { rows: 'lakelab-generated/basic/expected', layout: 'shipped', case: 'basic' },
    },
  },
  {
    name: 'ducklake_seed',
    description: "DuckLake (SQLite catalog) as the seed pipeline lays it out on OneLake: Files/metadata.db, data under Tables/. Its data path names OneLake (abfss://.../Tables/); the sample reads its files from Tables/ through the data path field. Written by DuckDB v1.5.5 with ducklake, converted to SQLite as DuckDB's sqlite extension stores it.",
    ducklake: {
      files: [{ from: 'sqlite/seed-onelake/Files/metadata.db', to: 'Files/metadata.db' }, { from: 'lakelab-generated/seed/data', to: 'Tables' }, { from: 'lakelab-generated/seed/script.sql', to: 'script.sql' }],
      catalog: 'Files/metadata.db',
      dataPath: 'Tables/',
      expected: { rows: 'cases/seed/reference/rows', layout: 'reference', case: 'seed' },
    },
  },
  { name: 'unsupported_feature', source: 'delta-rs/simple_table_features', description: 'Needs a reader feature ("blahabl") no engine knows: Lakelab refuses it and says why. From delta-rs test data (Apache-2.0).' },
];
