/**
 * The DuckLake conformance cases: test/fixtures/ducklake/cases/<case>/case.json names a catalog
 * (DuckDB file, gzipped for the upstream ones) and, where its data lives elsewhere, the data
 * folder; reference/ beside it holds what DuckDB's ducklake extension answered
 * (scripts/ducklake/referenceAnswers.ts). sqlite/<case>.sqlite is the same catalog converted to
 * SQLite (scripts/ducklake/toSqlite.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { classifyPath } from '../../src/core/ducklake/dataPaths.ts';
import { NodeFsStore } from '../../src/storage/nodeFsStore.ts';
import { openNodeSqlEngine } from '../../src/query/duckdbNode.ts';
import { OpenDucklake } from '../../src/query/ducklake/ducklakeCatalog.ts';
import type { DataFiles } from '../../src/query/ducklake/ducklakeScan.ts';
import { canonicalRows } from '../canonicalRows.ts';

export const ducklakeFixtures = join(import.meta.dirname, '..', 'fixtures', 'ducklake');

export interface DucklakeCase {
  name: string;
  catalog: string;
  data?: string;
  rows: 'generate' | 'shipped';
  dir: string;
}

export function ducklakeCases(): DucklakeCase[] {
  const root = join(ducklakeFixtures, 'cases');
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'case.json')))
    .map((name) => ({ name, dir: join(root, name), ...(JSON.parse(readFileSync(join(root, name, 'case.json'), 'utf8')) as Omit<DucklakeCase, 'name' | 'dir'>) }));
}

export function catalogBytes(path: string): Uint8Array {
  const bytes = readFileSync(path);
  return new Uint8Array(path.endsWith('.gz') ? gunzipSync(bytes) : bytes);
}

export function sqlitePath(testCase: DucklakeCase): string {
  return join(ducklakeFixtures, 'sqlite', `${testCase.name}.sqlite`);
}

export async function openCase(testCase: DucklakeCase, format: 'duckdb' | 'sqlite'): Promise<{ lake: OpenDucklake; data: DataFiles }> {
  const path = format === 'duckdb' ? join(ducklakeFixtures, testCase.catalog) : sqlitePath(testCase);
  const lake = await OpenDucklake.open(path, catalogBytes(path), openNodeSqlEngine);
  // Relative data paths are relative to the catalog file's folder: the upstream fixture's, for its SQLite copy too.
  const folder = dirname(join(ducklakeFixtures, testCase.catalog));
  const dataPath = lake.catalog.dataPath ?? '';
  const root = testCase.data ? join(ducklakeFixtures, testCase.data) : classifyPath(dataPath) === 'relative' ? resolve(folder, dataPath) : dataPath;
  return { lake, data: { store: new NodeFsStore(root), resolveAbsolute: (path) => ({ store: new NodeFsStore('/'), key: path.replace(/^\/+/, '') }) } };
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export { canonicalRows };
export { canonicalExpected } from './ducklakeForms.ts';
