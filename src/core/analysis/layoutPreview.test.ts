/** delta-rs's compaction bin-packing (optimize.rs build_compaction_plan), case by case, and the layout around it. */
import { describe, expect, it } from 'vitest';
import { planCompactionBins, planLayout, toTargetFileSize } from './layoutPreview.ts';

const sized = (...sizes: number[]) => sizes.map((size, i) => ({ path: `f${i}`, size }));
const binSizes = (sizes: number[], target: number) => planCompactionBins(sized(...sizes), target).bins.map((b) => b.files.map((f) => f.size));

describe('compaction bins', () => {
  it.each([
    // largest first into the first bin with room; a file above the target is skipped
    [[6, 5, 4, 3, 11], 10, [[6, 4], [5, 3]], 1],
    // a bin of one file is dropped (rewriting it alone changes nothing)
    [[9, 8, 1], 10, [[9, 1]], 1],
    [[4, 4, 4], 10, [[4, 4]], 1],
    [[10, 10], 10, [], 2],
    // exactly the target fits
    [[5, 5, 5, 5], 10, [[5, 5], [5, 5]], 0],
    [[], 10, [], 0],
  ])('sizes %j, target %d: bins %j, %d skipped', (sizes, target, bins, skipped) => {
    expect(binSizes(sizes, target)).toEqual(bins);
    expect(planCompactionBins(sized(...sizes), target).skipped).toBe(skipped);
  });

  it('the target: the one given, else delta.targetFileSize, else 100 MiB', () => {
    expect(toTargetFileSize({}, 5)).toBe(5);
    expect(toTargetFileSize({ 'delta.targetFileSize': '1048576' })).toBe(1_048_576);
    expect(toTargetFileSize({})).toBe(104_857_600);
  });
});

describe('the layout', () => {
  const file = (p: string, size: number, rows: number | null = 10) => ({ path: `${p}/${size}`, size, partitionValues: { p }, rows });

  it('per partition: small files, bins, skew against the median, and the metrics delta-rs reports', () => {
    const layout = planLayout([file('a', 3), file('a', 4), file('a', 20), file('b', 2), file('c', 2), file('c', 90, 100)], ['p'], 10);
    expect(layout.partitions.map((p) => [p.values.p, p.files, p.smallFiles, p.skippedLarge, p.bins.length, p.skewed])).toEqual([
      ['a', 3, 2, 1, 1, { bytes: false, rows: false }],
      ['b', 1, 1, 0, 0, { bytes: false, rows: false }],
      ['c', 2, 1, 1, 0, { bytes: true, rows: true }],
    ]);
    expect(layout.optimize).toEqual({ numFilesRemoved: 2, numFilesAdded: 1, partitionsOptimized: 1, totalFilesSkipped: 4, totalConsideredFiles: 6, bytesRewritten: 7 });
    expect(layout.belowTarget).toBe(4);
    expect(layout.histogram.reduce((n, b) => n + b.count, 0)).toBe(6);
  });

  it('rows unknown for a partition when a file has no count', () => {
    const layout = planLayout([file('a', 3, null), file('b', 3)], ['p'], 10);
    expect(layout.partitions[0]?.rows).toBeNull();
    expect(layout.medianPartition.rows).toBeNull();
  });
});
