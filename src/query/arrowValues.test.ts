/**
 * The column-wise conversion on sliced and many-chunk vectors (apache-arrow moves a slice's
 * value buffers, not its validity bits): a DuckDB-written file of nested values, cut into
 * chunks at odd rows, converts to native DuckDB's own reading of it, row for row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Table } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../../test/support/fixtures.ts';
import { parseSchema } from '../core/delta/schema.ts';
import type { StructType } from '../core/delta/schemaTypes.ts';
import { readArrowTable } from './parquetRead.ts';
import { toJsonRows, toJsonValues } from './jsonValues.ts';

const dir = join(fixturesDir, 'duckdb-generated', 'nested_types_deep');
const expected = readFileSync(join(fixturesDir, 'duckdb-generated-expected', 'nested_types_deep', 'v0', 'rows.jsonl'), 'utf8').trim().split('\n');
const schema: StructType = parseSchema(
  (JSON.parse(readFileSync(join(dir, '_delta_log', '00000000000000000000.json'), 'utf8').split('\n')[2]!) as { metaData: { schemaString: string } }).metaData.schemaString,
);

describe('Arrow to JSON values, column-wise', () => {
  let table: Table;
  beforeAll(async () => {
    const whole = await readArrowTable(new Uint8Array(readFileSync(join(dir, 'part-00000-duckdb.zstd.parquet'))));
    // Three chunks, each a slice: their buffers start mid-way, their validity bits do not.
    table = new Table([...whole.slice(0, 37).batches, ...whole.slice(37, 90).batches, ...whole.slice(90).batches]);
  });

  it('converts every column of a sliced, three-chunk table to DuckDB\'s reading', () => {
    expect(table.getChild('lists')?.data.map((d) => d.length)).toEqual([37, 53, 60]);
    const columns = schema.fields.map((f) => toJsonValues(table.getChild(f.name)!, f.type, { path: f.name }));
    const rows = Array.from({ length: table.numRows }, (_, r) => JSON.stringify(Object.fromEntries(schema.fields.map((f, c) => [f.name, columns[c]?.[r] ?? null]))));
    expect(rows).toEqual(expected.slice(0, 150));
  });

  it('converts only the rows a scan selects, across chunks', () => {
    const selection = Uint32Array.from([0, 3, 36, 37, 38, 89, 90, 149]);
    const rows = toJsonRows({
      fileKey: 'part-00000-duckdb.zstd.parquet',
      columns: schema.fields.map((f) => ({ logicalName: f.name, type: f.type, nullable: true, physicalName: f.name, isPartition: false })),
      columnMappingMode: 'none',
      sources: schema.fields.map((f) => ({ kind: 'vector' as const, vector: table.getChild(f.name)! })),
      selection,
    });
    expect(rows.map((r) => JSON.stringify(r))).toEqual([...selection].map((i) => expected[i]));
  });

  it('names the column and file when a file holds another type than the schema says', () => {
    expect(() => toJsonValues(table.getChild('lists')!, { type: 'array', elementType: 'long', containsNull: true }, { path: 'lists', source: 'f.parquet' }))
      .toThrow(/f\.parquet: column "lists" holds Struct<.*> values, but the table's type is array<long>/);
    expect(() => toJsonValues(table.getChild('all')!, { type: 'struct', fields: [{ name: 'string', type: 'date', nullable: true, metadata: {} }] }, { path: 'all' }))
      .toThrow('column "all.string" holds Utf8 values, but the table\'s type is date');
  });
});
