/**
 * Broken catalogs for the error tests (test/fixtures/ducklake/malformed/), made from real ones:
 * DuckLake catalogs whose metadata names an unknown or the in-development 1.1 version, one
 * written encrypted by the reference tool, one lacking a column its version must have, a
 * catalog whose delete file points past its data file's rows; and databases that are not
 * DuckLake at all (DuckDB and SQLite). SQLite copies of the DuckLake ones are converted as in
 * toSqlite.ts. Usage: npx tsx scripts/ducklake/malformedCatalogs.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadSqlJs } from '../../src/query/ducklake/sqlJs.ts';
import { toSqliteCatalog } from './toSqlite.ts';

const fixtures = resolve(import.meta.dirname, '../../test/fixtures/ducklake');
const out = join(fixtures, 'malformed');
const tool = process.env.DUCKDB_DUCKLAKE ?? '/work/shared/tools/duckdb-ducklake';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

async function withDuckdb(path: string, statements: string[]): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(`ATTACH '${path}' AS c`);
  for (const sql of statements) await db.run(sql);
  await db.run('DETACH c');
  db.closeSync();
  instance.closeSync();
}

async function alteredCopy(name: string, from: string, statements: string[]): Promise<void> {
  const path = join(out, `${name}.ducklake`);
  copyFileSync(join(fixtures, from), path);
  await withDuckdb(path, statements);
  writeFileSync(join(out, `${name}.sqlite`), await toSqliteCatalog(path));
}

await alteredCopy('unknown-version', 'lakelab-generated/inlined/catalog.ducklake', [`UPDATE c.ducklake_metadata SET value = '9.9' WHERE key = 'version'`]);
await alteredCopy('version-1.1-dev', 'lakelab-generated/inlined/catalog.ducklake', [`UPDATE c.ducklake_metadata SET value = '1.1-dev1' WHERE key = 'version'`]);
await alteredCopy('missing-column', 'lakelab-generated/inlined/catalog.ducklake', ['ALTER TABLE c.ducklake_table DROP COLUMN path']);

// A delete file that deletes a row its data file does not have (the catalog copied with its data).
cpSync(join(fixtures, 'lakelab-generated/evolution/data'), join(out, 'bad-delete', 'data'), { recursive: true });
await alteredCopy('bad-delete/catalog', 'lakelab-generated/evolution/catalog.ducklake', [
  `COPY (SELECT 'data/main/items/x.parquet' AS file_path, 999::BIGINT AS pos) TO '${join(out, 'bad-delete/data/main/items/past-the-end-delete.parquet')}' (FORMAT parquet)`,
  `UPDATE c.ducklake_delete_file SET path = 'past-the-end-delete.parquet' WHERE delete_file_id = (SELECT min(delete_file_id) FROM c.ducklake_delete_file)`,
]);

rmSync(join(out, 'encrypted'), { recursive: true, force: true });
mkdirSync(join(out, 'encrypted'), { recursive: true });
execFileSync(tool, ['-c', "ATTACH 'ducklake:catalog.ducklake' AS lake (DATA_PATH 'data/', ENCRYPTED); CREATE TABLE lake.t AS SELECT 1 AS x;"], { cwd: join(out, 'encrypted') });
writeFileSync(join(out, 'encrypted', 'catalog.sqlite'), await toSqliteCatalog(join(out, 'encrypted', 'catalog.ducklake')));

const plain = join(out, 'not-ducklake.duckdb');
const instance = await DuckDBInstance.create(plain);
const db = await instance.connect();
await db.run('CREATE TABLE people (id INTEGER, name VARCHAR); INSERT INTO people VALUES (1, \'Ada\')');
db.closeSync();
instance.closeSync();
const sqlJs = await loadSqlJs();
const sqlite = new sqlJs.Database();
sqlite.run("CREATE TABLE people (id INTEGER, name TEXT); INSERT INTO people VALUES (1, 'Ada');");
writeFileSync(join(out, 'not-ducklake.sqlite'), sqlite.export());
console.log(`wrote ${out}`);
