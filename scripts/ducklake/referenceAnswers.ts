/**
 * The reference answers Lakelab's DuckLake conformance test compares with, produced by the
 * ducklake extension itself (DuckDB v1.5.5, ../shared/tools/duckdb-ducklake): for every case in
 * test/fixtures/ducklake/cases/<case>/case.json, its snapshots (`FROM lake.snapshots()`), the
 * tables, columns and views at every snapshot (the catalog attached with SNAPSHOT_VERSION), the
 * rows of every table at every snapshot (`AT (VERSION => N)`) and each snapshot's
 * `table_changes` and `ducklake_list_files`. Catalogs of older spec versions are read from a migrated copy (the
 * extension reads only 1.0; the fixture stays as it is). Writes cases/<case>/reference/.
 *
 * Usage: npx tsx scripts/ducklake/referenceAnswers.ts [case ...]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

const fixtures = resolve(import.meta.dirname, '../../test/fixtures/ducklake');
const tool = process.env.DUCKDB_DUCKLAKE ?? '/work/shared/tools/duckdb-ducklake';

interface CaseConfig {
  /** The catalog file, relative to test/fixtures/ducklake (.gz: gunzipped first). */
  catalog: string;
  /** A folder to read the data files from instead of the catalog's data path. */
  data?: string;
  /** Rows: produce them here, or they ship with the catalog (lakelab-generated/basic, inlined). */
  rows: 'generate' | 'shipped';
}

interface Column { name: string; type: string }
interface TableAt { schema: string; name: string; columns: Column[] }

const q = (text: string) => `'${text.replace(/'/g, "''")}'`;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function run(sql: string, cwd: string): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(tool, ['-json', '-c', sql], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

function json<T>(sql: string, cwd: string): T {
  const { stdout, stderr, status } = run(sql, cwd);
  if (status !== 0 || stderr.trim()) throw new Error(`${stderr.trim() || `exit ${status}`}\n  in: ${sql.slice(0, 400)}`);
  const text = stdout.trim();
  return (text ? JSON.parse(text) : []) as T;
}

function generate(name: string): void {
  const dir = join(fixtures, 'cases', name);
  const config = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseConfig;
  const source = join(fixtures, config.catalog);
  const cwd = dirname(source);
  const work = mkdtempSync(join(tmpdir(), 'lakelab-reference-'));
  const catalog = join(work, 'catalog.db');
  if (source.endsWith('.gz')) writeFileSync(catalog, gunzipSync(readFileSync(source)));
  else copyFileSync(source, catalog);
  const version = json<{ value: string }[]>(`ATTACH ${q(catalog)} AS c (READ_ONLY); SELECT value FROM c.ducklake_metadata WHERE key = 'version'`, cwd)[0]?.value;
  const dataOption = config.data ? `, DATA_PATH ${q(join(fixtures, config.data) + '/')}, OVERRIDE_DATA_PATH TRUE` : '';
  const out = join(dir, 'reference');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  if (version !== '1.0') {
    try {
      json(`ATTACH ${q(`ducklake:${catalog}`)} AS lake (AUTOMATIC_MIGRATION TRUE${dataOption}); SELECT 1`, cwd);
    } catch (error) {
      // The extension cannot migrate it, so it cannot read it: keep what plain SQL reads from its tables.
      const raw = (table: string) => json<unknown[]>(`ATTACH ${q(catalog)} AS c (READ_ONLY); SELECT * REPLACE (${table === 'ducklake_snapshot' ? 'snapshot_time::VARCHAR AS snapshot_time' : 'changes_made AS changes_made'}) FROM c.${table} ORDER BY snapshot_id`, cwd);
      const migrationError = (error as Error).message.split('\n')[0];
      writeFileSync(join(out, 'catalog.json'), `${JSON.stringify({ version, migrationError, ducklake_snapshot: raw('ducklake_snapshot'), ducklake_snapshot_changes: raw('ducklake_snapshot_changes') }, null, 1)}\n`);
      rmSync(work, { recursive: true, force: true });
      console.log(`${name}: spec ${version}, the extension cannot migrate it (${migrationError})`);
      return;
    }
  }
  const attach = (alias: string, extra = '') => `ATTACH ${q(`ducklake:${catalog}`)} AS ${alias} (READ_ONLY${dataOption}${extra});`;
  const snapshots = json<{ snapshot_id: number }[]>(
    `${attach('lake')} SELECT snapshot_id, snapshot_time::VARCHAR AS snapshot_time, schema_version, changes, author, commit_message, commit_extra_info FROM lake.snapshots() ORDER BY snapshot_id`,
    cwd,
  );
  const at: Record<string, { tables: TableAt[]; views: { schema: string; name: string }[] }> = {};
  for (const { snapshot_id: n } of snapshots) {
    const alias = `s${n}`;
    const columns = json<{ schema_name: string; table_name: string; column_name: string; data_type: string }[]>(
      `${attach(alias, `, SNAPSHOT_VERSION ${n}`)} SELECT t.schema_name, t.table_name, c.column_name, c.data_type FROM duckdb_tables() t LEFT JOIN duckdb_columns() c USING (database_name, schema_name, table_name) WHERE t.database_name = '${alias}' ORDER BY t.schema_name, t.table_name, c.column_index`,
      cwd,
    );
    const views = json<{ schema_name: string; view_name: string }[]>(
      `${attach(alias, `, SNAPSHOT_VERSION ${n}`)} SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = '${alias}' AND NOT internal ORDER BY schema_name, view_name`,
      cwd,
    );
    const tables = new Map<string, TableAt>();
    for (const c of columns) {
      const key = `${c.schema_name}.${c.table_name}`;
      const table = tables.get(key) ?? { schema: c.schema_name, name: c.table_name, columns: [] };
      if (c.column_name !== null) table.columns.push({ name: c.column_name, type: c.data_type });
      tables.set(key, table);
    }
    at[n] = { tables: [...tables.values()], views: views.map((v) => ({ schema: v.schema_name, name: v.view_name })) };
  }
  writeFileSync(join(out, 'catalog.json'), `${JSON.stringify({ version, snapshots, at }, null, 1)}\n`);
  writeRows(out, snapshots.map((s) => s.snapshot_id), at, attach, cwd, config.rows === 'generate');
  rmSync(work, { recursive: true, force: true });
  console.log(`${name}: spec ${version}, ${snapshots.length} snapshots`);
}

/** A column as the conformance test compares it: BLOB as base64, MAP as entries, 64-bit+ integers and floats as exact text. */
function selectColumn(column: Column): string {
  const c = ident(column.name);
  if (column.type === 'BLOB') return `base64(${c}) AS ${c}`;
  if (column.type.startsWith('MAP(')) return `map_entries(${c}) AS ${c}`;
  if (['BIGINT', 'UBIGINT', 'HUGEINT', 'UHUGEINT', 'FLOAT', 'DOUBLE'].includes(column.type)) return `${c}::VARCHAR AS ${c}`;
  return c;
}

/** Rows at every snapshot (unless they ship with the catalog) and each snapshot's table_changes. */
function writeRows(out: string, ids: number[], at: Record<string, { tables: TableAt[] }>, attach: (alias: string) => string, cwd: string, withRows: boolean): void {
  for (const n of ids) {
    for (const table of at[n]?.tables ?? []) {
      const key = encodeURIComponent(`${table.schema}.${table.name}`);
      const select = table.columns.map(selectColumn).join(', ');
      const rowsFile = join(out, 'rows', key, `s${n}.json`);
      if (withRows) mkdirSync(dirname(rowsFile), { recursive: true });
      const rows = !withRows ? undefined : run(`${attach('lake')} SELECT ${select} FROM lake.${ident(table.schema)}.${ident(table.name)} AT (VERSION => ${n})`, cwd);
      if (rows) writeFileSync(rowsFile, rows.status === 0 && !rows.stderr.trim() ? `${rows.stdout.trim() || '[]'}\n` : `${JSON.stringify({ error: rows.stderr.trim() })}\n`);
      const filesFile = join(out, 'files', key, `s${n}.json`);
      mkdirSync(dirname(filesFile), { recursive: true });
      const files = run(`${attach('lake')} SELECT data_file, data_file_size_bytes, delete_file, delete_file_size_bytes FROM ducklake_list_files('lake', ${q(table.name)}, schema => ${q(table.schema)}, snapshot_version => ${n}) ORDER BY data_file`, cwd);
      writeFileSync(filesFile, files.status === 0 && !files.stderr.trim() ? `${files.stdout.trim() || '[]'}\n` : `${JSON.stringify({ error: files.stderr.trim() })}\n`);
      if (n === 0 || !(at[n - 1]?.tables ?? []).some((t) => t.schema === table.schema && t.name === table.name)) continue;
      const changesFile = join(out, 'changes', key, `s${n}.json`);
      mkdirSync(dirname(changesFile), { recursive: true });
      // table_changes takes the table's name in the current schema (a schema named with a comma cannot be made current).
      const changes = run(`${attach('lake')} USE lake.${ident(table.schema)}; SELECT snapshot_id, rowid, change_type, ${select} FROM table_changes(${q(table.name)}, ${n}, ${n}) ORDER BY rowid, change_type`, cwd);
      writeFileSync(changesFile, changes.status === 0 && !changes.stderr.trim() ? `${changes.stdout.trim() || '[]'}\n` : `${JSON.stringify({ error: changes.stderr.trim() })}\n`);
    }
  }
}

execFileSync(tool, ['-c', 'SELECT 1'], { stdio: 'ignore' });
const wanted = process.argv.slice(2);
const all = readdirSync(join(fixtures, 'cases')).filter((n) => existsSync(join(fixtures, 'cases', n, 'case.json')));
for (const name of wanted.length ? wanted : all) generate(name);
