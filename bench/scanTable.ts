/**
 * A Delta table of real data files for the scan benchmark: `files` Parquet files of `rowsPerFile`
 * rows (id, name, value), written by native DuckDB, and one commit adding them, written as plain
 * JSON (independently of Lakelab's writer).
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { pad20 } from './largeTable.ts';

export interface ScanTableSpec {
  dir: string;
  files: number;
  rowsPerFile: number;
}

const schemaString = JSON.stringify({
  type: 'struct',
  fields: [
    { name: 'id', type: 'long', nullable: true, metadata: {} },
    { name: 'name', type: 'string', nullable: true, metadata: {} },
    { name: 'value', type: 'double', nullable: true, metadata: {} },
  ],
});

export async function generateScanTable(spec: ScanTableSpec): Promise<void> {
  rmSync(spec.dir, { recursive: true, force: true });
  mkdirSync(join(spec.dir, '_delta_log'), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const adds: string[] = [];
  for (let f = 0; f < spec.files; f++) {
    const name = `part-${String(f).padStart(5, '0')}.snappy.parquet`;
    const from = f * spec.rowsPerFile;
    await db.run(`COPY (SELECT i AS id, 'name ' || i::VARCHAR AS name, i / 4 AS value FROM range(${from}, ${from + spec.rowsPerFile}) t(i))
      TO '${join(spec.dir, name)}' (FORMAT parquet, COMPRESSION snappy)`);
    adds.push(JSON.stringify({ add: { path: name, partitionValues: {}, size: statSync(join(spec.dir, name)).size, modificationTime: 1700000000000, dataChange: true } }));
  }
  db.closeSync();
  instance.closeSync();
  const lines = [
    JSON.stringify({ commitInfo: { timestamp: 1700000000000, operation: 'WRITE', operationParameters: { mode: 'Append' } } }),
    JSON.stringify({ protocol: { minReaderVersion: 1, minWriterVersion: 2 } }),
    JSON.stringify({ metaData: { id: 'bench-scan', format: { provider: 'parquet', options: {} }, schemaString, partitionColumns: [], configuration: {}, createdTime: 1700000000000 } }),
    ...adds,
  ];
  writeFileSync(join(spec.dir, '_delta_log', `${pad20(0)}.json`), lines.join('\n') + '\n');
}
