/**
 * The DuckLake golden test, run over the DuckDB catalogs and their SQLite copies alike: every
 * case, every snapshot, compared with what DuckDB's ducklake extension answered: the version,
 * the snapshots and their changes, the tables, columns and views at each snapshot, the rows of
 * each table at each snapshot (or the same failure, naming the same missing file), and each
 * snapshot's table_changes. A new case is a new folder under test/fixtures/ducklake/cases.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLakeError } from '../../src/core/errors.ts';
import { parseTimestampText } from '../../src/core/ducklake/catalogValues.ts';
import { toSqlType } from '../../src/core/ducklake/columnTree.ts';
import { parseChangesMade, parseQualifiedName } from '../../src/core/ducklake/changesMade.ts';
import type { OpenDucklake } from '../../src/query/ducklake/ducklakeCatalog.ts';
import type { DataFiles } from '../../src/query/ducklake/ducklakeScan.ts';
import { loadTableChanges } from '../../src/query/ducklake/tableChanges.ts';
import { toTableFiles } from '../../src/core/ducklake/toTableModel.ts';
import { growthAt } from '../../src/core/ducklake/tableGrowth.ts';
import { canonicalExpected, canonicalRows, ducklakeCases, ducklakeFixtures, openCase, readJson, sqlitePath, type DucklakeCase } from '../support/ducklakeCases.ts';

interface ReferenceSnapshot { snapshot_id: number; snapshot_time: string; schema_version: number; changes: Record<string, string[]>; author: string | null; commit_message: string | null; commit_extra_info: string | null }
interface ReferenceCatalog {
  version: string;
  migrationError?: string;
  snapshots?: ReferenceSnapshot[];
  at?: Record<string, { tables: { schema: string; name: string; columns: { name: string; type: string }[] }[]; views: { schema: string; name: string }[] }>;
  ducklake_snapshot?: { snapshot_id: number; snapshot_time: string; schema_version: number }[];
  ducklake_snapshot_changes?: { snapshot_id: number; changes_made: string }[];
}

/** snapshots()'s names for the kinds changes_made writes. */
const changeKeys: Record<string, string> = {
  created_schema: 'schemas_created', created_table: 'tables_created', created_view: 'views_created', created_scalar_macro: 'scalar_macros_created',
  created_table_macro: 'table_macros_created', dropped_schema: 'schemas_dropped', dropped_table: 'tables_dropped', dropped_view: 'views_dropped',
  dropped_scalar_macro: 'scalar_macros_dropped', dropped_table_macro: 'table_macros_dropped', altered_table: 'tables_altered', altered_view: 'views_altered',
  inserted_into_table: 'tables_inserted_into', deleted_from_table: 'tables_deleted_from', compacted_table: 'tables_compacted', inlined_insert: 'inlined_insert',
  inlined_delete: 'inlined_delete', inline_flush: 'flushed_inlined', flushed_inlined: 'flushed_inlined', merge_adjacent: 'merge_adjacent', rewrite_delete: 'rewrite_delete',
};

/** A snapshots() target ("main.t", '"we,ird"."a""b, c"', "4") as its parts. */
function targetParts(text: string): string[] {
  return parseQualifiedName(text) ?? [text];
}

function myChanges(lake: OpenDucklake, snapshotId: number): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  for (const change of parseChangesMade(lake.catalog.changes.get(snapshotId)?.changes_made ?? null)) {
    // snapshots() leaves out compacted_table, which 0.3's compaction wrote.
    if (change.kind === 'unknown' || change.kind === 'compacted_table') continue;
    const key = changeKeys[change.kind] ?? change.kind;
    (out[key] ??= []).push(change.id !== undefined ? [String(change.id)] : [change.schema, change.name].filter((p): p is string => p !== undefined));
  }
  return out;
}

const unquote = (type: string) => type.replace(/"/g, '');

export function rowFiles(testCase: DucklakeCase): { table: string; snapshot: number; path: string }[] {
  const root = testCase.rows === 'shipped' ? join(ducklakeFixtures, testCase.catalog, '..', 'expected') : join(testCase.dir, 'reference', 'rows');
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((t) => !t.endsWith('.json')).flatMap((t) => readdirSync(join(root, t)).map((s) => ({
    table: decodeURIComponent(t),
    snapshot: Number(s.replace(/\D/g, '')),
    path: testCase.rows === 'shipped' ? join(root, t, s, 'rows.json') : join(root, t, s),
  })));
}

function listFiles(testCase: DucklakeCase): { table: string; snapshot: number; path: string }[] {
  const root = join(testCase.dir, 'reference', 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((t) => readdirSync(join(root, t)).map((s) => ({ table: decodeURIComponent(t), snapshot: Number(s.replace(/\D/g, '')), path: join(root, t, s) })))
    .filter((f) => Array.isArray(readJson(f.path)));
}

function changeFiles(testCase: DucklakeCase): { table: string; snapshot: number; path: string }[] {
  const root = join(testCase.dir, 'reference', 'changes');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((t) => readdirSync(join(root, t)).map((s) => ({ table: decodeURIComponent(t), snapshot: Number(s.replace(/\D/g, '')), path: join(root, t, s) })));
}

export function describeConformance(format: 'duckdb' | 'sqlite'): void {
  const cases = ducklakeCases().filter((c) => format === 'duckdb' || existsSync(sqlitePath(c)));
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(19);
  });
  for (const testCase of cases) {
    describe(testCase.name, () => {
      const reference = readJson<ReferenceCatalog>(join(testCase.dir, 'reference', 'catalog.json'));
      let lake: OpenDucklake;
      let data: DataFiles;
      beforeAll(async () => {
        ({ lake, data } = await openCase(testCase, format));
      });
      afterAll(async () => {
        await lake?.close();
      });

      it(`is spec ${reference.version}, with the extension's snapshots and changes`, () => {
        expect(lake.catalog.version).toBe(reference.version);
        const expected = reference.snapshots ?? reference.ducklake_snapshot ?? [];
        expect(lake.catalog.snapshots.map((s) => s.snapshot_id)).toEqual(expected.map((s) => s.snapshot_id));
        for (const snapshot of expected) {
          const mine = lake.catalog.snapshots.find((s) => s.snapshot_id === snapshot.snapshot_id)!;
          expect(mine.snapshot_time).toBe(parseTimestampText(snapshot.snapshot_time));
          expect(mine.schema_version).toBe(snapshot.schema_version);
        }
        for (const snapshot of reference.snapshots ?? []) {
          const row = lake.catalog.changes.get(snapshot.snapshot_id);
          expect([row?.author ?? null, row?.commit_message ?? null, row?.commit_extra_info ?? null]).toEqual([snapshot.author, snapshot.commit_message, snapshot.commit_extra_info]);
          const theirs = Object.fromEntries(Object.entries(snapshot.changes).map(([k, targets]) => [k, targets.map(targetParts)]));
          expect(myChanges(lake, snapshot.snapshot_id)).toEqual(theirs);
        }
        for (const raw of reference.ducklake_snapshot_changes ?? []) expect(lake.catalog.changes.get(raw.snapshot_id)?.changes_made).toBe(raw.changes_made);
      });

      it('has the extension\'s tables, columns and views at every snapshot', () => {
        for (const [snapshot, expected] of Object.entries(reference.at ?? {})) {
          const mine = lake.at(Number(snapshot));
          const tables = mine.tables.map((t) => ({ schema: t.schema, name: t.name, columns: t.columns.map((c) => ({ name: c.name, type: unquote(toSqlType(c.type)) })) }));
          const theirs = expected.tables.map((t) => ({ ...t, columns: t.columns.map((c) => ({ name: c.name, type: unquote(c.type) })) }));
          const byName = (a: { schema: string; name: string }, b: { schema: string; name: string }) => `${a.schema}.${a.name}`.localeCompare(`${b.schema}.${b.name}`);
          expect(tables.sort(byName), `tables at snapshot ${snapshot}`).toEqual(theirs.sort(byName));
          expect(mine.views.map((v) => ({ schema: v.schema, name: v.name })).sort(byName), `views at snapshot ${snapshot}`).toEqual([...expected.views].sort(byName));
        }
      });

      const files = rowFiles(testCase);
      if (files.length > 0) {
        it(`reads every table at every snapshot as the extension does (${files.length} reads)`, async () => {
          for (const file of files) {
            const expected = readJson<Record<string, unknown>[] | { error: string }>(file.path);
            const at = `${file.table} at snapshot ${file.snapshot}`;
            if (Array.isArray(expected)) {
              const { rows } = await lake.rows(file.table, file.snapshot, data);
              expect(canonicalRows(rows), at).toEqual(canonicalExpected(expected));
              continue;
            }
            // The extension could not read it either (its data files are not shipped): a missing file is named.
            const error = await lake.rows(file.table, file.snapshot, data).then(() => undefined, (e: unknown) => e);
            expect(isLakeError(error, 'NotFound'), `${at}: ${String(error)}`).toBe(true);
            expect((error as Error).message, at).toMatch(/data file \S*ducklake-[0-9a-f-]+\.parquet of .* is missing/);
          }
        });
      }

      const listed = listFiles(testCase);
      if (listed.length > 0) {
        it(`lists each snapshot's data and delete files as ducklake_list_files does (${listed.length})`, async () => {
          for (const file of listed) {
            const expected = readJson<{ data_file: string; data_file_size_bytes: string; delete_file: string | null; delete_file_size_bytes: string | null }[]>(file.path);
            const table = lake.table(file.table, file.snapshot);
            const mine = toTableFiles(lake.catalog, table, file.snapshot, await lake.filesAt(table, file.snapshot));
            // The extension prints the data path (as given when it was attached) before each key.
            const key = (path: string | null) => (path === null ? null : mine.map((f) => [f.path, f.deletes?.path]).flat().find((p) => p !== undefined && (path === p || path.endsWith(`/${p}`))) ?? path);
            expect(mine.map((f) => [f.path, f.size, f.deletes?.path ?? null, f.deletes?.size ?? null]).sort(), `${file.table} at snapshot ${file.snapshot}`)
              .toEqual(expected.map((f) => [key(f.data_file), Number(f.data_file_size_bytes), key(f.delete_file), f.delete_file_size_bytes === null ? null : Number(f.delete_file_size_bytes)]).sort());
          }
        });

        it('counts each table\'s rows at each snapshot as the extension reads them, where the catalog tells', async () => {
          const growth = await lake.tableGrowth();
          for (const file of rowFiles(testCase)) {
            const expected = readJson<unknown[] | { error: string }>(file.path);
            if (!Array.isArray(expected)) continue;
            const point = growthAt(growth.get(lake.table(file.table, file.snapshot).tableId), file.snapshot);
            if (point?.rows !== null) expect(point?.rows ?? 0, `${file.table} at snapshot ${file.snapshot}`).toBe(expected.length);
          }
        });
      }

      const changes = changeFiles(testCase).filter((f) => Array.isArray(readJson(f.path)));
      if (changes.length > 0) {
        it(`finds each snapshot's table_changes (${changes.length})`, async () => {
          for (const file of changes) {
            const expected = readJson<Record<string, unknown>[]>(file.path);
            const diff = await loadTableChanges(lake, file.table, file.snapshot - 1, file.snapshot, data);
            // Not snapshot_id: after merge_adjacent_files the extension gives a delete the row's insert snapshot (evolution, snapshot 14).
            const mine = diff.changes.map((c) => ({ rowid: c.rowid, change_type: c.change_type, ...c.row }));
            const theirs = expected.map(({ snapshot_id: _snapshot, ...change }) => change);
            expect(canonicalRows(mine), `${file.table} at snapshot ${file.snapshot}`).toEqual(canonicalExpected(theirs));
          }
        });
      }
    });
  }
}
