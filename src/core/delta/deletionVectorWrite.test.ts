/** Deletion vectors written by Lakelab: byte for byte what Databricks and Spark wrote, and read back by the reader. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { decodeFramedBitmap, loadDeletionVector } from './deletionVector.ts';
import { mergeDeletedRows, planDeletionVectorFile } from './deletionVectorWrite.ts';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'delta');
const realFiles = [
  'delta-rs/table-with-dv-small/deletion_vector_61d16c75-6994-46b7-a15b-8b538852e50e.bin',
  'delta-rs/table_with_deletion_logs/deletion_vector_8e4ca8be-7615-43cf-bc06-5d131148683f.bin',
  'delta-rs/table_with_deletion_logs/deletion_vector_a2084964-69d4-4e1e-95f5-9bbd6571d5c3.bin',
  'dat-v0.0.3/deletion_vectors/delta/deletion_vector_8aebe228-b96c-4831-b0b6-22882eb9a3d3.bin',
];

describe('writing deletion vectors', () => {
  it.each(realFiles)('writes the same bytes as the engine that wrote %s', (file) => {
    const real = new Uint8Array(readFileSync(join(fixtures, file)));
    const size = new DataView(real.buffer, real.byteOffset).getUint32(1, false);
    const rows = decodeFramedBitmap(real.subarray(1), size, file);
    const uuid = /deletion_vector_([0-9a-f-]{36})\.bin$/.exec(file)?.[1] ?? '';
    const written = planDeletionVectorFile([rows], uuid);
    expect(written.path).toBe(`deletion_vector_${uuid}.bin`);
    expect(written.bytes).toEqual(real);
  });

  it('the descriptor of table-with-dv-small is the one Databricks logged', () => {
    const written = planDeletionVectorFile([[0, 9]], '61d16c75-6994-46b7-a15b-8b538852e50e');
    expect(written.descriptors).toEqual([{ storageType: 'u', pathOrInlineDv: 'vBn[lx{q8@P<9BNH/isA', offset: 1, sizeInBytes: 36, cardinality: 2, maxRowIndex: 9 }]);
  });

  it('several vectors in one file, of every container kind, read back by the reader', async () => {
    const dense = Array.from({ length: 10_000 }, (_, i) => 70_000 + i * 3);
    const vectors = [[5], [], dense, [0, 1, 2, 65_535, 65_536, 2 ** 31, 2 ** 32 - 1]];
    const written = planDeletionVectorFile(vectors, '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', 'ab');
    expect(written.path).toBe('ab/deletion_vector_0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0.bin');
    const store = new MemoryStore();
    await store.put(`t/${written.path}`, written.bytes);
    for (const [i, descriptor] of written.descriptors.entries()) {
      expect(await loadDeletionVector(store, descriptor, 't/')).toEqual(vectors[i]);
    }
  });

  it('refuses rows that are not sorted, distinct, whole and >= 0, and ids that are not UUIDs', () => {
    expect(() => planDeletionVectorFile([[3, 2]], '61d16c75-6994-46b7-a15b-8b538852e50e')).toThrow(/sorted and distinct/);
    expect(() => planDeletionVectorFile([[-1]], '61d16c75-6994-46b7-a15b-8b538852e50e')).toThrow(/whole number/);
    expect(() => planDeletionVectorFile([[2 ** 32]], '61d16c75-6994-46b7-a15b-8b538852e50e')).toThrow(/2\^32/);
    expect(() => planDeletionVectorFile([[1]], 'not-a-uuid')).toThrow(/not a UUID/);
  });

  it('merges a file\'s deleted rows with more of them', () => {
    expect(mergeDeletedRows([1, 5, 9], [5, 2, 10])).toEqual([1, 2, 5, 9, 10]);
  });
});
