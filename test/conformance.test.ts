/**
 * The golden conformance test: every fixture table, at every version with expected results,
 * read through Lakelab (snapshot, scan plan, scan, JSON rendering) and compared with rows
 * produced independently (DAT's expected Parquet; delta-rs-expected rows from DuckDB).
 * A new fixture folder is a new case, with no code change.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFsStore } from '../src/storage/nodeFsStore.ts';
import { parquetCodec } from '../src/query/parquetRows.ts';
import { readArrowTable } from '../src/query/parquetRead.ts';
import { toDeltaType } from '../src/query/arrowSchema.ts';
import { toJsonValue } from '../src/query/jsonValues.ts';
import { readTableRows } from './readTableRows.ts';
import { canonicalRows } from './canonicalRows.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'delta');

interface Case {
  name: string;
  tableDir: string;
  version: number | 'latest';
  expected: () => Promise<Record<string, unknown>[]>;
}

/** Tables whose reader features Lakelab refuses, with the feature the error must name. */
const refused: Record<string, string> = {
  'delta-rs/simple_table_features': 'blahabl',
  'delta-rs/spark-variant-checkpoint': 'variantType-preview',
};

function datCases(): Case[] {
  const root = join(fixtures, 'dat');
  return readdirSync(root).filter((c) => existsSync(join(root, c, 'delta'))).flatMap((c) =>
    readdirSync(join(root, c, 'expected')).map((v) => ({
      name: `dat/${c}@${v}`,
      tableDir: join(root, c, 'delta'),
      version: v === 'latest' ? ('latest' as const) : Number(v.slice(1)),
      expected: () => readExpectedParquet(join(root, c, 'expected', v, 'table_content.parquet')),
    })),
  );
}

function deltaRsCases(): Case[] {
  const root = join(fixtures, 'delta-rs-expected');
  return readdirSync(root).flatMap((table) =>
    readdirSync(join(root, table)).map((v) => ({
      name: `delta-rs/${table}@${v}`,
      tableDir: join(fixtures, 'delta-rs', table),
      version: Number(v.slice(1)),
      expected: async () =>
        readFileSync(join(root, table, v, 'rows.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>),
    })),
  );
}

async function readExpectedParquet(path: string): Promise<Record<string, unknown>[]> {
  const table = await readArrowTable(new Uint8Array(readFileSync(path)));
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, unknown> = {};
    for (const field of table.schema.fields) row[field.name] = toJsonValue(table.getChild(field.name)!, r, toDeltaType(field.type));
    rows.push(row);
  }
  return rows;
}

describe('conformance with fixture tables', () => {
  const cases = [...datCases(), ...deltaRsCases()];
  it('finds the fixtures', () => {
    expect(cases.length).toBeGreaterThan(50);
  });
  for (const testCase of cases) {
    it(`reads ${testCase.name} as expected`, async () => {
      const store = new NodeFsStore(testCase.tableDir);
      const version = testCase.version === 'latest' ? undefined : testCase.version;
      const rows = await readTableRows(store, { version, codec: parquetCodec });
      expect(canonicalRows(rows)).toEqual(canonicalRows(await testCase.expected()));
    });
  }
  for (const [table, feature] of Object.entries(refused)) {
    it(`refuses ${table}, naming the feature ${feature}`, async () => {
      const store = new NodeFsStore(join(fixtures, table));
      await expect(readTableRows(store, { codec: parquetCodec })).rejects.toMatchObject({ code: 'Unsupported', message: expect.stringContaining(`"${feature}"`) });
    });
  }
});
