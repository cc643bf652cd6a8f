/**
 * The catalogs Lakelab writes as proof that DuckDB's ducklake extension reads them back: each
 * case is a list of operations run through commitDucklake from the extension's own empty
 * catalog (test/fixtures/ducklake/written/empty.ducklake.gz, or its SQLite copy), with a fixed
 * clock (one second per commit from 2026-01-01) and seeded randomness, so the same case always
 * writes the same snapshots, file names and Parquet bytes. scripts/ducklake/writtenCatalogs.ts
 * writes them under written/<case>/ and records the extension's answers; the tests write them
 * again in memory and compare.
 */
import { join } from 'node:path';
import type { ObjectStore } from '../../src/core/objectStore.ts';
import { seededRng } from '../../src/core/rng.ts';
import { openNodeSqlEngine } from '../../src/query/duckdbNode.ts';
import { commitDucklake } from '../../src/query/ducklake/write/commitDucklake.ts';
import type { DucklakeCommitResult, DucklakeOperation } from '../../src/query/ducklake/write/ducklakeOperation.ts';
import { catalogBytes, ducklakeFixtures } from './ducklakeCases.ts';

export const writtenFixtures = join(ducklakeFixtures, 'written');
export const emptyCatalogPath = { duckdb: join(writtenFixtures, 'empty.ducklake.gz'), sqlite: join(writtenFixtures, 'empty.sqlite') };

export interface WriteCase {
  name: string;
  operations: DucklakeOperation[];
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export const writeCases: WriteCase[] = [
  {
    name: 'written_basic',
    operations: [
      { kind: 'createTable', table: 'main.people', columns: [{ name: 'id', type: 'int64' }, { name: 'name', type: 'varchar' }, { name: 'score', type: 'float64' }] },
      { kind: 'insert', table: 'main.people', rows: [{ id: 1, name: 'Ada', score: 1.5 }, { id: 2, name: 'Grace', score: null }, { id: 3, score: 3 }] },
      { kind: 'insert', table: 'main.people', rows: range(40).map((i) => ({ id: 100 + i, name: `person ${i}`, score: i / 4 })) },
      { kind: 'delete', table: 'main.people', predicate: 'id = 2 OR id = 105 OR id = 106' },
      { kind: 'update', table: 'main.people', predicate: 'id = 3 OR id = 110', set: { score: '9' } },
      { kind: 'delete', table: 'main.people', predicate: 'id >= 130' },
      { kind: 'update', table: 'main.people', predicate: 'id < 125 AND id >= 100', set: { name: "'renamed'" } },
      { kind: 'insert', table: 'main.people', rows: [{ id: 4, name: "O'Brien", score: -0.25 }] },
    ],
  },
  {
    name: 'written_types',
    operations: [
      {
        kind: 'createTable',
        table: 'main.typed',
        columns: [
          { name: 'i8', type: 'int8' }, { name: 'i16', type: 'int16' }, { name: 'i32', type: 'int32' }, { name: 'i64', type: 'int64' },
          { name: 'f32', type: 'float32' }, { name: 'f64', type: 'float64' }, { name: 'dec', type: 'decimal(10,2)' }, { name: 's', type: 'varchar' },
          { name: 'bin', type: 'blob' }, { name: 'b', type: 'boolean' }, { name: 'd', type: 'date' }, { name: 'ts', type: 'timestamp' }, { name: 'tz', type: 'timestamptz' },
        ],
      },
      {
        kind: 'insert',
        table: 'main.typed',
        rows: range(12).map((i) => ({
          i8: i - 6, i16: i * 1000, i32: i * 100000, i64: i === 11 ? '9007199254740993' : i * 10_000_000_000, f32: i / 8, f64: i === 5 ? 'NaN' : i * 1.5,
          dec: `${i}.${i % 10}5`, s: i % 3 === 0 ? null : `text ${i} é`, bin: btoa(`b${i}`), b: i % 2 === 0, d: `2026-01-${String(i + 1).padStart(2, '0')}`,
          ts: `2026-01-01T0${i % 10}:00:00.${String(i * 7).padStart(6, '0')}`, tz: `2026-02-01T00:00:0${i % 10}Z`,
        })),
      },
      { kind: 'insert', table: 'main.typed', rows: [{ i8: 100, s: 'small', d: '1999-12-31', dec: '-1.25', b: true }] },
      { kind: 'delete', table: 'main.typed', predicate: "d >= '2026-01-10' OR dec = -1.25" },
      { kind: 'update', table: 'main.typed', predicate: 'i8 = 0', set: { dec: '12.5', s: "'updated'" } },
    ],
  },
  {
    name: 'written_two_tables',
    operations: [
      { kind: 'createTable', table: 'main.a', columns: [{ name: 'k', type: 'int32' }, { name: 'label', type: 'varchar' }] },
      { kind: 'createTable', table: 'main.b', columns: [{ name: 'x', type: 'float64' }, { name: 'flag', type: 'boolean' }] },
      { kind: 'insert', table: 'main.a', rows: range(5).map((k) => ({ k, label: `a${k}` })) },
      { kind: 'insert', table: 'main.b', rows: range(15).map((x) => ({ x: x * 0.5, flag: x % 2 === 0 })) },
      { kind: 'delete', table: 'main.a' },
      { kind: 'insert', table: 'main.a', rows: range(11).map((k) => ({ k: k + 50, label: null })) },
      { kind: 'update', table: 'main.b', predicate: 'flag = true', set: { flag: 'false' } },
      { kind: 'delete', table: 'main.a', predicate: 'k = 55' },
    ],
  },
];

export const startMs = Date.UTC(2026, 0, 1);

/** Runs a case's operations from `start` (catalog bytes), data files into `data`; the results of each commit and the final catalog. */
export async function runWriteCase(testCase: WriteCase, start: Uint8Array, name: string, data: ObjectStore): Promise<{ bytes: Uint8Array; results: DucklakeCommitResult[] }> {
  let bytes = start;
  const rng = seededRng(13);
  const results: DucklakeCommitResult[] = [];
  for (const [i, operation] of testCase.operations.entries()) {
    const out = await commitDucklake(name, bytes, operation, { data: { store: data }, openEngine: openNodeSqlEngine, now: () => startMs + (i + 1) * 1000, rng });
    bytes = out.bytes;
    results.push(out.result);
  }
  return { bytes, results };
}

export function emptyCatalog(format: 'duckdb' | 'sqlite'): Uint8Array {
  return catalogBytes(emptyCatalogPath[format]);
}
