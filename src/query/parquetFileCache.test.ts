/** Files written from the cache are the files parquet-wasm writes for the same rows; rows a key cannot tell apart are never cached. */
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../storage/memoryStore.ts';
import { seededRng } from '../core/rng.ts';
import type { StructType } from '../core/delta/schemaTypes.ts';
import { loadParquetWasm } from './parquetWasm.ts';
import { writeDataFiles } from './dataFiles.ts';
import { ParquetFileCache, cachedBytesInAll, parquetFileKey } from './parquetFileCache.ts';
import type { ColumnSpec } from './jsonToArrow.ts';

const columns: ColumnSpec[] = [{ name: 'id', type: 'long', nullable: true }, { name: 'x', type: 'double', nullable: true }, { name: 's', type: 'string', nullable: true }];
const schema: StructType = { type: 'struct', fields: columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable, metadata: {} })) };

beforeAll(async () => {
  await loadParquetWasm();
});

describe('parquetFileKey', () => {
  it('tells apart every value a file tells apart, and an absent value from none', () => {
    const key = (row: Record<string, unknown>) => parquetFileKey(columns, [row]);
    expect(key({ id: 1, x: 1.5, s: 'a' })).toBe(key({ s: 'a', x: 1.5, id: 1 }));
    expect(key({ id: 1 })).toBe(key({ id: 1, x: null, s: undefined }));
    expect(new Set([key({ id: 1 }), key({ id: '1' }), key({ s: 'true' }), key({ s: true }), key({ id: 2 })]).size).toBe(5);
    expect(parquetFileKey(columns, [{ id: 1 }, { id: 2 }])).not.toBe(parquetFileKey(columns, [{ id: 2 }, { id: 1 }]));
    expect(parquetFileKey([], [{}])).not.toBe(parquetFileKey([], [{}, {}]));
  });

  it('makes no key for values JSON does not tell apart or cannot write', () => {
    for (const value of [-0, Number.NaN, Number.POSITIVE_INFINITY, 1n, new Date(0), new Uint8Array(1), { a: 1 }, [1]]) {
      expect(parquetFileKey(columns, [{ x: value }])).toBeUndefined();
    }
  });
});

describe('ParquetFileCache', () => {
  it('hands out copies, and forgets the first kept once it holds more than its bytes in all', () => {
    const cache = new ParquetFileCache();
    cache.set('a', Uint8Array.of(1, 2));
    const copy = cache.get('a')!;
    copy[0] = 9;
    expect(cache.get('a')).toEqual(Uint8Array.of(1, 2));
    const big = new Uint8Array(16 * 1024);
    for (let i = 0; i <= cachedBytesInAll / big.length; i++) cache.set(`f${i}`, big);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('f1')).toEqual(big);
  });
});

describe('writeDataFiles with a Parquet cache', () => {
  it('writes the bytes parquet-wasm writes without it, the first time and from the cache', async () => {
    const rows = [{ id: 1, x: 0.5, s: 'été' }, { id: 2, s: null }];
    const write = async (cache?: ParquetFileCache) => {
      const store = new MemoryStore();
      const adds = await writeDataFiles(rows, { store, tableRoot: '', schema, partitionColumns: [], rng: seededRng(1), now: 0, parquetCache: cache });
      return { adds, bytes: await store.get(adds[0]!.path) };
    };
    const plain = await write();
    const cache = new ParquetFileCache();
    const first = await write(cache);
    expect(cache.size).toBe(1);
    const again = await write(cache);
    expect(first).toEqual(plain);
    expect(again).toEqual(plain);
  });

  it('takes a file it keeps from the cache', async () => {
    const rows = [{ id: 7 }];
    const cache = new ParquetFileCache();
    cache.set(parquetFileKey(columns, rows)!, Uint8Array.of(80, 65, 82, 49));
    const store = new MemoryStore();
    const [add] = await writeDataFiles(rows, { store, tableRoot: '', schema, partitionColumns: [], rng: seededRng(1), now: 0, parquetCache: cache });
    expect(await store.get(add!.path)).toEqual(Uint8Array.of(80, 65, 82, 49));
    expect(add!.size).toBe(4);
  });
});
