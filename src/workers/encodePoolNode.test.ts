/**
 * The encoding threads give each file the bytes and stats the calling thread would (the same
 * parquet-wasm, the same stats code, on the columns after their trip as Arrow IPC), files sent
 * together come back to their own callers, and a failure is a LakeError that leaves the pool
 * working. That the files are right is checked against native DuckDB by mergeVsDuckdb.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StructType } from '../core/delta/schemaTypes.ts';
import { LakeError } from '../core/errors.ts';
import { toArrowTable } from '../query/jsonToArrow.ts';
import { inlineEncoder, type StatsSpec } from '../query/dataFileEncoder.ts';
import { openEncodePool, type EncodePool } from './encodePoolNode.ts';

const schema: StructType = { type: 'struct', fields: [
  { name: 'id', type: 'long', nullable: false, metadata: {} },
  { name: 'name', type: 'string', nullable: true, metadata: {} },
  { name: 'amount', type: 'decimal(10,2)', nullable: true, metadata: {} },
  { name: 'at', type: 'timestamp', nullable: true, metadata: {} },
  { name: 'point', type: { type: 'struct', fields: [{ name: 'x', type: 'double', nullable: true, metadata: {} }] }, nullable: true, metadata: {} },
] };
const spec: StatsSpec = { columns: schema.fields.map((f) => ({ name: f.name, type: f.type })) };
const tableOf = (rows: number, salt: number) => toArrowTable(Array.from({ length: rows }, (_, i) => ({
  id: i * salt,
  name: i % 5 === 0 ? null : `n${i + salt}`,
  amount: i % 7 === 0 ? null : `${i % 100}.${String(i % 97).padStart(2, '0')}`,
  at: `2026-01-0${(i % 9) + 1}T00:00:0${i % 10}Z`,
  point: i % 11 === 0 ? null : { x: i / 3 },
})), schema.fields);

let pool: EncodePool | undefined;
afterEach(async () => { await pool?.close(); });

describe('the encoding threads', () => {
  it('give each file the bytes and stats the calling thread gives, files sent together to their own callers', async () => {
    pool = openEncodePool({ threads: 2, minRows: 0 });
    const tables = [3, 1, 2, 5].map((salt) => tableOf(1_000 + salt * 100, salt));
    const onThreads = await Promise.all(tables.map((t) => (pool as EncodePool).encode(t, spec)));
    expect(pool.threadsStarted).toBe(2);
    for (const [i, table] of tables.entries()) {
      const here = await inlineEncoder.encode(table, spec);
      expect(onThreads[i]?.stats).toBe(here.stats);
      expect(onThreads[i]?.bytes).toEqual(here.bytes);
    }
    expect(JSON.parse(onThreads[1]?.stats ?? '{}')).toMatchObject({ numRecords: 1_100, minValues: { id: 0 }, maxValues: { id: 1_099 } });
  });

  it('encode a file under minRows in the calling thread', async () => {
    pool = openEncodePool({ threads: 1, minRows: 100 });
    await pool.encode(tableOf(99, 1), spec);
    expect(pool.threadsStarted).toBe(0);
    await pool.encode(tableOf(100, 1), spec);
    expect(pool.threadsStarted).toBe(1);
  });

  it('reject a file they cannot encode with a LakeError, and go on encoding', async () => {
    pool = openEncodePool({ threads: 1, minRows: 0 });
    const missing: StatsSpec = { columns: [...spec.columns, { name: 'nope', type: 'long' }] };
    await expect(pool.encode(tableOf(10, 1), missing)).rejects.toBeInstanceOf(LakeError);
    await expect(pool.encode(tableOf(10, 1), spec)).resolves.toMatchObject({ stats: expect.stringContaining('"numRecords":10') });
  });

  it('refuse files once closed', async () => {
    pool = openEncodePool({ threads: 1, minRows: 0 });
    await pool.encode(tableOf(10, 1), spec);
    await pool.close();
    await expect(pool.encode(tableOf(10, 1), spec)).rejects.toMatchObject({ code: 'Aborted' });
  });
});
