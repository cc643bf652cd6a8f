/** Copies carved out of shared blocks are copies: equal bytes, apart from the original and from each other. */
import { describe, expect, it } from 'vitest';
import { BlockCopies, blockBytes, maxBlockCopyBytes } from './blockCopies.ts';
import { MemoryStore } from './memoryStore.ts';

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

describe('BlockCopies', () => {
  it('copies small arrays into a shared block, each on an 8-byte boundary, apart from the rest', () => {
    const copies = new BlockCopies();
    const originals = [bytes(1, 1), bytes(13, 2), bytes(700, 3), bytes(maxBlockCopyBytes, 4)];
    const made = originals.map((data) => copies.copy(data));
    made.forEach((copy, i) => {
      expect(copy).toEqual(originals[i]);
      expect(copy.byteOffset % 8).toBe(0);
    });
    expect(made[1]!.buffer).toBe(made[0]!.buffer);
    made[1]!.fill(0);
    expect(originals[1]).toEqual(bytes(13, 2));
    expect(made[0]).toEqual(bytes(1, 1));
    expect(made[2]).toEqual(bytes(700, 3));
  });

  it('starts a new block when one is full, and gives larger and empty arrays a buffer of their own', () => {
    const copies = new BlockCopies();
    const made = Array.from({ length: Math.ceil(blockBytes / 1000) + 2 }, (_, i) => copies.copy(bytes(1000, i)));
    made.forEach((copy, i) => expect(copy).toEqual(bytes(1000, i)));
    expect(new Set(made.map((copy) => copy.buffer)).size).toBe(2);
    const large = copies.copy(bytes(maxBlockCopyBytes + 1, 5));
    expect(large.byteOffset).toBe(0);
    expect(large.buffer.byteLength).toBe(maxBlockCopyBytes + 1);
    expect(copies.copy(new Uint8Array(0)).length).toBe(0);
  });
});

describe('MemoryStore.copySmallReadsFromBlocks', () => {
  it('still hands out copies: changing a read changes neither the store nor another read', async () => {
    const store = new MemoryStore();
    store.copySmallReadsFromBlocks();
    await store.put('a', bytes(100, 1));
    await store.put('b', bytes(100, 2));
    const first = await store.get('a');
    const second = await store.get('a');
    first.fill(9);
    expect(second).toEqual(bytes(100, 1));
    expect(await store.get('a')).toEqual(bytes(100, 1));
    expect(await store.get('b')).toEqual(bytes(100, 2));
    expect(await store.get('a', { range: { offset: 10, length: 5 } })).toEqual(bytes(100, 1).slice(10, 15));
  });
});
