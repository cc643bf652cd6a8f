/**
 * What each built-in DuckLake sample must show, from what DuckDB's ducklake extension answered
 * for the same catalog (test/fixtures/ducklake: each table's rows at every snapshot, each
 * snapshot's table_changes), never from Lakelab: its tables, the first and last snapshot of each
 * with expected rows, and how many snapshots the catalog has.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { samples } from '../scripts/samples.ts';
import { ducklakeFixtures, readJson } from '../test/support/ducklakeCases.ts';

export interface CatalogSampleCase {
  name: string;
  snapshots: number;
  tables: { name: string; versions: number[] }[];
  expected(table: string, snapshot: number): Record<string, unknown>[];
  /** table_changes of that one snapshot, as the extension answered (without snapshot_id); undefined where the fixtures have none. */
  changes(table: string, snapshot: number): Record<string, unknown>[] | undefined;
}

export const catalogSampleCases: CatalogSampleCase[] = samples.flatMap((sample) => {
  const lake = sample.ducklake;
  if (!lake) return [];
  const rowsDir = join(ducklakeFixtures, lake.expected.rows);
  const caseDir = join(ducklakeFixtures, 'cases', lake.expected.case, 'reference');
  const rowsPath = (table: string, snapshot: number) => (lake.expected.layout === 'shipped' ? join(rowsDir, table, `s${snapshot}`, 'rows.json') : join(rowsDir, table, `s${snapshot}.json`));
  const tables = readdirSync(rowsDir).filter((t) => !t.endsWith('.json')).sort().map((name) => {
    const snapshots = readdirSync(join(rowsDir, name)).map((s) => Number(s.replace(/\D/g, ''))).sort((a, b) => a - b);
    const first = snapshots[0]!;
    const last = snapshots[snapshots.length - 1]!;
    return { name, versions: first === last ? [first] : [first, last] };
  });
  return [{
    name: sample.name,
    snapshots: readJson<{ snapshots: unknown[] }>(join(caseDir, 'catalog.json')).snapshots.length,
    tables,
    expected: (table, snapshot) => readJson<Record<string, unknown>[]>(rowsPath(table, snapshot)),
    changes: (table, snapshot) => {
      const path = join(caseDir, 'changes', table, `s${snapshot}.json`);
      return existsSync(path) ? readJson<Record<string, unknown>[]>(path).map(({ snapshot_id: _s, ...change }) => change) : undefined;
    },
  }];
});
