/**
 * The golden conformance test: every fixture table, at every version with expected results,
 * read through Lakelab (snapshot, scan plan, scan, JSON rendering) and compared with rows
 * produced independently: DAT's expected Parquet (read by native DuckDB), and the
 * `*-expected/<table>/v<N>/rows.jsonl` files (a DuckDB log replay, or native DuckDB's reading of
 * the tables scripts/generateNestedFixture.ts wrote), and duckdb-expected/ (native DuckDB's
 * reading of versions the shared fixtures have no expected rows for; see MANIFEST.md).
 * A new fixture folder is a new case, with no code change.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFsStore } from '../src/storage/nodeFsStore.ts';
import { parquetCodec } from '../src/query/parquetRows.ts';
import { readTableRows } from './readTableRows.ts';
import { canonicalRows } from './canonicalRows.ts';
import { readParquetJsonRows } from './support/duckdbJson.ts';
import { loadLogicalNames, toLogicalNames } from './support/physicalNames.ts';

const fixtures = join(import.meta.dirname, 'fixtures', 'delta');

interface Case {
  name: string;
  tableDir: string;
  version: number | 'latest';
  expected: () => Promise<Record<string, unknown>[]>;
}

/** Tables the shared fixtures give no expected rows for (their data files are not shipped, or are only a log): tested by log replay elsewhere. */
const withoutExpectedRows = ['delta-rs/checkpoints_vacuumed', 'delta-rs/table-with-domain-metadata'];

/** Tables whose reader features Lakelab refuses, with the feature the error must name. */
const refused: Record<string, string> = {
  'delta-rs/simple_table_features': 'blahabl',
  'delta-rs/spark-variant-checkpoint': 'variantType-preview',
};

/** DAT layouts: `<case>/delta/` and `expected/<v>/table_content.parquet` or `table_content/*.parquet`. */
function datCases(source: string): Case[] {
  const root = join(fixtures, source);
  return readdirSync(root).filter((c) => existsSync(join(root, c, 'delta'))).flatMap((c) =>
    readdirSync(join(root, c, 'expected')).map((v) => ({
      name: `${source}/${c}@${v}`,
      tableDir: join(root, c, 'delta'),
      version: v === 'latest' ? ('latest' as const) : Number(v.slice(1)),
      expected: () => readParquetJsonRows(expectedParquetFiles(join(root, c, 'expected', v))),
    })),
  );
}

function expectedParquetFiles(dir: string): string[] {
  const single = join(dir, 'table_content.parquet');
  if (existsSync(single)) return [single];
  const folder = join(dir, 'table_content');
  return readdirSync(folder).filter((f) => f.endsWith('.parquet') && !f.startsWith('.')).map((f) => join(folder, f));
}

/** `<source>-expected/<table>/v<N>/rows.jsonl` (or another folder of them) beside `<source>/<table>/` (or its `delta/` folder). */
function expectedRowsCases(source: string, expectedFolder = `${source}-expected`): Case[] {
  const root = join(fixtures, expectedFolder);
  return readdirSync(root).flatMap((table) => {
    const dir = join(fixtures, source, table);
    const tableDir = existsSync(join(dir, '_delta_log')) ? dir : join(dir, 'delta');
    return readdirSync(join(root, table)).map((v) => ({
      name: `${source}/${table}@${v}${expectedFolder === `${source}-expected` ? '' : ` (${expectedFolder})`}`,
      tableDir,
      version: Number(v.slice(1)),
      expected: async () => {
        const names = loadLogicalNames(tableDir);
        return readJsonLines(join(root, table, v, 'rows.jsonl')).map((row) => toLogicalNames(row, names) as Record<string, unknown>);
      },
    }));
  });
}

function readJsonLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('conformance with fixture tables', () => {
  const cases = [
    ...datCases('dat'), ...datCases('dat-v0.0.3'),
    ...expectedRowsCases('delta-rs'), ...expectedRowsCases('delta-kernel-rs'), ...expectedRowsCases('duckdb-generated'),
    ...expectedRowsCases('delta-kernel-rs', 'duckdb-expected/delta-kernel-rs'),
  ];
  it('finds the fixtures: every table folder is read at some version, or refused', () => {
    expect(cases.length).toBeGreaterThanOrEqual(205);
    const covered = new Set(cases.map((c) => c.tableDir));
    const folders = ['dat', 'dat-v0.0.3', 'delta-rs', 'delta-kernel-rs', 'duckdb-generated'].flatMap((source) =>
      readdirSync(join(fixtures, source), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${source}/${d.name}`));
    const uncovered = folders.filter((t) => ![join(fixtures, t), join(fixtures, t, 'delta')].some((dir) => covered.has(dir)));
    expect(uncovered.sort()).toEqual([...withoutExpectedRows, ...Object.keys(refused)].sort());
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
