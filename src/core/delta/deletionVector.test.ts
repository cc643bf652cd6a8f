import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeZ85, encodeZ85 } from './z85.ts';
import { decodeRoaringBitmapArray, encodeRoaringBitmapArray } from './roaringBitmap.ts';
import { crc32 } from './crc32.ts';
import { decodeFramedBitmap, planDeletionVectorRead } from './deletionVector.ts';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'delta', 'delta-rs');

describe('Z85', () => {
  it('decodes the ZeroMQ test vector', () => {
    expect([...decodeZ85('HelloWorld')]).toEqual([0x86, 0x4f, 0xd2, 0x6f, 0xb5, 0x59, 0xf7, 0x5b]);
    expect(encodeZ85(new Uint8Array([0x86, 0x4f, 0xd2, 0x6f, 0xb5, 0x59, 0xf7, 0x5b]))).toBe('HelloWorld');
  });
  it('refuses malformed text', () => {
    expect(() => decodeZ85('abc')).toThrow(/multiple of 5/);
    expect(() => decodeZ85('abcd~')).toThrow(/not a Z85 character/);
  });
  it('wraps a group past 2^32 - 1, as Delta\'s Base85Codec does', () => {
    // "##093" is 0x1086eb2d8: Spark keeps its low 32 bits (delta-kernel-rs's cdf-table-with-dv carries it).
    expect([...decodeZ85('##093')]).toEqual([0x08, 0x6e, 0xb2, 0xd8]);
  });
});

describe('deletion vectors', () => {
  it('finds a relative DV file from its Z85 UUID', () => {
    const location = planDeletionVectorRead({ storageType: 'u', pathOrInlineDv: 'vBn[lx{q8@P<9BNH/isA', offset: 1, sizeInBytes: 36, cardinality: 2 }, 't/');
    expect(location).toEqual({ kind: 'file', key: 't/deletion_vector_61d16c75-6994-46b7-a15b-8b538852e50e.bin', offset: 1, sizeInBytes: 36 });
    const prefixed = planDeletionVectorRead({ storageType: 'u', pathOrInlineDv: 'ab' + 'vBn[lx{q8@P<9BNH/isA', sizeInBytes: 36, cardinality: 2 }, '');
    expect(prefixed).toMatchObject({ key: 'ab/deletion_vector_61d16c75-6994-46b7-a15b-8b538852e50e.bin' });
  });

  it('reads the fixture DV file: rows 0 and 9 deleted, checksum verified', () => {
    const file = readFileSync(join(fixtures, 'table-with-dv-small', 'deletion_vector_61d16c75-6994-46b7-a15b-8b538852e50e.bin'));
    expect(decodeFramedBitmap(new Uint8Array(file).subarray(1), 36, 'dv')).toEqual([0, 9]);
    const corrupted = new Uint8Array(file);
    corrupted[10] = (corrupted[10] ?? 0) ^ 0xff;
    expect(() => decodeFramedBitmap(corrupted.subarray(1), 36, 'dv')).toThrow(/checksum/);
  });

  it('round-trips array and bitmap containers, and an inline vector', () => {
    const sparse = [0, 5, 70000, 70001];
    const dense = Array.from({ length: 5000 }, (_, i) => i * 2);
    for (const rows of [sparse, dense, []]) expect(decodeRoaringBitmapArray(encodeRoaringBitmapArray(rows))).toEqual(rows);
    const bitmap = encodeRoaringBitmapArray([1, 2, 3]);
    const padded = new Uint8Array(Math.ceil(bitmap.length / 4) * 4);
    padded.set(bitmap);
    const inline = planDeletionVectorRead({ storageType: 'i', pathOrInlineDv: encodeZ85(padded), sizeInBytes: bitmap.length, cardinality: 3 }, '');
    expect(inline.kind === 'inline' && decodeRoaringBitmapArray(inline.bytes)).toEqual([1, 2, 3]);
  });

  it('reads run containers', () => {
    // Portable format with runs: cookie 12347 | (size-1) << 16, run flags, key/cardinality, one run [10, 10+4].
    const bytes = new Uint8Array([
      0xd1, 0xd3, 0x39, 0x64, // magic 1681511377
      1, 0, 0, 0, 0, 0, 0, 0, // one bucket
      0, 0, 0, 0, // high key 0
      0x3b, 0x30, 0, 0, // cookie 12347, size 1
      1, // container 0 is a run container
      0, 0, 4, 0, // key 0, cardinality 5
      1, 0, 10, 0, 4, 0, // 1 run: start 10, length 4
    ]);
    expect(decodeRoaringBitmapArray(bytes)).toEqual([10, 11, 12, 13, 14]);
  });

  it('refuses a bitmap with the wrong magic', () => {
    expect(() => decodeRoaringBitmapArray(new Uint8Array(12))).toThrow(/magic/);
  });

  it('computes CRC-32 like zlib', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('a descriptor whose size or offset is not a byte count is Corrupt (a negative size escaped as a RangeError from DataView; found by fuzzing)', () => {
    expect(() => planDeletionVectorRead({ storageType: 'i', pathOrInlineDv: 'abcde', sizeInBytes: -5, cardinality: 0 }, '')).toThrow(expect.objectContaining({ code: 'Corrupt', message: expect.stringContaining('sizeInBytes -5 is not a byte count') }));
    expect(() => planDeletionVectorRead({ storageType: 'u', pathOrInlineDv: '00000000000000000000', offset: -1, sizeInBytes: 4, cardinality: 0 }, '')).toThrow(/offset -1 is not a byte offset/);
    expect(() => decodeFramedBitmap(new Uint8Array(3), -5, 'dv.bin')).toThrow(expect.objectContaining({ code: 'Corrupt' }));
  });
});
