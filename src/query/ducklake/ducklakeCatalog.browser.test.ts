/**
 * DuckLake catalogs in Chromium: a DuckDB catalog through duckdb-wasm's browser bundle and its
 * SQLite copy through sql.js's browser build, their inlined rows (every column type) read as
 * the ducklake extension reads them (test/fixtures/ducklake/cases/types/reference).
 */
import { describe, expect, it } from 'vitest';
import duckdbCatalogUrl from '../../../test/fixtures/ducklake/lakelab-generated/types/catalog.ducklake?url';
import sqliteCatalogUrl from '../../../test/fixtures/ducklake/sqlite/types.sqlite?url';
import scalars from '../../../test/fixtures/ducklake/cases/types/reference/rows/main.scalars/s3.json';
import nested from '../../../test/fixtures/ducklake/cases/types/reference/rows/main.nested/s4.json';
import { canonicalRows } from '../../../test/canonicalRows.ts';
import { canonicalExpected } from '../../../test/support/ducklakeForms.ts';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { openBrowserSqlEngine } from '../duckdbBrowser.ts';
import { OpenDucklake } from './ducklakeCatalog.ts';

async function bytesOf(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

describe('DuckLake catalogs in the browser', () => {
  for (const [format, url] of [['DuckDB', duckdbCatalogUrl], ['SQLite', sqliteCatalogUrl]] as const) {
    it(`reads a ${format} catalog and its inlined rows`, async () => {
      const lake = await OpenDucklake.open(`types (${format})`, await bytesOf(url), openBrowserSqlEngine);
      try {
        expect(lake.catalog.version).toBe('1.0');
        const data = { store: new MemoryStore({ description: 'no data files' }) };
        expect(canonicalRows((await lake.rows('main.scalars', 3, data)).rows)).toEqual(canonicalExpected(scalars as Record<string, unknown>[]));
        expect(canonicalRows((await lake.rows('main.nested', 4, data)).rows)).toEqual(canonicalExpected(nested as Record<string, unknown>[]));
      } finally {
        await lake.close();
      }
    });
  }
});
