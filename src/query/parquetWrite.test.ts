/**
 * The Parquet writer caps each column's dictionary page, so a column with many distinct values
 * falls back to plain pages part-way through its column chunk. Native DuckDB must read such a
 * file as the rows written, and a column with few distinct values must stay dictionary-encoded.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { toArrowTable } from './jsonToArrow.ts';
import { toParquetBytes } from './parquetWrite.ts';

describe('toParquetBytes', () => {
  it('writes many distinct values past the dictionary cap that native DuckDB reads back as written', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ id: i * 7919, name: `name-${i}`, city: `city-${i % 40}` }));
    const bytes = await toParquetBytes(toArrowTable(rows, [
      { name: 'id', type: 'long', nullable: false },
      { name: 'name', type: 'string', nullable: true },
      { name: 'city', type: 'string', nullable: true },
    ]));
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-parquet-'));
    try {
      const file = join(dir, 'part.parquet');
      writeFileSync(file, bytes);
      const instance = await DuckDBInstance.create(':memory:');
      const db = await instance.connect();
      const read = await db.runAndReadAll(`SELECT count(*)::INTEGER AS n, sum(id)::BIGINT AS ids, count(DISTINCT name)::INTEGER AS names,
        min(name) AS first, max(name) AS last, count(DISTINCT city)::INTEGER AS cities FROM read_parquet('${file}')`);
      const mismatches = await db.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file}') WHERE name <> 'name-' || (id // 7919)::VARCHAR OR city <> 'city-' || ((id // 7919) % 40)::VARCHAR`);
      const chunks = await db.runAndReadAll(`SELECT path_in_schema AS col, (data_page_offset - dictionary_page_offset)::INTEGER AS dictionary, total_compressed_size::INTEGER AS size FROM parquet_metadata('${file}')`);
      db.closeSync();
      instance.closeSync();
      expect(read.getRowObjectsJS()).toEqual([{ n: 100_000, ids: BigInt(7919 * (99_999 * 100_000) / 2), names: 100_000, first: 'name-0', last: 'name-99999', cities: 40 }]);
      expect(mismatches.getRowObjectsJS()).toEqual([{ n: 0 }]);
      const byColumn = Object.fromEntries(chunks.getRowObjectsJS().map((r) => [String(r.col), { dictionary: Number(r.dictionary), size: Number(r.size) }]));
      // Many distinct values: the dictionary page stops at the cap and plain pages follow.
      expect(byColumn.id?.dictionary).toBeLessThanOrEqual(64 * 1024);
      expect(byColumn.name?.dictionary).toBeLessThanOrEqual(64 * 1024);
      // Forty distinct values: a dictionary of a few hundred bytes and pages of small indexes.
      expect(byColumn.city?.dictionary).toBeLessThan(1024);
      expect(byColumn.city?.size).toBeLessThan(16 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
