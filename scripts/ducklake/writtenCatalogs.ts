/**
 * The proof that DuckDB's ducklake extension reads what Lakelab writes. For every case of
 * test/support/ducklakeWriteCases.ts: run its operations through Lakelab's commit executor from
 * the extension's own empty catalog, once on the DuckDB catalog (written/<case>/catalog.ducklake.gz,
 * data files in written/<case>/data) and once on its SQLite copy (sqlite/<case>.sqlite, which
 * must write byte-identical data files); register it as a conformance case (cases/<case>/case.json)
 * and record the extension's answers over the DuckDB catalog with referenceAnswers.ts (snapshots(),
 * tables and columns, rows at every snapshot, table_changes, ducklake_list_files), plus
 * table_info() at the last snapshot. `npm test` then compares without the tool.
 *
 * Usage: npx tsx scripts/ducklake/writtenCatalogs.ts [--fresh-empty] [--info-only] [case ...]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { NodeFsStore } from '../../src/storage/nodeFsStore.ts';
import { ducklakeFixtures } from '../../test/support/ducklakeCases.ts';
import { emptyCatalogPath, runWriteCase, writeCases, writtenFixtures } from '../../test/support/ducklakeWriteCases.ts';
import { toSqliteCatalog } from './toSqlite.ts';

const tool = process.env.DUCKDB_DUCKLAKE ?? '/work/shared/tools/duckdb-ducklake';
const args = process.argv.slice(2);
const wanted = args.filter((a) => !a.startsWith('--'));
mkdirSync(writtenFixtures, { recursive: true });

if (args.includes('--fresh-empty') || !existsSync(emptyCatalogPath.duckdb)) {
  // The extension's own new catalog: spec 1.0, snapshot 0 (created_schema:"main"), data path data/.
  const work = mkdtempSync(join(tmpdir(), 'lakelab-empty-'));
  execFileSync(tool, ['-c', "ATTACH 'ducklake:empty.ducklake' AS lake (DATA_PATH 'data/'); SELECT 1"], { cwd: work, stdio: 'ignore' });
  writeFileSync(emptyCatalogPath.duckdb, gzipSync(readFileSync(join(work, 'empty.ducklake')), { level: 9 }));
  rmSync(work, { recursive: true, force: true });
}
writeFileSync(emptyCatalogPath.sqlite, await toSqliteCatalog(emptyCatalogPath.duckdb));

function files(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(root, path), readFileSync(path));
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}

const done: string[] = [];
for (const testCase of writeCases.filter((c) => wanted.length === 0 || wanted.includes(c.name))) {
  if (args.includes('--info-only')) {
    done.push(testCase.name);
    continue;
  }
  const dir = join(writtenFixtures, testCase.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  const duck = await runWriteCase(testCase, new Uint8Array(gunzipSync(readFileSync(emptyCatalogPath.duckdb))), 'catalog.ducklake', new NodeFsStore(join(dir, 'data')));
  writeFileSync(join(dir, 'catalog.ducklake.gz'), gzipSync(duck.bytes, { level: 9 }));
  const sqliteData = mkdtempSync(join(tmpdir(), 'lakelab-written-'));
  const lite = await runWriteCase(testCase, new Uint8Array(readFileSync(emptyCatalogPath.sqlite)), `${testCase.name}.sqlite`, new NodeFsStore(sqliteData));
  const [a, b] = [files(join(dir, 'data')), files(sqliteData)];
  if (a.size !== b.size || [...a].some(([key, bytes]) => !b.get(key)?.equals(bytes))) throw new Error(`${testCase.name}: the SQLite catalog's run wrote other data files than the DuckDB catalog's`);
  rmSync(sqliteData, { recursive: true, force: true });
  writeFileSync(join(ducklakeFixtures, 'sqlite', `${testCase.name}.sqlite`), lite.bytes);
  const caseDir = join(ducklakeFixtures, 'cases', testCase.name);
  mkdirSync(caseDir, { recursive: true });
  writeFileSync(join(caseDir, 'case.json'), `${JSON.stringify({ catalog: `written/${testCase.name}/catalog.ducklake.gz`, rows: 'generate' })}\n`);
  console.log(`${testCase.name}: ${duck.results.length} commits, ${a.size} data and delete files`);
  done.push(testCase.name);
}

const answers = args.includes('--info-only') ? { status: 0 } : spawnSync('npx', ['tsx', resolve(import.meta.dirname, 'referenceAnswers.ts'), ...done], { stdio: 'inherit' });
if (answers.status !== 0) throw new Error('referenceAnswers.ts failed');

for (const name of done) {
  // table_info() at the last snapshot: files and bytes as the extension counts them.
  const work = mkdtempSync(join(tmpdir(), 'lakelab-info-'));
  writeFileSync(join(work, 'catalog.ducklake'), gunzipSync(readFileSync(join(writtenFixtures, name, 'catalog.ducklake.gz'))));
  // Run in the case's folder: the catalog's data path (data/) is relative to it.
  const sql = `ATTACH 'ducklake:${join(work, 'catalog.ducklake')}' AS lake (READ_ONLY); SELECT table_name, table_id, file_count, file_size_bytes, delete_file_count, delete_file_size_bytes FROM lake.table_info() ORDER BY table_id`;
  const info = execFileSync(tool, ['-json', '-c', sql], { encoding: 'utf8', cwd: join(writtenFixtures, name) });
  writeFileSync(join(ducklakeFixtures, 'cases', name, 'reference', 'table_info.json'), `${JSON.stringify(JSON.parse(info.trim() || '[]'), null, 1)}\n`);
  rmSync(work, { recursive: true, force: true });
}
