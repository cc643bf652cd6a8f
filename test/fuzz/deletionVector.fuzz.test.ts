/**
 * The deletion-vector decoder, fuzzed: Z85 text, RoaringBitmapArray bytes (random, and real
 * ones with bytes changed), the DV file's framing (size, bitmap, CRC) and descriptors of any
 * shape. Round trips hold for bitmaps Lakelab encodes; everything else is a result or a LakeError.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeZ85, encodeZ85 } from '../../src/core/delta/z85.ts';
import { decodeRoaringBitmapArray, encodeRoaringBitmapArray } from '../../src/core/delta/roaringBitmap.ts';
import { decodeFramedBitmap, loadDeletionVector, planDeletionVectorRead } from '../../src/core/delta/deletionVector.ts';
import { MemoryStore } from '../../src/storage/memoryStore.ts';
import type { DeletionVectorDescriptor } from '../../src/core/delta/actions.ts';
import { fixturesDir } from '../support/fixtures.ts';
import { applyByteEdits, byteEdits, fuzz, fuzzRuns } from '../support/fuzz.ts';

const realFiles = [
  'delta-rs/table-with-dv-small/deletion_vector_61d16c75-6994-46b7-a15b-8b538852e50e.bin',
  'delta-rs/table_with_deletion_logs/deletion_vector_8e4ca8be-7615-43cf-bc06-5d131148683f.bin',
  'delta-rs/table_with_deletion_logs/deletion_vector_a2084964-69d4-4e1e-95f5-9bbd6571d5c3.bin',
].map((p) => new Uint8Array(readFileSync(join(fixturesDir, p))));
const z85Alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';

describe('fuzzing deletion vectors', () => {
  it('Z85: any text decodes or is Corrupt; bytes round-trip', async () => {
    await fuzz('decodeZ85(random text)', fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: fc.constantFrom(...z85Alphabet), maxLength: 40 })), (text) => decodeZ85(text), fuzzRuns(3_000));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }).map((b) => b.subarray(0, b.length - (b.length % 4))), (bytes) => {
      expect(decodeZ85(encodeZ85(bytes))).toEqual(bytes);
    }), { seed: 20_260_301, numRuns: fuzzRuns(500) });
  });

  it('RoaringBitmapArray: random bytes, real bitmaps with bytes changed; sets round-trip', async () => {
    const realBitmaps = realFiles.map((file) => {
      const size = new DataView(file.buffer, file.byteOffset).getUint32(1, false);
      return file.subarray(5, 5 + size);
    });
    await fuzz('decodeRoaringBitmapArray(random bytes)', fc.uint8Array({ maxLength: 200 }), (bytes) => decodeRoaringBitmapArray(bytes), fuzzRuns(3_000));
    await fuzz('decodeRoaringBitmapArray(mutated real bitmap)', fc.record({ pick: fc.nat(), edits: byteEdits }), ({ pick, edits }) => decodeRoaringBitmapArray(applyByteEdits(realBitmaps[pick % realBitmaps.length]!, edits)), fuzzRuns(3_000));
    // Lakelab writes row indexes below 2^32 (and says so above); it reads all 64 bits.
    const rows = fc.uniqueArray(fc.oneof(fc.integer({ min: 0, max: 70_000 }), fc.integer({ min: 0, max: 2 ** 32 - 1 })), { maxLength: 300 });
    fc.assert(fc.property(rows, (set) => {
      const sorted = [...set].sort((a, b) => a - b);
      expect(decodeRoaringBitmapArray(encodeRoaringBitmapArray(sorted))).toEqual(sorted);
    }), { seed: 20_260_301, numRuns: fuzzRuns(500) });
  });

  it('DV file framing: real files with bytes changed, read through a descriptor', async () => {
    // Half the descriptors are the real one (offset 1, the stored size and count), half anything.
    const input = fc.record({ pick: fc.nat(), edits: byteEdits, real: fc.boolean(), size: fc.integer({ min: -5, max: 400 }), offset: fc.integer({ min: -2, max: 50 }), cardinality: fc.integer({ min: -1, max: 50 }) });
    await fuzz('loadDeletionVector(mutated DV file)', input, async ({ pick, edits, real, ...random }) => {
      const store = new MemoryStore();
      const uuid = '00000000-0000-0000-0000-000000000000';
      const file = realFiles[pick % realFiles.length]!;
      const storedSize = new DataView(file.buffer, file.byteOffset).getUint32(1, false);
      const { size, offset, cardinality } = real ? { size: storedSize, offset: 1, cardinality: decodeFramedBitmap(file.subarray(1), storedSize, 'real').length } : random;
      await store.put(`deletion_vector_${uuid}.bin`, applyByteEdits(file, edits));
      const dv: DeletionVectorDescriptor = { storageType: 'u', pathOrInlineDv: '00000000000000000000', offset, sizeInBytes: size, cardinality };
      await loadDeletionVector(store, dv, '');
      decodeFramedBitmap(await store.get(`deletion_vector_${uuid}.bin`), size, 'x');
    }, fuzzRuns(2_000));
  });

  it('descriptors of any shape', async () => {
    const descriptor = fc.record({
      storageType: fc.oneof(fc.constantFrom('u', 'i', 'p'), fc.string({ maxLength: 2 })),
      pathOrInlineDv: fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: fc.constantFrom(...z85Alphabet), maxLength: 60 })),
      offset: fc.option(fc.integer({ min: -10, max: 1000 }), { nil: undefined }),
      sizeInBytes: fc.integer({ min: -10, max: 1000 }),
      cardinality: fc.integer({ min: -1, max: 1000 }),
    });
    await fuzz('loadDeletionVector(random descriptor)', descriptor, async (dv) => {
      planDeletionVectorRead(dv as DeletionVectorDescriptor, 'root/');
      await loadDeletionVector(new MemoryStore(), dv as DeletionVectorDescriptor, '');
    }, fuzzRuns(3_000));
  });
});
