import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { fixturesDir } from '../../test/support/fixtures.ts';
import { canonicalRows } from '../../test/canonicalRows.ts';
import { parquetCodec } from './parquetRows.ts';
import { openNodeSqlEngine } from './duckdbNode.ts';
import type { SqlEngine } from './duckdbEngine.ts';
import { registerSnapshot } from './registerSnapshot.ts';
import { WriteHarness } from '../../test/support/writeHarness.ts';
import { runDelete } from './deleteUpdateExecutor.ts';
import { seedSchema, readBatches } from '../../test/seedScenario.ts';
import { toResultRows } from './sqlRows.ts';
import { loadSqlSource } from './sqlSource.ts';

const expected = (table: string, version: number) =>
  readFileSync(join(fixturesDir, 'delta-rs-expected', table, `v${version}`, 'rows.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
const rows = (t: { toArray(): { toJSON(): Record<string, unknown> }[] }) => t.toArray().map((r) => ({ ...r.toJSON() }));

describe('registerSnapshot', () => {
  let engine: SqlEngine;
  beforeAll(async () => { engine = await openNodeSqlEngine(); }, 30_000);
  afterAll(async () => { await engine.close(); });

  it('registers a delta-rs fixture under its folder name with the expected rows', async () => {
    const store = new NodeFsStore(join(fixturesDir, 'delta-rs'));
    const snapshot = await loadSnapshot(store, 'delta-0.8.0-partitioned/', { codec: parquetCodec });
    const name = await registerSnapshot(engine, store, snapshot);
    expect(name).toBe('delta_0_8_0_partitioned');
    const got = rows(await engine.query(`SELECT * FROM ${name}`));
    expect(canonicalRows(got)).toEqual(canonicalRows(expected('delta-0.8.0-partitioned', snapshot.version)));
    const byYear = rows(await engine.query(`SELECT year, count(*)::INTEGER AS n FROM ${name} GROUP BY year ORDER BY year`));
    expect(byYear).toEqual([{ year: '2020', n: 3 }, { year: '2021', n: 4 }]);
  });

  it('registers the table as of a version: before and after a delete', async () => {
    const h = new WriteHarness();
    await h.create(seedSchema, readBatches([1, 2]));
    await h.committed(await runDelete(await h.snapshot(), "filename = 'batch_001.csv'", h.context));
    await registerSnapshot(engine, h.store, await h.snapshot(0), { name: 'b_v0' });
    await registerSnapshot(engine, h.store, await h.snapshot(1), { name: 'b_v1', columns: ['filename'] });
    expect(rows(await engine.query('SELECT count(*)::INTEGER AS n, count(DISTINCT filename)::INTEGER AS f FROM b_v0'))).toEqual([{ n: 40, f: 2 }]);
    expect(rows(await engine.query('SELECT DISTINCT * FROM b_v1'))).toEqual([{ filename: 'batch_002.csv' }]);
  });

  it('registers an empty snapshot as an empty table with the schema', async () => {
    const h = new WriteHarness();
    await h.create(seedSchema, readBatches([1]));
    await h.committed(await runDelete(await h.snapshot(), undefined, h.context));
    await registerSnapshot(engine, h.store, await h.snapshot(), { name: 'empty_b' });
    const t = await engine.query('SELECT * FROM empty_b');
    expect(t.numRows).toBe(0);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['id', 'value', 'filename']);
  });

  for (const table of ['nested_types_deep', 'nested_types_deep_column_mapping', 'nested_types_deep_column_mapping_id']) {
    it(`${table}: SQL over a DuckDB-written table of nested values returns DuckDB's own reading`, async () => {
      const store = new NodeFsStore(join(fixturesDir, 'duckdb-generated', table));
      await registerSnapshot(engine, store, await loadSnapshot(store, '', { codec: parquetCodec }), { name: 'nested' });
      const got = toResultRows(await engine.query('SELECT * FROM nested ORDER BY id')).rows.map((r) => JSON.stringify(r));
      const lines = readFileSync(join(fixturesDir, 'duckdb-generated-expected', table, 'v0', 'rows.jsonl'), 'utf8').trim().split('\n');
      expect(got).toEqual(lines);
    });
  }

  it('a SQL source keeps decimals, dates, timestamps and nested values exact (the JSON forms writes take)', async () => {
    const source = await loadSqlSource(engine, "SELECT 12.30::DECIMAL(5,2) AS d, DATE '0001-01-01' AS day, TIMESTAMPTZ '2024-01-02 03:04:05.123456+00' AS at, "
      + "[1.5::DECIMAL(4,1), NULL] AS l, MAP {'k': [DATE '2024-02-29']} AS m, 9007199254740993::BIGINT AS big");
    expect(source.rows).toEqual([{ d: '12.30', day: '0001-01-01', at: '2024-01-02T03:04:05.123456Z', l: ['1.5', null], m: [{ key: 'k', value: ['2024-02-29'] }], big: '9007199254740993' }]);
    expect(source.schema.fields.map((f) => f.type)).toEqual(['decimal(5,2)', 'date', 'timestamp', { type: 'array', elementType: 'decimal(4,1)', containsNull: true }, expect.objectContaining({ type: 'map' }), 'long']);
  });
});
