import { describe, expect, it } from 'vitest';
import { toFileSizeHistogram } from './fileSizeHistogram.ts';

describe('file size histogram', () => {
  it('buckets sizes by powers of two, filling gaps', () => {
    const histogram = toFileSizeHistogram([1000, 1023, 1024, 5000]);
    expect(histogram.map((b) => [b.from, b.to, b.count])).toEqual([
      [512, 1024, 2],
      [1024, 2048, 1],
      [2048, 4096, 0],
      [4096, 8192, 1],
    ]);
    expect(histogram[0]?.bytes).toBe(2023);
  });

  it('puts empty files in their own bucket', () => {
    expect(toFileSizeHistogram([0, 1]).map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 1, 1],
      [1, 2, 1],
    ]);
  });

  it('is empty for no files', () => {
    expect(toFileSizeHistogram([])).toEqual([]);
  });
});
