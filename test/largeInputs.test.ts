/**
 * Inputs bigger than a call's argument list: a data file whose row group holds a quarter of a
 * million rows, a V2 checkpoint sidecar of 200,000 adds, a text table of 200,000 rows. Spreading
 * such arrays into push or Math.max overflows the call stack ("Maximum call stack size
 * exceeded"); these read, rewrite and print them whole.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { WriteHarness } from './support/writeHarness.ts';
import { NodeFsStore } from '../src/storage/nodeFsStore.ts';
import { parquetCodec } from '../src/query/parquetRows.ts';
import { loadSnapshot } from '../src/core/delta/loadSnapshot.ts';
import { runAppend } from '../src/query/writeExecutor.ts';
import { runDelete, runUpdate } from '../src/query/deleteUpdateExecutor.ts';
import { runMerge } from '../src/query/mergeExecutor.ts';
import { runOptimize } from '../src/query/optimizeExecutor.ts';
import { writeRows } from '../src/cli/output.ts';
import type { StructType } from '../src/core/delta/schemaTypes.ts';
import { TableSession } from '../src/workers/tableSession.ts';

const rowCount = 250_000;
const schema: StructType = { type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }, { name: 'name', type: 'string', nullable: true, metadata: {} }] };
const rows = Array.from({ length: rowCount }, (_, i) => ({ id: i, name: `n${i}` }));

describe('a data file of 250,000 rows in one row group', () => {
  it('is rewritten by DELETE, UPDATE, MERGE and OPTIMIZE', { timeout: 120_000 }, async () => {
    const h = new WriteHarness();
    await h.create(schema, []);
    await h.committed(await runAppend(await h.snapshot(), rows, h.context));
    expect((await h.snapshot()).files).toHaveLength(1);

    await h.committed(await runDelete(await h.snapshot(), 'id = 5', h.context));
    await h.committed(await runUpdate(await h.snapshot(), 'id = 6', { name: "'six'" }, h.context));
    const merge = await runMerge(await h.snapshot(), { predicate: 't.id = s.id', sourceAlias: 's', targetAlias: 't', clauses: [{ kind: 'whenMatchedUpdateAll' }, { kind: 'whenNotMatchedInsertAll' }] },
      [{ id: 7, name: 'seven' }, { id: rowCount, name: 'new' }], h.context);
    expect(merge.metrics).toMatchObject({ num_target_rows_updated: 1, num_target_rows_inserted: 1, num_target_rows_copied: rowCount - 2 });
    await h.committed(merge.transaction);
    await h.committed(await runAppend(await h.snapshot(), [{ id: rowCount + 1, name: 'last' }], h.context));
    await h.committed(await runOptimize(await h.snapshot(), h.context));

    const after = await h.rows();
    expect(after).toHaveLength(rowCount + 1); // one deleted, one merged in, one appended
    const byId = new Map(after.map((r) => [Number(r.id), r.name]));
    expect(byId.has(5)).toBe(false);
    expect([byId.get(6), byId.get(7), byId.get(8), byId.get(rowCount), byId.get(rowCount + 1)]).toEqual(['six', 'seven', 'n8', 'new', 'last']);
    expect((await h.snapshot()).files).toHaveLength(1);

    // The page's worker session: a page of rows, the rows a version changed, the table for SQL.
    const session = new TableSession({ openStore: async () => h.store, codec: parquetCodec });
    await session.open({ kind: 'sample', url: 'unused' }, '');
    const page = await session.rows({ version: 1, limit: 100 });
    expect(page.rows).toHaveLength(100);
    expect(page.truncated).toBe(true);
    const diff = await session.diffRows({ from: 1, to: 2, limit: 10 });
    expect(diff.removed.map((r) => r.id)).toEqual([5]);
    expect(diff.added).toEqual([]);
    expect((await session.arrowIpc({ version: 1 })).byteLength).toBeGreaterThan(rowCount);
  });
});

describe('a V2 checkpoint whose sidecar holds 200,000 adds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lakelab-sidecar-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads every file', { timeout: 120_000 }, async () => {
    const log = join(dir, '_delta_log');
    mkdirSync(join(log, '_sidecars'), { recursive: true });
    const sidecar = '00000000000000000001.checkpoint.0000000a-0000-0000-0000-000000000001.parquet';
    const sidecarPath = join(log, '_sidecars', sidecar);
    // Written by native DuckDB, not by Lakelab.
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    await db.run(`COPY (SELECT {'path': 'part-' || lpad(i::VARCHAR, 8, '0') || '.parquet', 'partitionValues': MAP {}::MAP(VARCHAR, VARCHAR), 'size': 100 + i,
      'modificationTime': 1700000000000, 'dataChange': false, 'stats': NULL::VARCHAR, 'tags': NULL::MAP(VARCHAR, VARCHAR)} AS "add"
      FROM range(200000) t(i)) TO '${sidecarPath}' (FORMAT parquet)`);
    db.closeSync();
    instance.closeSync();
    const top = [
      { checkpointMetadata: { version: 1 } },
      { protocol: { minReaderVersion: 3, minWriterVersion: 7, readerFeatures: ['v2Checkpoint'], writerFeatures: ['v2Checkpoint'] } },
      { metaData: { id: 't', format: { provider: 'parquet', options: {} }, schemaString: JSON.stringify(schema), partitionColumns: [], configuration: { 'delta.checkpointPolicy': 'v2' }, createdTime: 0 } },
      { sidecar: { path: sidecar, sizeInBytes: statSync(sidecarPath).size, modificationTime: 1700000000000 } },
    ];
    writeFileSync(join(log, '00000000000000000001.checkpoint.0000000b-0000-0000-0000-000000000002.json'), top.map((a) => JSON.stringify(a)).join('\n') + '\n');
    const snapshot = await loadSnapshot(new NodeFsStore(dir), '', { codec: parquetCodec });
    expect(snapshot.version).toBe(1);
    expect(snapshot.logSegment.checkpoint?.kind).toBe('v2');
    expect(snapshot.files).toHaveLength(200_000);
    expect(snapshot.files[199_999]?.path).toBe('part-00199999.parquet');
  });
});

describe('the CLI text table', () => {
  it('prints 200,000 rows', () => {
    let text = '';
    writeRows({ write: (chunk: string) => (text += chunk) }, 'table', ['id', 'name'], rows.slice(0, 200_000));
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(200_002);
    expect(lines[0]).toBe('id      name');
    expect(lines[200_001]).toBe('199999  n199999');
  });
});
