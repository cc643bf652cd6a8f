/**
 * The exported Delta tables read without Lakelab's Delta reader: the log replayed and the
 * deletion vectors decoded by the reference logic in test/support/deltaLogReference.ts, the
 * Parquet files read by native DuckDB (columns by field id at reader version 3). At every
 * version the rows equal what DuckDB's ducklake extension read at the matching snapshot.
 * Tables with nested columns are left to the Lakelab reader's test (deltaExport.test.ts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDucklake } from '../../src/query/ducklake/ducklakeCatalog.ts';
import { canonicalExpected, ducklakeCases, openCase, readJson } from '../support/ducklakeCases.ts';
import { runExport, scratchExport, versionAt } from '../support/ducklakeExport.ts';
import { readWithDuckdb, replayLog, sqlTypeOf } from '../support/deltaLogReference.ts';
import { rowFiles } from './conformance.ts';

const exported = [
  ['basic', 'main.people'], ['seed', 'staging.orders'], ['inlined', 'main.small'], ['evolution', 'main.widened'],
  ['old_v04', 'main.test'], ['old_v01_partitioned', 'main.other_partitioned_tbl'], ['iceberg_deletes', 'main.test'], ['old_v03', 'main.test'],
] as const;

describe.each([3, 1] as const)('exported Delta tables read by native DuckDB, reader version %i', (readerVersion) => {
  for (const [name, table] of exported) {
    describe(`${name} ${table}`, () => {
      const testCase = ducklakeCases().find((c) => c.name === name)!;
      let lake: OpenDucklake;
      beforeAll(async () => {
        ({ lake } = await openCase(testCase, 'duckdb'));
      });
      afterAll(async () => {
        await lake?.close();
      });
      it('has the extension\'s rows at every snapshot', async () => {
        const scratch = await scratchExport(testCase, lake, table);
        let outcome;
        try {
          outcome = await runExport(lake, table, scratch, { readerVersion });
        } catch (error) {
          // Refused at reader 1 (TIMESTAMP needs reader 3): deltaExport.test.ts lists each refusal.
          expect(readerVersion === 1 && /timestampNtz/.test(String(error)), String(error)).toBe(true);
          return;
        }
        const dir = join(scratch.dataDir, scratch.root);
        const files = rowFiles(testCase).filter((f) => f.table === table && Array.isArray(readJson(f.path)));
        expect(files.length).toBeGreaterThan(0);
        let compared = 0;
        for (const file of files) {
          const version = versionAt([outcome], file.snapshot);
          if (version === undefined) continue;
          const { fields } = replayLog(dir, version);
          if (fields.some((f) => sqlTypeOf(f.type) === undefined)) continue;
          expect(canonicalExpected(await readWithDuckdb(dir, version)), `${table} at snapshot ${file.snapshot} (version ${version})`).toEqual(canonicalExpected(readJson(file.path)));
          compared++;
        }
        expect(compared).toBeGreaterThan(0);
      });
    });
  }
});
