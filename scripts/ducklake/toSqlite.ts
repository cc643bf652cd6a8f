/**
 * Converts each conformance case's DuckDB catalog into the SQLite catalog DuckDB's ducklake
 * extension would have written for it on a SQLite metadata database (ATTACH 'ducklake:sqlite:...'):
 * the same tables, columns and values, in the storage classes DuckDB's sqlite extension uses.
 * Output: test/fixtures/ducklake/sqlite/<case>.sqlite, and the seed case also as the pipeline's
 * Files/metadata.db. The reference tool has no sqlite extension, so this is done here, with
 * native DuckDB (@duckdb/node-api) reading and sql.js (SQLite) writing.
 *
 * What DuckDB + ducklake do when the catalog is SQLite (researched, not run here):
 * - ducklake runs its CREATE TABLE statements (DuckDB types: BIGINT, VARCHAR, BOOLEAN,
 *   TIMESTAMPTZ, UUID, ...) through DuckDB's sqlite extension (duckdb/duckdb-sqlite,
 *   src/storage/sqlite_schema_entry.cpp GetCreateTableSQL), which declares each column with
 *   SQLiteUtils::ToSQLiteType (src/sqlite_utils.cpp): BOOLEAN, TINYINT..BIGINT and UTINYINT..UINTEGER
 *   -> BIGINT; FLOAT, DOUBLE -> DOUBLE; BLOB -> BLOB; everything else (VARCHAR, UUID, TIMESTAMPTZ,
 *   DATE, DECIMAL, UBIGINT, HUGEINT, nested types) -> VARCHAR. PRIMARY KEY and NOT NULL stay.
 * - Inserts cast each value to that type first (sqlite_insert.cpp AddCastToSQLiteTypes) and bind
 *   it (sqlite_stmt.cpp BindValue): BIGINT as INTEGER (booleans as 0/1), DOUBLE as REAL, BLOB as
 *   BLOB, VARCHAR as TEXT, so a UUID is its text and a TIMESTAMPTZ DuckDB's text of it
 *   ("2026-12-01 22:46:35.354465+00" in UTC; another session time zone gives another offset).
 * - Inlined data tables get their column types from ducklake's SQLite metadata manager
 *   (duckdb/ducklake src/metadata_manager/sqlite_metadata_manager.cpp): FLOAT, DOUBLE and
 *   VARIANT are declared VARCHAR ("SQLite converts IEEE 754 NaN to NULL ... so FLOAT/DOUBLE must be
 *   stored as VARCHAR to preserve NaN"), and types SQLite cannot hold natively (STRUCT, MAP,
 *   LIST, TIMESTAMP WITH TIME ZONE) are kept as DuckDB's VARCHAR text of the value, which ducklake
 *   casts back when it reads. Earlier versions of that file declared only VARIANT as VARCHAR
 *   (DOUBLE then lands as REAL); Lakelab reads either, since it casts whatever is stored.
 *
 * Usage: npx tsx scripts/ducklake/toSqlite.ts [case ...]
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadSqlJs } from '../../src/query/ducklake/sqlJs.ts';

const fixtures = resolve(import.meta.dirname, '../../test/fixtures/ducklake');
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

type StorageClass = 'INTEGER' | 'REAL' | 'BLOB' | 'TEXT';

/** SQLiteUtils::ToSQLiteType, then ducklake's rule for inlined FLOAT/DOUBLE. */
function declaredType(duckdbType: string, inlinedData: boolean): { declared: string; storage: StorageClass } {
  const integerTypes = ['BOOLEAN', 'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER'];
  if (integerTypes.includes(duckdbType)) return { declared: 'BIGINT', storage: 'INTEGER' };
  if (duckdbType === 'FLOAT' || duckdbType === 'DOUBLE') return inlinedData ? { declared: 'VARCHAR', storage: 'TEXT' } : { declared: 'DOUBLE', storage: 'REAL' };
  if (duckdbType === 'BLOB') return { declared: 'BLOB', storage: 'BLOB' };
  return { declared: 'VARCHAR', storage: 'TEXT' };
}

function selectAs(column: string, duckdbType: string, storage: StorageClass): string {
  const c = ident(column);
  if (duckdbType === 'BOOLEAN') return `CASE WHEN ${c} IS NULL THEN NULL WHEN ${c} THEN 1 ELSE 0 END::BIGINT AS ${c}`;
  if (storage === 'INTEGER') return `${c}::BIGINT AS ${c}`;
  if (storage === 'TEXT') return `${c}::VARCHAR AS ${c}`;
  return c;
}

/** The SQLite bytes of the DuckDB catalog at `source` (gzipped when it ends in .gz). */
export async function toSqliteCatalog(source: string): Promise<Uint8Array> {
  const work = mkdtempSync(join(tmpdir(), 'lakelab-sqlite-'));
  const catalog = join(work, 'catalog.duckdb');
  if (source.endsWith('.gz')) writeFileSync(catalog, gunzipSync(readFileSync(source)));
  else copyFileSync(source, catalog);
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  await duck.run(`SET TimeZone = 'UTC'`);
  await duck.run(`ATTACH '${catalog}' AS c (READ_ONLY)`);
  const rows = async (sql: string) => (await duck.runAndReadAll(sql)).getRowObjects();
  const columns = await rows(`SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_catalog = 'c' AND table_schema = 'main' ORDER BY table_name, ordinal_position`);
  const primaryKeys = await rows(`SELECT table_name, unnest(constraint_column_names) AS column_name FROM duckdb_constraints() WHERE database_name = 'c' AND constraint_type = 'PRIMARY KEY'`);
  const tables = [...new Set(columns.map((c) => String(c.table_name)))];
  const sqlJs = await loadSqlJs();
  const sqlite = new sqlJs.Database();
  for (const table of tables) {
    const inlinedData = table.startsWith('ducklake_inlined_data_');
    const own = columns.filter((c) => c.table_name === table).map((c) => {
      const { declared, storage } = declaredType(String(c.data_type), inlinedData);
      const key = primaryKeys.some((k) => k.table_name === table && k.column_name === c.column_name) ? ' PRIMARY KEY' : '';
      return { name: String(c.column_name), duckdbType: String(c.data_type), declared, storage, constraint: key || (c.is_nullable === 'NO' ? ' NOT NULL' : '') };
    });
    sqlite.run(`CREATE TABLE ${ident(table)}(${own.map((c) => `${ident(c.name)} ${c.declared}${c.constraint}`).join(', ')})`);
    const values = await rows(`SELECT ${own.map((c) => selectAs(c.name, c.duckdbType, c.storage)).join(', ')} FROM c.main.${ident(table)}`);
    const insert = sqlite.prepare(`INSERT INTO ${ident(table)} VALUES (${own.map(() => '?').join(', ')})`);
    for (const row of values) {
      insert.run(own.map((c) => {
        const value = row[c.name];
        if (value === null || value === undefined) return null;
        if (c.storage === 'BLOB') return (value as { bytes: Uint8Array }).bytes;
        if (c.storage === 'INTEGER') return Number(value as bigint) === Number(value) && Math.abs(Number(value)) <= Number.MAX_SAFE_INTEGER ? Number(value) : (value as bigint);
        return value as string | number;
      }) as (string | number | Uint8Array | null)[]);
    }
    insert.free();
  }
  const bytes = sqlite.export();
  sqlite.close();
  duck.closeSync();
  instance.closeSync();
  rmSync(work, { recursive: true, force: true });
  return bytes;
}

async function convert(name: string): Promise<void> {
  const config = JSON.parse(readFileSync(join(fixtures, 'cases', name, 'case.json'), 'utf8')) as { catalog: string };
  const bytes = await toSqliteCatalog(join(fixtures, config.catalog));
  const out = join(fixtures, 'sqlite', `${name}.sqlite`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  if (name === 'seed') {
    // The seed pipeline's layout: the catalog at Files/metadata.db, its data path abfss://.../Tables/.
    mkdirSync(join(fixtures, 'sqlite', 'seed-onelake', 'Files'), { recursive: true });
    writeFileSync(join(fixtures, 'sqlite', 'seed-onelake', 'Files', 'metadata.db'), bytes);
  }
  console.log(`${name}: ${bytes.length} bytes`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const wanted = process.argv.slice(2);
  const all = readdirSync(join(fixtures, 'cases')).filter((n) => existsSync(join(fixtures, 'cases', n, 'case.json')));
  for (const name of wanted.length ? wanted : all) await convert(name);
}
