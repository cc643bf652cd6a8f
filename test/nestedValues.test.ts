/**
 * Nested values at every depth, on tables no Lakelab code wrote (scripts/generateNestedFixture.ts:
 * Parquet from native DuckDB, one file rewritten by arrow-rs into many pages): `lakelab scan`
 * (the CLI's main) prints, line for line, native DuckDB's own reading of the same files in the
 * documented JSON forms, and so does the reader; with column mapping (name and id modes), the
 * files' names never show, at any depth.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { NodeFsStore } from '../src/storage/nodeFsStore.ts';
import { parquetCodec } from '../src/query/parquetRows.ts';
import { readTableRows } from './readTableRows.ts';
import { withDuckdb } from './support/duckdbJson.ts';
import { loadColumnChunkPages } from './support/parquetPages.ts';

const root = join(import.meta.dirname, 'fixtures', 'delta');
const tables = readdirSync(join(root, 'duckdb-generated'));

async function scan(...argv: string[]): Promise<string[]> {
  let stdout = '';
  let stderr = '';
  const code = await main(['scan', ...argv], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return stdout.split('\n').filter(Boolean);
}

const idOf = (line: string) => (JSON.parse(line) as { id: number }).id;
const byId = (lines: string[]) => [...lines].sort((a, b) => idOf(a) - idOf(b));
const expectedLines = (table: string) => readFileSync(join(root, 'duckdb-generated-expected', table, 'v0', 'rows.jsonl'), 'utf8').split('\n').filter(Boolean);

describe('nested values on DuckDB-written tables', () => {
  it('finds both tables', () => {
    expect(tables.sort()).toEqual(['nested_types_deep', 'nested_types_deep_column_mapping', 'nested_types_deep_column_mapping_id']);
  });

  for (const table of tables) {
    const dir = join(root, 'duckdb-generated', table);

    it(`${table}: lakelab scan prints DuckDB's reading, line for line`, async () => {
      const lines = byId(await scan(dir));
      const expected = expectedLines(table);
      expect(lines).toHaveLength(expected.length);
      for (let i = 0; i < expected.length; i++) expect(lines[i]).toBe(expected[i]);
    });

    it(`${table}: the reader's rows are DuckDB's, value for value`, async () => {
      const rows = await readTableRows(new NodeFsStore(dir), { codec: parquetCodec });
      const lines = byId(rows.map((r) => JSON.stringify(r)));
      expect(lines).toEqual(expectedLines(table));
    });

    it(`${table}: a filtered, limited scan prints the same rows`, async () => {
      const expected = expectedLines(table).filter((l) => idOf(l) % 3 === 0 || idOf(l) > 120);
      const where = await scan(dir, '--where', 'id > 120 OR id IN (0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 99, 102, 105, 108, 111, 114, 117, 120)');
      const ids = new Set(where.map(idOf));
      expect(byId(where)).toEqual(expected.filter((l) => ids.has(idOf(l))));
      expect(ids.size).toBeGreaterThan(60);
      expect(await scan(dir, '--limit', '7')).toHaveLength(7);
    });
  }

  it('the files hold several row groups, and the rewritten ones more than one data page per column chunk', async () => {
    await withDuckdb(async (db) => {
      for (const table of tables) {
        const dir = join(root, 'duckdb-generated', table);
        for (const file of readdirSync(dir).filter((f) => f.endsWith('.parquet'))) {
          const chunks = await loadColumnChunkPages(db, join(dir, file));
          expect(new Set(chunks.map((c) => c.rowGroup)).size, file).toBeGreaterThanOrEqual(2);
          const dataPages = chunks.map((c) => c.pageTypes.filter((t) => t === 0 || t === 3).length);
          if (file.includes('arrow-rs')) expect(Math.min(...dataPages), file).toBeGreaterThan(1);
        }
      }
    });
  });

  for (const [table, prefix] of [['nested_types_deep_column_mapping', 'col-'], ['nested_types_deep_column_mapping_id', 'f-']] as const) {
    it(`${table}: the files name every column and struct field "${prefix}..."${prefix === 'f-' ? ', found by field id alone' : ''}`, async () => {
      const dir = join(root, 'duckdb-generated', table);
      const fields = await withDuckdb(async (db) => {
        const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.parquet')) ?? '');
        const reader = await db.runAndReadAll(`SELECT name, field_id FROM parquet_schema('${file}') WHERE name NOT IN ('duckdb_schema', 'list', 'element', 'key_value', 'key', 'value')`);
        return reader.getRowObjectsJS().map((r) => ({ name: String(r.name), id: r.field_id }));
      });
      expect(fields.length).toBeGreaterThan(100);
      expect(fields.filter((f) => !f.name.startsWith(prefix))).toEqual([]);
      expect(fields.filter((f) => (prefix === 'f-') !== (f.id !== null))).toEqual([]);
    });
  }
});
