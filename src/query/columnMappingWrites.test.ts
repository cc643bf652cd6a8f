/**
 * Writes to a column-mapped table (name mode, written by Databricks): the new files use the
 * physical names for their columns, stats and partition values, and the table reads back with
 * the fixture's rows plus the new ones.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { WriteHarness } from '../../test/support/writeHarness.ts';
import { loadCommit } from '../core/delta/loadCommits.ts';
import { runAppend, runCreateTable } from './writeExecutor.ts';
import { MemoryStore } from '../storage/memoryStore.ts';
import { runDelete } from './deleteUpdateExecutor.ts';

const fixture = 'test/fixtures/delta/delta-rs/table_with_column_mapping';
const expectedV0 = readFileSync('test/fixtures/delta/delta-rs-expected/table_with_column_mapping/v0/rows.jsonl', 'utf8')
  .split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
const company = 'col-173b4db9-b5ad-427f-9e75-516aae37fbbb';
const superName = 'col-3877fd94-0973-4941-ac6b-646849a1ff65';
const byName = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a['Super Name']).localeCompare(String(b['Super Name'])));

let dir = '';
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe('writes to a column-mapped table', () => {
  it('append writes physical names; delete rewrites; every version reads back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lakelab-cm-'));
    cpSync(fixture, dir, { recursive: true });
    const h = new WriteHarness(new NodeFsStore(dir));
    expect(byName(await h.rows(0))).toEqual(byName(expectedV0));

    const added = [{ 'Company Very Short': 'LAB', 'Super Name': 'Ada' }, { 'Company Very Short': 'BMS', 'Super Name': 'Grace' }];
    expect(await h.committed(await runAppend(await h.snapshot(), added, h.context))).toBe(1);
    expect(byName(await h.rows(1))).toEqual(byName([...expectedV0, ...added]));

    const adds = (await loadCommit(h.store, '', 1)).actions.flatMap((a) => ('add' in a ? [a.add] : []));
    expect(adds).toHaveLength(2);
    for (const add of adds) {
      expect(Object.keys(add.partitionValues)).toEqual([company]);
      const stats = JSON.parse(add.stats!);
      expect(Object.keys(stats.minValues)).toEqual([superName]);
      expect(Object.keys(stats.nullCount)).toEqual([superName]);
    }
    expect(adds.map((a) => a.partitionValues[company]).sort()).toEqual(['BMS', 'LAB']);

    expect(await h.committed(await runDelete(await h.snapshot(), "\"Super Name\" = 'Stephanie Mcgrath'", h.context))).toBe(2);
    expect(byName(await h.rows(2))).toEqual(byName([...expectedV0, ...added].filter((r) => r['Super Name'] !== 'Stephanie Mcgrath')));
    expect(byName(await h.rows(0))).toEqual(byName(expectedV0));
  });
});

describe('column-mapped data files', () => {
  it('name their Parquet columns physically, with field ids', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lakelab-cm-'));
    cpSync(fixture, dir, { recursive: true });
    const h = new WriteHarness(new NodeFsStore(dir));
    await h.committed(await runAppend(await h.snapshot(), [{ 'Company Very Short': 'LAB', 'Super Name': 'Ada' }], h.context));
    const add = (await loadCommit(h.store, '', 1)).actions.flatMap((a) => ('add' in a ? [a.add] : []))[0]!;
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const connection = await (await DuckDBInstance.create()).connect();
    const file = join(dir, decodeURIComponent(add.path)).replaceAll("'", "''");
    const schema = await connection.runAndReadAll(`SELECT name, field_id FROM parquet_schema('${file}') WHERE name <> 'arrow_schema' AND num_children IS NULL`);
    expect(schema.getRowObjectsJson().map((r) => ({ name: r.name, fieldId: Number(r.field_id) }))).toEqual([{ name: superName, fieldId: 2 }]);
    connection.closeSync();
  });
});

describe('a column-mapped table with a struct column', () => {
  it('writes physical names at every level and reads back logically', async () => {
    const mapped = (name: string, id: number) => ({ 'delta.columnMapping.id': id, 'delta.columnMapping.physicalName': `col-${id}-${name}` });
    const schema = { type: 'struct' as const, fields: [
      { name: 'id', type: 'long' as const, nullable: false, metadata: mapped('id', 1) },
      { name: 's', type: { type: 'struct' as const, fields: [
        { name: 'a', type: 'long' as const, nullable: true, metadata: mapped('a', 3) },
      ] }, nullable: true, metadata: mapped('s', 2) },
    ] };
    const h = new WriteHarness(new MemoryStore());
    await h.committed(await runCreateTable({ tableRoot: '', schema, configuration: { 'delta.columnMapping.mode': 'name', 'delta.columnMapping.maxColumnId': '3' } }, h.context));
    expect((await h.snapshot()).protocol).toEqual({ minReaderVersion: 2, minWriterVersion: 5 });
    const rows = [{ id: 1, s: { a: 7 } }, { id: 2, s: null }];
    await h.committed(await runAppend(await h.snapshot(), rows, h.context));
    expect((await h.rows()).sort((x, y) => Number(x.id) - Number(y.id))).toEqual(rows);
    const added = (await loadCommit(h.store, '', 1)).actions.flatMap((a) => ('add' in a ? [a.add] : []))[0]!;
    expect(JSON.parse(added.stats!)).toEqual({
      numRecords: 2,
      minValues: { 'col-1-id': 1, 'col-2-s': { 'col-3-a': 7 } },
      maxValues: { 'col-1-id': 2, 'col-2-s': { 'col-3-a': 7 } },
      nullCount: { 'col-1-id': 0, 'col-2-s': { 'col-3-a': 1 } },
    });
  });
});
