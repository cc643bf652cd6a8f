/**
 * The ParquetCodec core reads checkpoints through, over real checkpoints: one written by
 * Spark (a fixture) and a 100,000-file one written by native DuckDB (bench/largeTable.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetCodec } from './parquetRows.ts';
import { fixturesDir } from '../../test/support/fixtures.ts';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { planScan } from '../core/delta/planScan.ts';
import { parsePredicate } from '../core/delta/parsePredicate.ts';
import { parseStats } from '../core/delta/stats.ts';
import { scanDelta } from './deltaScan.ts';
import { toJsonRows } from './jsonValues.ts';
import { expectedActiveFiles, generateLargeTable, pad20, type LargeTableSpec } from '../../bench/largeTable.ts';

const checkpointPath = join(fixturesDir, 'delta-rs', 'simple_table_with_checkpoint', '_delta_log', '00000000000000000010.checkpoint.parquet');

/** DuckDB's own reading of a checkpoint's add column, as JSON text per row. */
async function duckdbAdds(path: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const reader = await db.runAndReadAll(`SELECT to_json("add")::VARCHAR AS j FROM read_parquet('${path}') WHERE "add" IS NOT NULL`);
  const rows = reader.getRowObjects().map((r) => JSON.parse(String(r.j)) as Record<string, unknown>);
  db.closeSync();
  instance.closeSync();
  return rows;
}

describe('parquetCodec', () => {
  it('reads a Spark checkpoint into plain rows that agree with DuckDB', async () => {
    const rows = await parquetCodec.readRows(new Uint8Array(readFileSync(checkpointPath)), { columns: ['add', 'metaData', 'protocol', 'nope'] });
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['add', 'metaData', 'protocol']);
    const adds = rows.flatMap((r) => (r.add ? [r.add as Record<string, unknown>] : []));
    const expected = await duckdbAdds(checkpointPath);
    expect(adds.map((a) => [a.path, a.size, a.modificationTime, a.dataChange, a.partitionValues, a.stats ?? null]).sort()).toEqual(
      expected.map((a) => [a.path, a.size, a.modificationTime, a.dataChange, a.partitionValues ?? {}, a.stats ?? null]).sort(),
    );
    const protocol = rows.find((r) => r.protocol)?.protocol as Record<string, unknown>;
    expect(typeof protocol.minReaderVersion).toBe('number');
    const metaData = rows.find((r) => r.metaData)?.metaData as { configuration: unknown; partitionColumns: unknown };
    expect(Array.isArray(metaData.partitionColumns)).toBe(true);
    expect(typeof metaData.configuration).toBe('object');
  });

  it('reads stats_parsed dates, timestamps and decimals as JSON stats have them, so file skipping keeps the rows', async () => {
    // delta-1.2.1-only-struct-stats at version 10: every file's stats come from the checkpoint's stats_parsed.
    const store = new NodeFsStore(join(fixturesDir, 'delta-rs', 'delta-1.2.1-only-struct-stats'));
    const snapshot = await loadSnapshot(store, '', { codec: parquetCodec, version: 10 });
    const stats = parseStats(snapshot.files[0]!)!;
    expect(stats.minValues).toMatchObject({ date: '2022-10-24', decimal: '-5.67800', timestamp: expect.stringMatching(/^2022-10-24T\d\d:\d\d:\d\d\.\d{6}$/) });
    const count = async (where: string) => {
      const predicate = parsePredicate(where);
      let n = 0;
      for await (const batch of scanDelta(store, planScan(snapshot, { predicate }), { rowFilter: predicate })) n += toJsonRows(batch).length;
      return n;
    };
    // Dates were milliseconds compared as days: every file was skipped.
    expect(await count("date = '2022-10-24'")).toBe(10);
    expect(await count("date > '2022-10-24'")).toBe(0);
    expect(await count('decimal = -5.678')).toBe(10);
    expect(await count("timestamp >= '2022-10-24T00:00:00'")).toBe(10);
  });

  it('refuses bytes that are not Parquet with a Corrupt error', async () => {
    await expect(parquetCodec.readRows(new TextEncoder().encode('PAR1 nope'))).rejects.toMatchObject({ code: 'Corrupt' });
  });

  describe('a 100,000-file checkpoint and 50 commits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakelab-large-'));
    const spec: LargeTableSpec = { dir, files: 100_000, checkpointVersion: 10, commits: 50, addsPerCommit: 3 };
    beforeAll(async () => generateLargeTable(spec), 60_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    // Their speed is held by `npm run bench -- snapshot`, not by timings here.
    it('converts the checkpoint to rows', { timeout: 30_000 }, async () => {
      const bytes = new Uint8Array(readFileSync(join(dir, '_delta_log', `${pad20(10)}.checkpoint.parquet`)));
      const rows = await parquetCodec.readRows(bytes, { columns: ['add', 'metaData', 'protocol', 'txn'] });
      expect(rows.filter((r) => r.add).length).toBe(100_000);
      expect((rows[5]?.add as { partitionValues: unknown } | null)?.partitionValues ?? (rows[2]?.add as { partitionValues: unknown }).partitionValues).toMatchObject({ p: expect.any(String) });
    });

    it('loads the snapshot (list, checkpoint, commits, replay)', { timeout: 30_000 }, async () => {
      const phases = new Set<string>();
      const snapshot = await loadSnapshot(new NodeFsStore(dir), '', { codec: parquetCodec, onProgress: (p) => phases.add(p.phase) });
      expect(snapshot.version).toBe(60);
      expect(snapshot.files).toHaveLength(expectedActiveFiles(spec));
      expect([...phases]).toEqual(['listing', 'checkpoint', 'commits', 'replay']);
    });
  });
});
