/**
 * What each built-in sample must show, from the fixtures' expected results (produced by other
 * engines, never by Lakelab): delta-rs-expected rows, DAT's expected Parquet read by native
 * DuckDB, and for the two cases without an expected file, native DuckDB over the files the log
 * names (with_schema_change at version 0) or over the CSV batch (seed_merge, as the seed
 * scenario's own DuckDB step reads it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { samples } from '../scripts/samples.ts';
import { readCsvRowsWithFilename, readParquetRows } from '../test/support/nativeRows.ts';

const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'test', 'fixtures', 'delta');
const samplesDir = join(root, 'public', 'samples');

export interface SampleCase {
  name: string;
  versions: number[];
  /** The reader feature the page must name in its refusal, for a table it cannot read. */
  refusedFeature?: string;
  expected(version: number): Promise<Record<string, unknown>[]>;
}

const refused: Record<string, string> = { unsupported_feature: 'blahabl' };

/** Commit versions in the sample's listing index (what the page can list). */
function commitVersions(name: string): number[] {
  const index = JSON.parse(readFileSync(join(samplesDir, name, 'lakelab-index.json'), 'utf8')) as { objects: { key: string }[] };
  return index.objects.map((o) => /^_delta_log\/(\d{20})\.json$/.exec(o.key)?.[1]).filter((v) => v !== undefined).map(Number).sort((a, b) => a - b);
}

function jsonLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Files a first commit adds (no removes, no partitions, no deletion vectors there: checked). */
function addedByFirstCommit(tableDir: string): string[] {
  const actions = jsonLines(join(tableDir, '_delta_log', '00000000000000000000.json')) as { add?: { path: string; partitionValues: object; deletionVector?: unknown } }[];
  return actions.flatMap((a) => {
    if (!a.add) return [];
    if (Object.keys(a.add.partitionValues).length > 0 || a.add.deletionVector) throw new Error(`${tableDir}: version 0 needs more than a plain read of its files`);
    return [join(tableDir, decodeURIComponent(a.add.path))];
  });
}

function expectedOf(sample: (typeof samples)[number]): (version: number) => Promise<Record<string, unknown>[]> {
  if (sample.generate === 'seed') return async () => readCsvRowsWithFilename([join(samplesDir, 'seed_batches', 'batch_001.csv')]);
  const source = sample.source ?? '';
  if (source.startsWith('delta-rs/')) {
    const table = source.slice('delta-rs/'.length);
    return async (v) => jsonLines(join(fixtures, 'delta-rs-expected', table, `v${v}`, 'rows.jsonl'));
  }
  const datCase = source.split('/')[1] ?? '';
  return async (v) => {
    const expected = join(fixtures, 'dat', datCase, 'expected', `v${v}`, 'table_content.parquet');
    if (existsSync(expected)) return readParquetRows([expected]);
    if (v === 0) return readParquetRows(addedByFirstCommit(join(fixtures, source)));
    throw new Error(`no expected rows for ${sample.name} at version ${v}`);
  };
}

export const sampleCases: SampleCase[] = samples.filter((sample) => !sample.ducklake).map((sample) => {
  const versions = commitVersions(sample.name);
  const first = versions[0] ?? 0;
  const last = versions[versions.length - 1] ?? 0;
  return {
    name: sample.name,
    versions: first === last ? [first] : [first, last],
    refusedFeature: refused[sample.name],
    expected: expectedOf(sample),
  };
});
