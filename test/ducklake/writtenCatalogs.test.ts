/**
 * Lakelab's DuckLake writes against what DuckDB's ducklake extension read from them. Each case
 * of ducklakeWriteCases.ts is written again here, in memory, on the extension's empty DuckDB
 * catalog and on its SQLite copy; the writes are deterministic, so they must produce the very
 * data files and catalog rows committed under written/<case>/ (which the conformance suite reads
 * with Lakelab's reader against the extension's answers), and Lakelab's reader must see at every
 * snapshot the rows the extension recorded (cases/<case>/reference/), and the files table_info()
 * counted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAll } from '../../src/core/objectStore.ts';
import { parseTimestampText } from '../../src/core/ducklake/catalogValues.ts';
import { MemoryStore } from '../../src/storage/memoryStore.ts';
import { openNodeSqlEngine } from '../../src/query/duckdbNode.ts';
import { OpenDucklake } from '../../src/query/ducklake/ducklakeCatalog.ts';
import { loadTableFiles } from '../../src/core/ducklake/tableFiles.ts';
import { canonicalExpected, canonicalRows, catalogBytes, ducklakeFixtures, readJson } from '../support/ducklakeCases.ts';
import { emptyCatalog, runWriteCase, writeCases, writtenFixtures } from '../support/ducklakeWriteCases.ts';

function committedFiles(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(root, path), readFileSync(path));
    }
  };
  walk(root);
  return out;
}

/** Every catalog row a commit writes, per table, in one comparable form. */
async function catalogRows(lake: OpenDucklake): Promise<Record<string, unknown>> {
  const c = lake.catalog;
  const files = await Promise.all(c.tables.map((t) => loadTableFiles(lake.file, c, t.table_id)));
  return {
    snapshots: c.snapshots, changes: [...c.changes.values()], tables: c.tables, columns: c.columns, tableStats: c.tableStats,
    tableColumnStats: c.tableColumnStats, inlinedDataTables: c.inlinedDataTables, schemaVersions: c.schemaVersions,
    dataFiles: files.flatMap((f) => f.dataFiles), deleteFiles: files.flatMap((f) => f.deleteFiles), fileStats: files.flatMap((f) => [...f.columnStats.values()].flat()),
  };
}

/** float32 values as the float32 they are: the extension prints its shortest text ("0.2"), Lakelab's reader the double. */
function asFloat32(rows: Record<string, unknown>[], columns: readonly string[]): Record<string, unknown>[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, columns.includes(k) && v !== null && Number.isFinite(Number(v)) ? Math.fround(Number(v)) : v])));
}

interface Reference { snapshots: { snapshot_id: number; snapshot_time: string }[]; at: Record<string, { tables: { schema: string; name: string }[] }> }

for (const testCase of writeCases) {
  const caseDir = join(ducklakeFixtures, 'cases', testCase.name);
  const reference = readJson<Reference>(join(caseDir, 'reference', 'catalog.json'));
  describe(`${testCase.name}: Lakelab's writes, read back by the ducklake extension`, () => {
    let committed: Record<string, unknown> | undefined;
    for (const format of ['duckdb', 'sqlite'] as const) {
      it(`${format} catalog: the same files and catalog rows as committed, the extension's rows at every snapshot`, { timeout: 120_000 }, async () => {
        const data = new MemoryStore();
        const { bytes, results } = await runWriteCase(testCase, emptyCatalog(format), `${testCase.name} (${format})`, data);
        expect(results.map((r) => r.snapshotId)).toEqual(reference.snapshots.slice(1).map((s) => s.snapshot_id));

        const expectedFiles = committedFiles(join(writtenFixtures, testCase.name, 'data'));
        const written = await listAll(data, '');
        expect(written.map((m) => m.key).sort()).toEqual([...expectedFiles.keys()].sort());
        for (const meta of written) expect(Buffer.from(await data.get(meta.key)).equals(expectedFiles.get(meta.key)!), meta.key).toBe(true);

        const lake = await OpenDucklake.open(testCase.name, bytes, openNodeSqlEngine);
        try {
          committed ??= await (async () => {
            const theirs = await OpenDucklake.open('committed', catalogBytes(join(writtenFixtures, testCase.name, 'catalog.ducklake.gz')), openNodeSqlEngine);
            try { return await catalogRows(theirs); } finally { await theirs.close(); }
          })();
          expect(await catalogRows(lake)).toEqual(committed);
          expect(lake.catalog.snapshots.map((s) => s.snapshot_time)).toEqual(reference.snapshots.map((s) => parseTimestampText(s.snapshot_time)));

          for (const { snapshot_id: n } of reference.snapshots) {
            for (const table of reference.at[n]?.tables ?? []) {
              const file = join(caseDir, 'reference', 'rows', encodeURIComponent(`${table.schema}.${table.name}`), `s${n}.json`);
              const { rows } = await lake.rows(`${table.schema}.${table.name}`, n, { store: data });
              const floats = lake.table(`${table.schema}.${table.name}`, n).columns.filter((c) => c.type.kind === 'primitive' && c.type.name === 'float32').map((c) => c.name);
              expect(canonicalRows(asFloat32(rows, floats)), `${table.schema}.${table.name} at snapshot ${n}`).toEqual(canonicalExpected(asFloat32(readJson(file), floats)));
            }
          }

          const info = readJson<{ table_name: string; file_count: string; file_size_bytes: string; delete_file_count: string; delete_file_size_bytes: string }[]>(join(caseDir, 'reference', 'table_info.json'));
          for (const table of info) {
            const found = lake.table(table.table_name);
            const files = await lake.filesAt(found, lake.latestSnapshot);
            const deletes = files.flatMap((f) => (f.deleteFile ? [f.deleteFile] : []));
            expect([files.length, files.reduce((n, f) => n + f.dataFile.file_size_bytes, 0), deletes.length, deletes.reduce((n, d) => n + d.file_size_bytes, 0)], table.table_name)
              .toEqual([Number(table.file_count), Number(table.file_size_bytes), Number(table.delete_file_count), Number(table.delete_file_size_bytes)]);
          }
        } finally {
          await lake.close();
        }
      });
    }
  });
}

it('has the committed catalog of every case', () => {
  for (const testCase of writeCases) expect(existsSync(join(writtenFixtures, testCase.name, 'catalog.ducklake.gz')), testCase.name).toBe(true);
});
