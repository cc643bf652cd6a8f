/**
 * A DuckLake catalog of 10,000 snapshots and 100,000 data files (20 tables, deletes on every
 * tenth file): the extension's empty catalog (test/fixtures), 20 tables created by Lakelab's
 * writer, then rows generated in bulk with plain SQL (not committed: bench/out). Measured: opening it and its history (Lakelab: the catalog file
 * in duckdb-wasm, its tables read and typed, changes parsed into words), and one table's files
 * at the latest snapshot (5,000 data files with delete files and stats). The peer is native
 * DuckDB (@duckdb/node-api) running the very SQL Lakelab ran, rows materialised in JS, in the
 * same run.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { CatalogDatabase } from '../src/core/ducklake/catalogDatabase.ts';
import { loadCatalog } from '../src/core/ducklake/loadCatalog.ts';
import { toHistory } from '../src/core/ducklake/history.ts';
import { findTable } from '../src/core/ducklake/catalogAt.ts';
import { filesAt, loadTableFiles } from '../src/core/ducklake/tableFiles.ts';
import { toTableFiles } from '../src/core/ducklake/toTableModel.ts';
import { openNodeSqlEngine } from '../src/query/duckdbNode.ts';
import { openCatalogFile } from '../src/query/ducklake/catalogFile.ts';
import { commitDucklake } from '../src/query/ducklake/write/commitDucklake.ts';
import { MemoryStore } from '../src/storage/memoryStore.ts';
import { seededRng } from '../src/core/rng.ts';
import { timeBest, type BenchResult } from './timing.ts';

const emptyCatalog = join(import.meta.dirname, '..', 'test', 'fixtures', 'ducklake', 'written', 'empty.ducklake.gz');

const snapshots = 10_000;
const tables = 20;
const dataFiles = 100_000;

async function generate(path: string): Promise<void> {
  if (existsSync(path)) return;
  // The extension's own empty catalog (a committed fixture), its tables created by Lakelab's DuckLake writer.
  let catalog: Uint8Array = new Uint8Array(gunzipSync(readFileSync(emptyCatalog)));
  const columns = [{ name: 'id', type: 'int64' }, { name: 'name', type: 'varchar' }, { name: 'amount', type: 'decimal(12,2)' }, { name: 'day', type: 'date' }];
  const context = { data: { store: new MemoryStore() }, openEngine: openNodeSqlEngine, now: () => Date.UTC(2026, 0, 1), rng: seededRng(1) };
  for (let t = 0; t < tables; t++) catalog = (await commitDucklake(path, catalog, { kind: 'createTable', table: `main.t${t}`, columns }, context)).bytes;
  writeFileSync(path, catalog);
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(`ATTACH '${path}' AS c`);
  const first = tables + 1;
  const spread = snapshots - first;
  // File i is written by snapshot first + floor(i * spread / dataFiles); next_file_id follows.
  await db.run(`INSERT INTO c.ducklake_snapshot SELECT s, TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_seconds(s * 60), ${tables}, ${tables + 1}, CAST(ceil((s - ${first} + 1) * ${dataFiles} / ${spread}) AS BIGINT) FROM range(${first}, ${snapshots}) t(s)`);
  await db.run(`INSERT INTO c.ducklake_snapshot_changes SELECT s, CASE WHEN s % 10 = 0 THEN 'deleted_from_table:' || (s % ${tables} + 1) ELSE 'inserted_into_table:' || (s % ${tables} + 1) END, 'loader', 'batch ' || s, NULL FROM range(${first}, ${snapshots}) t(s)`);
  await db.run(`INSERT INTO c.ducklake_data_file SELECT i, i % ${tables} + 1, ${first} + i * ${spread} // ${dataFiles}, NULL, NULL, 'ducklake-' || i || '.parquet', true, 'parquet', 1000, 65536 + i % 1000, 512, i * 1000, NULL, NULL, NULL, NULL
    FROM range(${dataFiles}) t(i)`);
  await db.run(`INSERT INTO c.ducklake_delete_file SELECT 1000000 + data_file_id, table_id, begin_snapshot + 1, NULL, data_file_id, 'ducklake-' || data_file_id || '-delete.parquet', true, 'parquet', 10, 2048, 256, NULL, NULL FROM c.ducklake_data_file WHERE data_file_id % 10 = 0`);
  await db.run(`INSERT INTO c.ducklake_file_column_stats SELECT data_file_id, table_id, c, NULL, 1000, 0, '0', '999', NULL, NULL FROM c.ducklake_data_file, range(1, 5) t(c)`);
  db.closeSync();
  instance.closeSync();
}

/** Records the SQL a CatalogDatabase is asked, to run the same on native DuckDB. */
function recording(db: CatalogDatabase, queries: string[]): CatalogDatabase {
  return { dialect: db.dialect, name: db.name, emptyTables: db.emptyTables, listTables: () => db.listTables(), query: (sql) => { queries.push(sql); return db.query(sql); } };
}

export async function runDucklakeBench(outDir: string): Promise<BenchResult> {
  const path = join(outDir, 'ducklake-10k-snapshots.ducklake');
  await generate(path);
  const bytes = new Uint8Array(readFileSync(path));
  const historyQueries: string[] = [];
  const filesQueries: string[] = [];
  let historyLength = 0;
  let fileCount = 0;
  const lakelabHistory = await timeBest(5, async () => {
    historyQueries.length = 0;
    const file = await openCatalogFile(path, bytes, openNodeSqlEngine);
    const catalog = await loadCatalog(recording(file, historyQueries));
    historyLength = toHistory(catalog).length;
    filesQueries.length = 0;
    const table = findTable(catalog, 'main.t7', catalog.snapshots.at(-1)!.snapshot_id);
    const files = await loadTableFiles(recording(file, filesQueries), catalog, table.tableId);
    fileCount = toTableFiles(catalog, table, catalog.snapshots.at(-1)!.snapshot_id, filesAt(files, catalog.snapshots.at(-1)!.snapshot_id)).length;
    await file.close();
  });
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const native = await timeBest(5, async () => {
    await db.run(`ATTACH '${path}' AS c (READ_ONLY)`);
    await db.run('USE c');
    for (const sql of [...historyQueries, ...filesQueries]) (await db.runAndReadAll(sql)).getRowObjects();
    await db.run('USE memory');
    await db.run('DETACH c');
  });
  db.closeSync();
  instance.closeSync();
  if (process.env.LAKELAB_BENCH_KEEP !== '1') rmSync(path, { force: true });
  return {
    name: `DuckLake: open a catalog of ${snapshots.toLocaleString('en')} snapshots and ${dataFiles.toLocaleString('en')} data files, its history and a table's files (Node)`,
    lakelabMs: lakelabHistory,
    peerName: 'native DuckDB (@duckdb/node-api) running the same catalog queries',
    peerMs: native,
    targetRatio: 2,
    notes: [`${historyLength} history entries, ${fileCount} files of main.t7; ${historyQueries.length + filesQueries.length} catalog queries`],
  };
}
