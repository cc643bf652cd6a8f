/**
 * The built-in samples: real tables from other engines, copied unchanged (attribution in
 * public/samples/ATTRIBUTION.md, written by buildSamples.ts), and one table Lakelab writes.
 */
export interface Sample {
  name: string;
  description: string;
  /** A fixture table copied unchanged, under test/fixtures/delta/. */
  source?: string;
  /** Or a table Lakelab writes itself. */
  generate?: 'seed';
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
  { name: 'unsupported_feature', source: 'delta-rs/simple_table_features', description: 'Needs a reader feature ("blahabl") no engine knows: Lakelab refuses it and says why. From delta-rs test data (Apache-2.0).' },
];
