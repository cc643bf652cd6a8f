/**
 * Snapshot load of a 100,000-file table (a checkpoint plus 50 JSON commits): Lakelab's
 * loadSnapshot in Node against native DuckDB doing the same replay over the same files.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadSnapshot } from '../src/core/delta/loadSnapshot.ts';
import { NodeFsStore } from '../src/storage/nodeFsStore.ts';
import { parquetCodec } from '../src/query/parquetRows.ts';
import { expectedActiveFiles, generateLargeTable, pad20, type LargeTableSpec } from './largeTable.ts';
import { timeBest, type BenchResult } from './timing.ts';

export async function runSnapshotBench(outDir: string): Promise<BenchResult> {
  const spec: LargeTableSpec = { dir: join(outDir, 'large-snapshot'), files: 100_000, checkpointVersion: 100, commits: 50, addsPerCommit: 20 };
  await generateLargeTable(spec);
  const expected = expectedActiveFiles(spec);

  const store = new NodeFsStore(spec.dir);
  const lakelab = await timeBest(5, async () => {
    const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
    if (snapshot.files.length !== expected) throw new Error(`Lakelab replayed ${snapshot.files.length} files, expected ${expected}`);
  });

  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const log = join(spec.dir, '_delta_log');
  const commitFiles = Array.from({ length: spec.commits }, (_, i) => `'${join(log, `${pad20(spec.checkpointVersion + 1 + i)}.json`)}'`);
  const replaySql = `
    WITH checkpoint AS (
      SELECT "add".path AS path, ${spec.checkpointVersion} AS version, true AS is_add, "add".partitionValues AS partition_values,
             "add".size AS size, "add".modificationTime AS modification_time, "add".dataChange AS data_change, "add".stats AS stats
      FROM read_parquet('${join(log, `${pad20(spec.checkpointVersion)}.checkpoint.parquet`)}') WHERE "add" IS NOT NULL),
    commits AS (
      SELECT * FROM read_ndjson([${commitFiles.join(',')}], filename = true,
        columns = {'add': 'STRUCT(path VARCHAR, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT, modificationTime BIGINT, dataChange BOOLEAN, stats VARCHAR)',
                   'remove': 'STRUCT(path VARCHAR)', 'commitInfo': 'JSON'})),
    log_actions AS (
      SELECT coalesce("add".path, remove.path) AS path,
             CAST(regexp_extract(filename, '(\\d{20})\\.json$', 1) AS BIGINT) AS version,
             "add" IS NOT NULL AS is_add, "add".partitionValues, "add".size, "add".modificationTime, "add".dataChange, "add".stats
      FROM commits WHERE "add" IS NOT NULL OR remove IS NOT NULL),
    all_actions AS (SELECT * FROM checkpoint UNION ALL SELECT * FROM log_actions),
    newest AS (SELECT path, arg_max(all_actions, version) AS action FROM all_actions GROUP BY path)
    SELECT action.path, action.partition_values, action.size, action.modification_time, action.data_change, action.stats
    FROM newest WHERE action.is_add`;
  // The same work as Lakelab's: the active files with every add field, handed to the JavaScript caller.
  const native = await timeBest(5, async () => {
    const result = await db.runAndReadAll(replaySql);
    const files = result.getRowObjectsJS().length;
    if (files !== expected) throw new Error(`DuckDB replayed ${files} files, expected ${expected}`);
  });
  db.closeSync();
  instance.closeSync();

  return {
    name: 'snapshot load, 100,000 files (checkpoint + 50 commits), Node',
    lakelabMs: lakelab,
    peerName: 'native DuckDB (@duckdb/node-api) replay',
    peerMs: native,
    targetRatio: 2,
  };
}
