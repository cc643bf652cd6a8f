import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { fixturesDir } from '../../../test/support/fixtures.ts';
import { loadSnapshot } from './loadSnapshot.ts';
import { planScan } from './planScan.ts';
import { parsePredicate } from './parsePredicate.ts';
import { parseStats } from './stats.ts';
import { parseSchema } from './schema.ts';
import type { DeltaSnapshot } from './snapshot.ts';

const open = (table: string, version?: number) => loadSnapshot(new NodeFsStore(join(fixturesDir, table)), '', { codec: parquetCodec, version });

/** Rows of the expected output of a delta-rs fixture at a version. */
function expectedRows(table: string, version: number): Record<string, unknown>[] {
  const text = readFileSync(join(fixturesDir, 'delta-rs-expected', table, `v${version}`, 'rows.jsonl'), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('planScan', () => {
  it('maps logical names to physical names and field ids, and keys partition values and stats by physical name', async () => {
    const snapshot = await open('delta-rs/table_with_column_mapping');
    const plan = planScan(snapshot);
    expect(plan.columnMappingMode).toBe('name');
    expect(plan.columns.map((c) => [c.logicalName, c.physicalName, c.fieldId, c.isPartition])).toEqual([
      ['Company Very Short', 'col-173b4db9-b5ad-427f-9e75-516aae37fbbb', 1, true],
      ['Super Name', 'col-3877fd94-0973-4941-ac6b-646849a1ff65', 2, false],
    ]);
    const expected = expectedRows('table_with_column_mapping', 0);
    const companies = new Set(expected.map((r) => r['Company Very Short']));
    expect(new Set(plan.files.map((f) => f.partitionValues['Company Very Short']))).toEqual(companies);
    expect(plan.files.reduce((n, f) => n + (f.numRecords ?? 0), 0)).toBe(expected.length);
    for (const add of snapshot.files) expect(Object.keys(parseStats(add)?.minValues ?? {})).toEqual(['col-3877fd94-0973-4941-ac6b-646849a1ff65']);
  });

  it('skips files by partition value under column mapping, keeping exactly the matching ones', async () => {
    const snapshot = await open('delta-rs/table_with_column_mapping');
    const company = expectedRows('table_with_column_mapping', 0)[0]?.['Company Very Short'];
    const plan = planScan(snapshot, { predicate: parsePredicate(`\`Company Very Short\` = '${String(company)}'`) });
    expect(plan.files.length).toBeGreaterThan(0);
    expect(plan.files.every((f) => f.partitionValues['Company Very Short'] === company)).toBe(true);
    expect(plan.files.length + plan.skippedFiles).toBe(snapshot.files.length);
  });

  it('projects by logical name and explains an unknown column', async () => {
    const snapshot = await open('delta-rs/simple_table');
    expect(planScan(snapshot, { columns: ['id'] }).columns.map((c) => c.logicalName)).toEqual(['id']);
    expect(() => planScan(snapshot, { columns: ['nope'] })).toThrow(expect.objectContaining({ code: 'InvalidInput', message: expect.stringContaining('no column "nope"; the table has: id') }));
    expect(() => planScan(snapshot, { predicate: parsePredicate('nope = 1') })).toThrow(/no column "nope"/);
  });

  it('types partition values and skips by stats without losing a matching file', async () => {
    const snapshot = await open('delta-rs/delta-2.2.0-partitioned-types');
    const typed = planScan(snapshot).files.map((f) => [f.partitionValues.c1, f.partitionValues.c2]);
    const expected = expectedRows('delta-2.2.0-partitioned-types', snapshot.version).map((r) => [Number(r.c1), r.c2]);
    expect(typed.sort()).toEqual(expected.sort());
    const simple = await open('delta-rs/simple_table');
    const all = planScan(simple);
    const ids = expectedRows('simple_table', simple.version).map((r) => Number(r.id));
    const max = Math.max(...ids);
    const beyond = planScan(simple, { predicate: parsePredicate(`id > ${max}`) });
    expect(beyond.files.length).toBeLessThanOrEqual(all.files.length);
    const atMax = planScan(simple, { predicate: parsePredicate(`id = ${max}`) });
    expect(atMax.files.length).toBeGreaterThan(0);
  });

  it('skips by nested stats keyed by physical names', () => {
    const field = (name: string, id: number, type: unknown) => ({ name, type, nullable: true, metadata: { 'delta.columnMapping.id': id, 'delta.columnMapping.physicalName': `col-${id}` } });
    const schemaString = JSON.stringify({ type: 'struct', fields: [field('address', 1, { type: 'struct', fields: [field('city', 2, 'string')] })] });
    const add = (path: string, min: string, max: string) => ({
      path, partitionValues: {}, size: 1, modificationTime: 0, dataChange: true,
      stats: JSON.stringify({ numRecords: 2, minValues: { 'col-1': { 'col-2': min } }, maxValues: { 'col-1': { 'col-2': max } }, nullCount: { 'col-1': { 'col-2': 0 } } }),
    });
    const snapshot = {
      tableRoot: '', version: 0, protocol: { minReaderVersion: 2, minWriterVersion: 5 },
      metadata: { id: 't', format: { provider: 'parquet' }, schemaString, partitionColumns: [], configuration: { 'delta.columnMapping.mode': 'name' } },
      schema: parseSchema(schemaString), files: [add('a.parquet', 'Bern', 'Geneva'), add('b.parquet', 'Lausanne', 'Zurich')],
      appTransactions: new Map(), domainMetadata: new Map(), timestamp: 0, logSegment: { version: 0, commitFiles: [] },
    } satisfies DeltaSnapshot;
    const plan = planScan(snapshot, { predicate: parsePredicate("address.city = 'Basel'") });
    expect(plan.files).toHaveLength(0);
    expect(planScan(snapshot, { predicate: parsePredicate("address.city = 'Lugano'") }).files.map((f) => f.key)).toEqual(['b.parquet']);
  });
});
