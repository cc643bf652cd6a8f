/**
 * Generates a large Delta log for benchmarks: a classic checkpoint holding `files` active
 * adds at version `checkpointVersion`, then `commits` JSON commits after it, each adding a
 * few files and removing one. Written with native DuckDB (for the checkpoint's Parquet) and
 * plain JSON, independently of Lakelab's own writer. Data files are not written: opening a
 * snapshot never reads them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export interface LargeTableSpec {
  dir: string;
  files: number;
  checkpointVersion: number;
  commits: number;
  addsPerCommit: number;
}

export const pad20 = (v: number) => String(v).padStart(20, '0');

const schemaString = JSON.stringify({
  type: 'struct',
  fields: [
    { name: 'id', type: 'long', nullable: true, metadata: {} },
    { name: 'value', type: 'double', nullable: true, metadata: {} },
    { name: 'p', type: 'string', nullable: true, metadata: {} },
  ],
});

const statsOf = (i: number) =>
  JSON.stringify({ numRecords: 100, minValues: { id: i * 100, value: 0.5 }, maxValues: { id: i * 100 + 99, value: 99.5 }, nullCount: { id: 0, value: 0 } });

export async function generateLargeTable(spec: LargeTableSpec): Promise<void> {
  rmSync(spec.dir, { recursive: true, force: true });
  const log = join(spec.dir, '_delta_log');
  mkdirSync(log, { recursive: true });
  const checkpointPath = join(log, `${pad20(spec.checkpointVersion)}.checkpoint.parquet`);
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(`CREATE TABLE checkpoint (
    txn STRUCT(appId VARCHAR, version BIGINT, lastUpdated BIGINT),
    "add" STRUCT(path VARCHAR, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT, modificationTime BIGINT,
                 dataChange BOOLEAN, stats VARCHAR, tags MAP(VARCHAR, VARCHAR)),
    remove STRUCT(path VARCHAR, deletionTimestamp BIGINT, dataChange BOOLEAN),
    metaData STRUCT(id VARCHAR, name VARCHAR, description VARCHAR, format STRUCT(provider VARCHAR, options MAP(VARCHAR, VARCHAR)),
                    schemaString VARCHAR, partitionColumns VARCHAR[], configuration MAP(VARCHAR, VARCHAR), createdTime BIGINT),
    protocol STRUCT(minReaderVersion INTEGER, minWriterVersion INTEGER)
  )`);
  await db.run(`INSERT INTO checkpoint (protocol) VALUES ({'minReaderVersion': 1, 'minWriterVersion': 2})`);
  await db.run(`INSERT INTO checkpoint (metaData) VALUES ({'id': 'bench-table', 'name': NULL, 'description': NULL,
    'format': {'provider': 'parquet', 'options': MAP {}}, 'schemaString': '${schemaString.replace(/'/g, "''")}',
    'partitionColumns': ['p'], 'configuration': MAP {}, 'createdTime': 1700000000000})`);
  await db.run(`INSERT INTO checkpoint ("add")
    SELECT {'path': 'p=' || (i % 16)::VARCHAR || '/part-' || lpad(i::VARCHAR, 8, '0') || '.snappy.parquet',
            'partitionValues': MAP {'p': (i % 16)::VARCHAR}, 'size': 10000 + i, 'modificationTime': 1700000000000 + i,
            'dataChange': false,
            'stats': '{"numRecords":100,"minValues":{"id":' || (i * 100)::VARCHAR || ',"value":0.5},"maxValues":{"id":' || (i * 100 + 99)::VARCHAR || ',"value":99.5},"nullCount":{"id":0,"value":0}}',
            'tags': NULL}
    FROM range(${spec.files}) t(i)`);
  await db.run(`COPY checkpoint TO '${checkpointPath}' (FORMAT parquet, COMPRESSION snappy)`);
  db.closeSync();
  instance.closeSync();
  writeFileSync(join(log, '_last_checkpoint'), JSON.stringify({ version: spec.checkpointVersion, size: spec.files + 2 }));

  let nextFile = spec.files;
  for (let c = 1; c <= spec.commits; c++) {
    const version = spec.checkpointVersion + c;
    const time = 1700000000000 + version * 1000;
    const lines = [JSON.stringify({ commitInfo: { timestamp: time, operation: 'WRITE', operationParameters: { mode: 'Append' } } })];
    for (let a = 0; a < spec.addsPerCommit; a++, nextFile++) {
      lines.push(JSON.stringify({ add: {
        path: `p=${nextFile % 16}/part-${String(nextFile).padStart(8, '0')}.snappy.parquet`,
        partitionValues: { p: String(nextFile % 16) }, size: 10000 + nextFile, modificationTime: time, dataChange: true,
        stats: statsOf(nextFile),
      } }));
    }
    const removed = c * 7;
    lines.push(JSON.stringify({ remove: {
      path: `p=${removed % 16}/part-${String(removed).padStart(8, '0')}.snappy.parquet`,
      deletionTimestamp: time, dataChange: true, partitionValues: { p: String(removed % 16) }, size: 10000 + removed,
    } }));
    writeFileSync(join(log, `${pad20(version)}.json`), lines.join('\n') + '\n');
  }
}

/** How many active files the generated table has at its latest version. */
export function expectedActiveFiles(spec: LargeTableSpec): number {
  return spec.files + spec.commits * spec.addsPerCommit - spec.commits;
}
