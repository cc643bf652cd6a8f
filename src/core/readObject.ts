/**
 * Reading a whole object whose size is known (from the listing, or a sidecar action): small
 * ones in one request, large ones as ranged reads a few at a time, as the Azure SDK downloads
 * large blobs (parallel ranges beat one long response on object stores). The pieces must add up
 * to the size the caller expected, or the object changed under us: Corrupt, never a spliced file.
 */
import { LakeError } from './errors.ts';
import { throwIfAborted, type AbortSignal } from './abort.ts';
import type { ObjectStore } from './objectStore.ts';

export interface RangedReads {
  /** Objects at least this large are read in ranges; smaller ones in one get. */
  minSize: number;
  /** Bytes per ranged read. */
  rangeSize: number;
  /** Ranged reads in flight at once. */
  concurrency: number;
}

export const defaultRangedReads: RangedReads = { minSize: 8 * 1024 * 1024, rangeSize: 4 * 1024 * 1024, concurrency: 4 };

export async function readObject(store: ObjectStore, key: string, size: number, options: { signal?: AbortSignal; ranged?: RangedReads } = {}): Promise<Uint8Array> {
  const ranged = options.ranged ?? defaultRangedReads;
  if (size < ranged.minSize || ranged.rangeSize <= 0) return store.get(key, { signal: options.signal });
  const whole = new Uint8Array(size);
  const offsets = Array.from({ length: Math.ceil(size / ranged.rangeSize) }, (_, i) => i * ranged.rangeSize);
  let next = 0;
  const worker = async () => {
    while (next < offsets.length) {
      const offset = offsets[next++] as number;
      throwIfAborted(options.signal, `reading ${key}`);
      const length = Math.min(ranged.rangeSize, size - offset);
      const piece = await store.get(key, { range: { offset, length }, signal: options.signal });
      if (piece.length !== length) {
        throw new LakeError('Corrupt', `${key}: expected ${size} bytes, but bytes ${offset}-${offset + length - 1} came back as ${piece.length} (the object changed while being read?)`);
      }
      whole.set(piece, offset);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(ranged.concurrency, offsets.length)) }, worker));
  return whole;
}
