/**
 * A table with a long history for the browser benchmark: `commits` JSON commits of
 * `filesPerCommit` adds each (100,000 files over 10,000 commits), a classic checkpoint near
 * the end (written by native DuckDB), and real Parquet data files for the first files a
 * scan reads (the others are named in the log but never read by the benchmark).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { toArrowTable } from '../src/query/jsonToArrow.ts';
import { toParquetBytes } from '../src/query/parquetWrite.ts';
import { pad20 } from './largeTable.ts';

export interface HistoryTableSpec {
  dir: string;
  commits: number;
  filesPerCommit: number;
  checkpointAt: number;
  rowsPerFile: number;
  realDataFiles: number;
}

const schemaString = JSON.stringify({ type: 'struct', fields: [
  { name: 'id', type: 'long', nullable: true, metadata: {} },
  { name: 'value', type: 'double', nullable: true, metadata: {} },
] });

const fileName = (n: number) => `part-${String(n).padStart(8, '0')}.snappy.parquet`;

export async function generateHistoryTable(spec: HistoryTableSpec): Promise<void> {
  rmSync(spec.dir, { recursive: true, force: true });
  const log = join(spec.dir, '_delta_log');
  mkdirSync(log, { recursive: true });
  const statsOf = (n: number) => JSON.stringify({ numRecords: spec.rowsPerFile, minValues: { id: n * spec.rowsPerFile, value: 0 }, maxValues: { id: (n + 1) * spec.rowsPerFile - 1, value: 1 }, nullCount: { id: 0, value: 0 } });
  for (let v = 0; v < spec.commits; v++) {
    const time = 1_700_000_000_000 + v * 60_000;
    const lines = [JSON.stringify({ commitInfo: { timestamp: time, operation: 'WRITE', operationParameters: { mode: 'Append' }, isBlindAppend: true, readVersion: v - 1 } })];
    if (v === 0) {
      lines.push(JSON.stringify({ protocol: { minReaderVersion: 1, minWriterVersion: 2 } }));
      lines.push(JSON.stringify({ metaData: { id: 'bench-history', format: { provider: 'parquet', options: {} }, schemaString, partitionColumns: [], configuration: {}, createdTime: time } }));
    }
    for (let f = 0; f < spec.filesPerCommit; f++) {
      const n = v * spec.filesPerCommit + f;
      lines.push(JSON.stringify({ add: { path: fileName(n), partitionValues: {}, size: 2000, modificationTime: time, dataChange: true, stats: statsOf(n) } }));
    }
    writeFileSync(join(log, `${pad20(v)}.json`), `${lines.join('\n')}\n`);
  }
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(`CREATE TABLE checkpoint (
    "add" STRUCT(path VARCHAR, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT, modificationTime BIGINT, dataChange BOOLEAN, stats VARCHAR),
    metaData STRUCT(id VARCHAR, format STRUCT(provider VARCHAR, options MAP(VARCHAR, VARCHAR)), schemaString VARCHAR, partitionColumns VARCHAR[], configuration MAP(VARCHAR, VARCHAR), createdTime BIGINT),
    protocol STRUCT(minReaderVersion INTEGER, minWriterVersion INTEGER))`);
  await db.run(`INSERT INTO checkpoint (protocol) VALUES ({'minReaderVersion': 1, 'minWriterVersion': 2})`);
  await db.run(`INSERT INTO checkpoint (metaData) VALUES ({'id': 'bench-history', 'format': {'provider': 'parquet', 'options': MAP {}}, 'schemaString': '${schemaString}', 'partitionColumns': [], 'configuration': MAP {}, 'createdTime': 1700000000000})`);
  const filesAtCheckpoint = (spec.checkpointAt + 1) * spec.filesPerCommit;
  await db.run(`INSERT INTO checkpoint ("add") SELECT {'path': 'part-' || lpad(i::VARCHAR, 8, '0') || '.snappy.parquet', 'partitionValues': MAP {}, 'size': 2000,
    'modificationTime': 1700000000000 + (i // ${spec.filesPerCommit}) * 60000, 'dataChange': false,
    'stats': '{"numRecords":${spec.rowsPerFile},"minValues":{"id":' || (i * ${spec.rowsPerFile})::VARCHAR || ',"value":0},"maxValues":{"id":' || ((i + 1) * ${spec.rowsPerFile} - 1)::VARCHAR || ',"value":1},"nullCount":{"id":0,"value":0}}'}
    FROM range(${filesAtCheckpoint}) t(i)`);
  await db.run(`COPY checkpoint TO '${join(log, `${pad20(spec.checkpointAt)}.checkpoint.parquet`)}' (FORMAT parquet)`);
  db.closeSync();
  instance.closeSync();
  writeFileSync(join(log, '_last_checkpoint'), JSON.stringify({ version: spec.checkpointAt, size: filesAtCheckpoint + 2 }));
  const columns = [{ name: 'id', type: 'long' as const, nullable: true }, { name: 'value', type: 'double' as const, nullable: true }];
  for (let n = 0; n < spec.realDataFiles; n++) {
    const rows = Array.from({ length: spec.rowsPerFile }, (_, i) => ({ id: n * spec.rowsPerFile + i, value: i / spec.rowsPerFile }));
    writeFileSync(join(spec.dir, fileName(n)), await toParquetBytes(toArrowTable(rows, columns)));
  }
}
