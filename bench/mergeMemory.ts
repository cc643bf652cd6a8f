/**
 * One MERGE of the merge bench in a process of its own, for its memory peak: the process's
 * highest resident set size (getrusage) less its resident size just before the merge (the
 * table's log read, duckdb-wasm started; the encoding threads' memory included). Run by mergeBench.ts as
 * `node --import tsx bench/mergeMemory.ts lakelab|native <outDir>`; prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { seededRng } from '../src/core/rng.ts';
import { loadSnapshot } from '../src/core/delta/loadSnapshot.ts';
import { NodeFsStore } from '../src/storage/nodeFsStore.ts';
import { parquetCodec } from '../src/query/parquetRows.ts';
import { runMerge } from '../src/query/mergeExecutor.ts';
import { readArrowTable } from '../src/query/parquetRead.ts';
import { openNodeSqlEngine } from '../src/query/duckdbNode.ts';
import { openEncodePool } from '../src/workers/encodePoolNode.ts';
import { upsertSql } from './mergeSql.ts';

const [which, outDir = ''] = process.argv.slice(2);
const dir = join(outDir, 'merge-target');
const sourcePath = join(outDir, 'merge-source.parquet');
const store = new NodeFsStore(dir);
const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
let before: number;
if (which === 'lakelab') {
  const joinEngine = await openNodeSqlEngine();
  before = process.memoryUsage.rss();
  const source = await readArrowTable(new Uint8Array(readFileSync(sourcePath)), { name: sourcePath });
  const dataFileEncoder = openEncodePool();
  await runMerge(snapshot, { predicate: 't.id = s.id', sourceAlias: 's', targetAlias: 't', clauses: [{ kind: 'whenMatchedUpdateAll' }, { kind: 'whenNotMatchedInsertAll' }] }, source, { store, rng: seededRng(7), now: Date.now, joinEngine, dataFileEncoder });
  await dataFileEncoder.close();
} else {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  before = process.memoryUsage.rss();
  await db.run(upsertSql(snapshot.files.map((f) => join(dir, f.path)), sourcePath, join(outDir, 'duckdb-merge-memory.parquet')));
}
console.log(JSON.stringify({ peakMiB: (process.resourceUsage().maxRSS * 1024 - before) / 2 ** 20 }));
