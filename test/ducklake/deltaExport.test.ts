/**
 * The DuckLake-to-Delta export over every conformance case: each table with expected rows
 * (what DuckDB's ducklake extension read at each snapshot) is exported in two runs, the second
 * incremental, one Delta commit per snapshot, and Lakelab's Delta reader must read, at the
 * version of each snapshot, exactly the extension's rows. At reader version 3 files stay in
 * place with deletion vectors; at reader version 1 files with deletes are rewritten. A table
 * Delta or Lakelab's writer cannot hold is refused, naming why: the refusals are listed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLakeError } from '../../src/core/errors.ts';
import type { OpenDucklake } from '../../src/query/ducklake/ducklakeCatalog.ts';
import { canonicalExpected, canonicalRows, ducklakeCases, openCase, readJson } from '../support/ducklakeCases.ts';
import { readDeltaRows, runExport, scratchExport, versionAt } from '../support/ducklakeExport.ts';
import { rowFiles } from './conformance.ts';

/** `<case> <table>` (or with `@<reader version>`): the refusal expected. */
const refusals: Record<string, RegExp> = {
  'types main.scalars': /Delta has no type for u8 \(uint8\), .* u \(uuid\)/,
  'old_v03_types main.geo_tbl': /Delta has no type for g \(geometry\)/,
  'seed staging.orders@1': /TIMESTAMP \(without time zone\) columns: Delta needs the timestampNtz feature/,
  'seed_next_run staging.orders@1': /TIMESTAMP \(without time zone\) columns: Delta needs the timestampNtz feature/,
  'written_types main.typed@1': /TIMESTAMP \(without time zone\) columns: Delta needs the timestampNtz feature/,
  // Its data files are not shipped (the extension could not read those snapshots either).
  'old_compacted_files main.t1': /data file main\/t1\/ducklake-[0-9a-f-]+\.parquet of main\.t1 .* is missing/,
};

const cases = ducklakeCases().filter((c) => rowFiles(c).length > 0);

describe.each([3, 1] as const)('DuckLake to Delta at reader version %i', (readerVersion) => {
  for (const testCase of cases) {
    describe(testCase.name, () => {
      let lake: OpenDucklake;
      beforeAll(async () => {
        ({ lake } = await openCase(testCase, 'duckdb'));
      });
      afterAll(async () => {
        await lake?.close();
      });
      const byTable = new Map<string, ReturnType<typeof rowFiles>>();
      for (const file of rowFiles(testCase)) byTable.set(file.table, [...(byTable.get(file.table) ?? []), file]);
      for (const [table, expectedFiles] of byTable) {
        const refusal = refusals[`${testCase.name} ${table}@${readerVersion}`] ?? refusals[`${testCase.name} ${table}`];
        it(refusal ? `refuses ${table}, saying why` : `exports ${table} in two runs; every snapshot reads back as the extension read it`, async () => {
          const readable = expectedFiles.filter((f) => Array.isArray(readJson(f.path))).sort((a, b) => a.snapshot - b.snapshot);
          const scratch = await scratchExport(testCase, lake, table);
          const middle = readable[Math.floor(readable.length / 2)]?.snapshot ?? lake.latestSnapshot;
          const run = async () => [await runExport(lake, table, scratch, { readerVersion, snapshot: middle, mode: 'full' }), await runExport(lake, table, scratch, { readerVersion })];
          if (refusal) {
            const error = await run().then(() => undefined, (e: unknown) => e);
            expect(isLakeError(error), String(error)).toBe(true);
            expect((error as Error).message).toMatch(refusal);
            return;
          }
          const outcomes = await run();
          const [first, second] = outcomes as [typeof outcomes[0], typeof outcomes[0]];
          expect(second.previousSnapshot).toBe(first.commits.at(-1)?.snapshotId);
          expect(second.commits.every((c) => c.snapshotId > middle), 'the second run appends only later snapshots').toBe(true);
          const live = lake.catalog.tables.some((t) => t.table_id === second.tableId && t.end_snapshot === null);
          expect(second.dropped === undefined, `${table} dropped: ${JSON.stringify(second.dropped)}`).toBe(live);
          expect((await runExport(lake, table, scratch)).status).toBe('up-to-date');
          for (const file of readable) {
            const version = versionAt(outcomes, file.snapshot);
            const expected = canonicalExpected(readJson<Record<string, unknown>[]>(file.path));
            if (version === undefined) {
              expect(expected, `${table} at snapshot ${file.snapshot}: no Delta version`).toEqual([]);
              continue;
            }
            expect(canonicalRows(await readDeltaRows(scratch, version)), `${table} at snapshot ${file.snapshot} (Delta version ${version})`).toEqual(expected);
          }
        });
      }
    });
  }
});
