/**
 * Lakelab's columnar MERGE, UPDATE and DELETE against native DuckDB's MERGE INTO, UPDATE and
 * DELETE over the same input: the same table (the data files Lakelab wrote, loaded into DuckDB),
 * the same source (one Parquet file, read by both), the same statement; then the rows DuckDB
 * reads from the files Lakelab's new version names (deletion vectors applied by position) must
 * be the rows DuckDB's own table holds. No Lakelab code reads the rows compared.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { DuckDBInstance as Instance } from '@duckdb/node-api';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { WriteHarness } from '../../test/support/writeHarness.ts';
import { queryJsonRows } from '../../test/support/duckdbJson.ts';
import { canonicalRows } from '../../test/canonicalRows.ts';
import type { StructType } from '../core/delta/schemaTypes.ts';
import type { MergeClause } from '../core/delta/operations/merge.ts';
import { loadDeletionVector } from '../core/delta/deletionVector.ts';
import { runAppend, runCreateTable } from './writeExecutor.ts';
import { runMerge } from './mergeExecutor.ts';
import { runDelete, runUpdate } from './deleteUpdateExecutor.ts';
import { toArrowTable } from './jsonToArrow.ts';
import { toParquetBytes } from './parquetWrite.ts';
import { readArrowTable } from './parquetRead.ts';
import { openEncodePool, type EncodePool } from '../workers/encodePoolNode.ts';

const schema: StructType = { type: 'struct', fields: [
  { name: 'id', type: 'long', nullable: true, metadata: {} },
  { name: 'name', type: 'string', nullable: true, metadata: {} },
  { name: 'amount', type: 'decimal(12,3)', nullable: true, metadata: {} },
  { name: 'ts', type: 'timestamp', nullable: true, metadata: {} },
  { name: 'day', type: 'date', nullable: true, metadata: {} },
  { name: 'ok', type: 'boolean', nullable: true, metadata: {} },
  { name: 'ratio', type: 'double', nullable: true, metadata: {} },
] };
const columns = schema.fields.map((f) => f.name);

const rowOf = (id: number | null, salt: number) => ({
  id,
  name: salt % 7 === 0 ? null : `n${salt}`,
  amount: salt % 11 === 0 ? null : `${salt % 13}.${String(salt % 1000).padStart(3, '0')}`,
  ts: salt % 5 === 0 ? null : `2026-03-0${(salt % 9) + 1}T01:02:03.${String(salt).padStart(6, '0')}Z`,
  day: `2026-0${(salt % 9) + 1}-1${salt % 10}`,
  ok: salt % 3 === 0 ? null : salt % 2 === 0,
  ratio: salt % 17 === 0 ? null : salt / 4,
});
const target = Array.from({ length: 200 }, (_, i) => rowOf(i, i));
// Matches every third id, ids past the table's, and two null keys (which match nothing).
const source = [...Array.from({ length: 60 }, (_, i) => rowOf(i < 40 ? i * 3 : 500 + i, 1000 + i)), rowOf(null, 2001), rowOf(null, 2002)];

let instance: DuckDBInstance;
let db: DuckDBConnection;
let dir: string;
beforeAll(async () => {
  instance = await Instance.create(':memory:');
  db = await instance.connect();
  await db.run("SET TimeZone = 'UTC'");
  dir = mkdtempSync(join(tmpdir(), 'lakelab-merge-duckdb-'));
});
afterAll(() => {
  db.closeSync();
  instance.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;
let cases = 0;

/** A fresh table (two files), loaded into DuckDB as table t, and the source as Parquet, loaded as s. */
async function setUpTable(properties: Record<string, string> = {}) {
  const root = join(dir, `case-${++cases}`);
  const h = new WriteHarness(new NodeFsStore(root));
  await h.committed(await runCreateTable({ tableRoot: '', schema, configuration: properties, rows: target.slice(0, 120) }, h.context));
  await h.committed(await runAppend(await h.snapshot(), target.slice(120), h.context));
  const sourcePath = join(root, 'source.parquet');
  writeFileSync(sourcePath, await toParquetBytes(toArrowTable(source, schema.fields)));
  const files = (await h.snapshot()).files.map((f) => quote(join(root, decodeURIComponent(f.path))));
  await db.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_parquet([${files.join(', ')}])`);
  await db.run(`CREATE OR REPLACE TABLE s AS SELECT * FROM read_parquet(${quote(sourcePath)})`);
  return { h, root, sourcePath };
}

/** What DuckDB reads from the files the table's latest version names, each file's deletion vector applied by row position. */
async function rowsDuckdbReads(h: WriteHarness, root: string) {
  const snapshot = await h.snapshot();
  const parts: string[] = [];
  for (const f of snapshot.files) {
    const deleted = f.deletionVector ? await loadDeletionVector(h.store, f.deletionVector, '') : [];
    const file = quote(join(root, decodeURIComponent(f.path)));
    parts.push(`SELECT ${columns.join(', ')} FROM read_parquet(${file}, file_row_number = true)${deleted.length > 0 ? ` WHERE file_row_number NOT IN (${deleted.join(', ')})` : ''}`);
  }
  return canonicalRows(await queryJsonRows(db, parts.join(' UNION ALL ')));
}

/** With deletion vectors enabled, the change to `files` files is a deletion vector each, nothing rewritten; else no vector. */
function expectDeletionVectors(properties: Record<string, string>, metrics: Record<string, unknown> | undefined, files: number) {
  if (Object.keys(properties).length === 0) expect(metrics).not.toHaveProperty('num_deletion_vectors_added');
  else expect(metrics).toMatchObject({ num_deletion_vectors_added: files, num_removed_files: 0, num_copied_rows: 0 });
}

const duckdbRows = async () => canonicalRows(await queryJsonRows(db, `SELECT ${columns.join(', ')} FROM t`));

const onThreads = { threads: 2, minRows: 0 };
describe.each([
  ['copy-on-write', {}, undefined],
  ['with deletion vectors', { 'delta.enableDeletionVectors': 'true' }, undefined],
  // As the CLI runs them: every data file encoded on worker threads while the next is read.
  ['copy-on-write, files encoded on threads', {}, onThreads],
  ['with deletion vectors, files encoded on threads', { 'delta.enableDeletionVectors': 'true' }, onThreads],
] as const)('Lakelab (%s) and native DuckDB', (_, properties: Record<string, string>, threads) => {
  let pool: EncodePool | undefined;
  beforeAll(() => { pool = threads && openEncodePool(threads); });
  afterAll(() => pool?.close());
  const setUp = async (properties: Record<string, string>) => {
    const made = await setUpTable(properties);
    return { ...made, h: pool ? Object.assign(made.h, { context: { ...made.h.context, dataFileEncoder: pool } }) : made.h };
  };
  it('upsert: MERGE INTO ... WHEN MATCHED UPDATE, WHEN NOT MATCHED INSERT (the source as Arrow)', async () => {
    const { h, root, sourcePath } = await setUp(properties);
    const clauses: MergeClause[] = [{ kind: 'whenMatchedUpdateAll' }, { kind: 'whenNotMatchedInsertAll' }];
    const arrow = await readArrowTable(new Uint8Array(readFileSync(sourcePath)));
    const result = await runMerge(await h.snapshot(), { predicate: 't.id = s.id', sourceAlias: 's', targetAlias: 't', clauses }, arrow, h.context);
    await h.committed(result.transaction);
    const set = columns.map((c) => `${c} = s.${c}`).join(', ');
    await db.run(`MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET ${set} WHEN NOT MATCHED THEN INSERT (${columns.join(', ')}) VALUES (${columns.map((c) => `s.${c}`).join(', ')})`);
    expect(await rowsDuckdbReads(h, root)).toEqual(await duckdbRows());
    expect(result.metrics).toMatchObject({ num_target_rows_updated: 40, num_target_rows_inserted: 22 });
    // The first file (120 rows) has 40 updated, a third: over the deletion vector threshold, so it is rewritten either way.
    expect(result.metrics).toMatchObject({ num_target_files_removed: 1, num_target_rows_copied: 80 });
    if (Object.keys(properties).length > 0) expect(result.metrics).toMatchObject({ num_deletion_vectors_added: 0 });
  });

  it('conditions on every kind of clause, not matched by source included (the source as rows)', async () => {
    const { h, root } = await setUp(properties);
    const clauses: MergeClause[] = [
      { kind: 'whenMatchedUpdate', set: { name: 's.name', ok: 'true', amount: '7.5' }, condition: 's.ratio > 260' },
      { kind: 'whenMatchedDelete', condition: 't.ok = false' },
      { kind: 'whenNotMatchedInsert', values: { id: 's.id', name: "'new'", day: 's.day' }, condition: 's.ratio >= 260' },
      { kind: 'whenNotMatchedBySourceUpdate', set: { ratio: '0', name: 't.name' }, condition: 't.id < 20' },
      { kind: 'whenNotMatchedBySourceDelete', condition: 't.id > 190' },
    ];
    const result = await runMerge(await h.snapshot(), { predicate: 't.id = s.id', sourceAlias: 's', targetAlias: 't', clauses }, source, h.context);
    await h.committed(result.transaction);
    await db.run(`MERGE INTO t USING s ON t.id = s.id
      WHEN MATCHED AND s.ratio > 260 THEN UPDATE SET name = s.name, ok = true, amount = 7.5
      WHEN MATCHED AND t.ok = false THEN DELETE
      WHEN NOT MATCHED AND s.ratio >= 260 THEN INSERT (id, name, day) VALUES (s.id, 'new', s.day)
      WHEN NOT MATCHED BY SOURCE AND t.id < 20 THEN UPDATE SET ratio = 0, name = t.name
      WHEN NOT MATCHED BY SOURCE AND t.id > 190 THEN DELETE`);
    expect(await rowsDuckdbReads(h, root)).toEqual(await duckdbRows());
  });

  it('UPDATE ... SET ... WHERE', async () => {
    const { h, root } = await setUp(properties);
    const tx = await runUpdate(await h.snapshot(), 'id >= 50 AND id < 55 OR ratio IS NULL', { name: "'x'", amount: '1.5', ok: 'ok', ts: 'null' }, h.context);
    await h.committed(tx);
    expectDeletionVectors(properties, tx.operationMetrics, 2);
    await db.run("UPDATE t SET name = 'x', amount = 1.5, ok = ok, ts = NULL WHERE id >= 50 AND id < 55 OR ratio IS NULL");
    expect(await rowsDuckdbReads(h, root)).toEqual(await duckdbRows());
  });

  it('DELETE ... WHERE', async () => {
    const { h, root } = await setUp(properties);
    const tx = await runDelete(await h.snapshot(), "id = 3 OR name = 'n150' OR amount > 12.5", h.context);
    await h.committed(tx);
    expectDeletionVectors(properties, tx.operationMetrics, 2);
    await db.run("DELETE FROM t WHERE id = 3 OR name = 'n150' OR amount > 12.5");
    expect(await rowsDuckdbReads(h, root)).toEqual(await duckdbRows());
    // Again on the files that now have a deletion vector: the vectors are updated (old rows kept hidden).
    const again = await runDelete(await h.snapshot(), 'id = 4 OR id = 151', h.context);
    await h.committed(again);
    expect(again.operationMetrics).toMatchObject(Object.keys(properties).length > 0 ? { num_deleted_rows: 2, num_deletion_vectors_updated: 2, num_removed_files: 0 } : { num_deleted_rows: 2 });
    await db.run('DELETE FROM t WHERE id = 4 OR id = 151');
    expect(await rowsDuckdbReads(h, root)).toEqual(await duckdbRows());
    expect(canonicalRows(await h.rows())).toEqual(await duckdbRows());
  });
});
