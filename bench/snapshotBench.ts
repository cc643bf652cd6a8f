/**
 * Snapshot load of a 100,000-file table (a checkpoint plus 50 JSON commits): Lakelab's
 * loadSnapshot in Node against native DuckDB doing the same replay over the same files.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadSnapshot } from '../src/core/delta/loadSnapshot.ts';
import { NodeFsStore } from '../src/storage/nodeFsStore.ts';
import { parquetCodec } from '../src/query/parquetRows.ts';
import { expectedActiveFiles, generateLargeTable, type LargeTableSpec } from './largeTable.ts';
import { toDeltaReplaySql } from './deltaReplaySql.ts';
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
  const replaySql = toDeltaReplaySql(spec);
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
