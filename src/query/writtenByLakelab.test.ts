/**
 * Tables Lakelab writes, read by another engine: native DuckDB reads the data files the log
 * names, and must see the same rows Lakelab's reader sees.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { WriteHarness } from '../../test/support/writeHarness.ts';
import type { StructType } from '../core/delta/schemaTypes.ts';
import { runAppend } from './writeExecutor.ts';
import { runDelete } from './deleteUpdateExecutor.ts';
import { canonicalRows } from '../../test/canonicalRows.ts';

const schema: StructType = { type: 'struct', fields: [
  { name: 'id', type: 'long', nullable: false, metadata: {} },
  { name: 'name', type: 'string', nullable: true, metadata: {} },
  { name: 'amount', type: 'decimal(12,3)', nullable: true, metadata: {} },
  { name: 'at', type: 'timestamp', nullable: true, metadata: {} },
  { name: 'day', type: 'date', nullable: true, metadata: {} },
  { name: 'ok', type: 'boolean', nullable: true, metadata: {} },
  { name: 'ratio', type: 'double', nullable: true, metadata: {} },
] };

describe('tables Lakelab writes', () => {
  it('read the same in native DuckDB as in Lakelab', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-written-'));
    try {
      const h = new WriteHarness(new NodeFsStore(dir));
      const rows = Array.from({ length: 50 }, (_, i) => ({
        id: i, name: i % 7 === 0 ? null : `n${i}`, amount: `${i}.125`, at: `2026-03-0${(i % 9) + 1}T01:02:03.456789Z`, day: '2026-03-01', ok: i % 2 === 0, ratio: i / 3,
      }));
      await h.create(schema, rows.slice(0, 30));
      await h.committed(await runAppend(await h.snapshot(), rows.slice(30), h.context));
      await h.committed(await runDelete(await h.snapshot(), 'id < 10', h.context));
      const snapshot = await h.snapshot();
      const instance = await DuckDBInstance.create(':memory:');
      const db = await instance.connect();
      const files = snapshot.files.map((f) => `'${join(dir, decodeURIComponent(f.path))}'`).join(',');
      await db.run("SET TimeZone = 'UTC'");
      const result = await db.runAndReadAll(`SELECT id, name, amount::VARCHAR AS amount, strftime("at"::TIMESTAMP, '%Y-%m-%dT%H:%M:%S.%fZ') AS "at", day::VARCHAR AS day, ok, ratio FROM read_parquet([${files}])`);
      const duckRows = result.getRowObjectsJS().map((r) => ({ ...r, id: Number(r.id) }));
      db.closeSync();
      instance.closeSync();
      expect(duckRows).toHaveLength(40);
      expect(canonicalRows(duckRows)).toEqual(canonicalRows(await h.rows()));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with struct columns read the same in native DuckDB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-written-'));
    try {
      const h = new WriteHarness(new NodeFsStore(dir));
      const nested: StructType = { type: 'struct', fields: [
        { name: 'id', type: 'long', nullable: false, metadata: {} },
        { name: 's', type: { type: 'struct', fields: [
          { name: 'a', type: 'long', nullable: true, metadata: {} },
          { name: 'd', type: 'decimal(8,2)', nullable: true, metadata: {} },
        ] }, nullable: true, metadata: {} },
      ] };
      await h.create(nested, [{ id: 1, s: { a: 10, d: '1.50' } }, { id: 2, s: null }, { id: 3, s: { a: null, d: '-2.25' } }]);
      const snapshot = await h.snapshot();
      const instance = await DuckDBInstance.create(':memory:');
      const db = await instance.connect();
      const files = snapshot.files.map((f) => `'${join(dir, decodeURIComponent(f.path))}'`).join(',');
      const result = await db.runAndReadAll(`SELECT id::INTEGER AS id, s.a::INTEGER AS a, s.d::VARCHAR AS d, s IS NULL AS gone FROM read_parquet([${files}]) ORDER BY id`);
      const duckRows = result.getRowObjectsJS();
      db.closeSync();
      instance.closeSync();
      expect(duckRows).toEqual([
        { id: 1, a: 10, d: '1.50', gone: false },
        { id: 2, a: null, d: null, gone: true },
        { id: 3, a: null, d: '-2.25', gone: false },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
