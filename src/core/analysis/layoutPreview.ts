/**
 * A table's file layout and what OPTIMIZE (compaction) would make of it, by delta-rs's
 * bin-packing (crates/core/src/operations/optimize.rs `build_compaction_plan`): each partition
 * on its own; files larger than the target size are skipped; the rest, largest first, go into the
 * first bin they fit in (a bin holds at most the target size), else a new bin; a bin of one file is
 * dropped (rewriting it changes nothing). Each bin becomes one new file. The target is the one
 * asked for, else `delta.targetFileSize`, else 100 MiB. With a min commit interval delta-rs commits
 * the same bins over several commits.
 * Format-neutral: the files are anything with a size and partition values.
 */
import { toFileSizeHistogram, type SizeBucket } from './fileSizeHistogram.ts';

export const defaultTargetFileSize = 104_857_600;

export interface LayoutFile {
  path: string;
  size: number;
  partitionValues: Readonly<Record<string, string | null>>;
  /** Live rows (after deletes); null when unknown. */
  rows: number | null;
}

export interface CompactionBin<F> {
  files: F[];
  bytes: number;
}

export interface PartitionLayout<F> {
  values: Record<string, string | null>;
  files: number;
  bytes: number;
  rows: number | null;
  /** Files below the target size (the ones OPTIMIZE may rewrite). */
  smallFiles: number;
  /** Files above the target size: OPTIMIZE leaves them. */
  skippedLarge: number;
  bins: CompactionBin<F>[];
  /** Bytes or rows more than twice the median partition's. */
  skewed: { bytes: boolean; rows: boolean };
}

export interface LayoutPreview<F> {
  targetSize: number;
  histogram: SizeBucket[];
  /** How many files of each histogram bucket lie below the target. */
  belowTarget: number;
  partitions: PartitionLayout<F>[];
  /** delta-rs's metrics for the compaction it would run. */
  optimize: { numFilesRemoved: number; numFilesAdded: number; partitionsOptimized: number; totalFilesSkipped: number; totalConsideredFiles: number; bytesRewritten: number };
  medianPartition: { bytes: number; rows: number | null };
}

export function toTargetFileSize(configuration: Readonly<Record<string, string>>, given?: number): number {
  if (given !== undefined) return given;
  const configured = Number(configuration['delta.targetFileSize']);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : defaultTargetFileSize;
}

/** delta-rs's compaction bins for one partition's files. */
export function planCompactionBins<F extends { size: number }>(files: readonly F[], targetSize: number): { bins: CompactionBin<F>[]; skipped: number } {
  let skipped = 0;
  const candidates: F[] = [];
  for (const file of files) {
    if (file.size > targetSize) skipped++;
    else candidates.push(file);
  }
  // Largest first; a stable sort keeps equal sizes in log order, as Rust's sort_by does.
  candidates.sort((a, b) => b.size - a.size);
  const bins: CompactionBin<F>[] = [{ files: [], bytes: 0 }];
  for (const file of candidates) {
    let bin = bins.find((b) => b.bytes + file.size <= targetSize);
    if (!bin) {
      bin = { files: [], bytes: 0 };
      bins.push(bin);
    }
    bin.files.push(file);
    bin.bytes += file.size;
  }
  const kept = bins.filter((b) => b.files.length > 1);
  skipped += bins.filter((b) => b.files.length === 1).length;
  return { bins: kept, skipped };
}

export function planLayout<F extends LayoutFile>(files: readonly F[], partitionColumns: readonly string[], targetSize: number): LayoutPreview<F> {
  const groups = new Map<string, { values: Record<string, string | null>; files: F[] }>();
  for (const file of files) {
    const values = Object.fromEntries(partitionColumns.map((c) => [c, file.partitionValues[c] ?? null]));
    const key = JSON.stringify(partitionColumns.map((c) => values[c]));
    const group = groups.get(key) ?? { values, files: [] };
    group.files.push(file);
    groups.set(key, group);
  }
  const partitions = [...groups.values()].map(({ values, files: members }) => {
    const { bins, skipped } = planCompactionBins(members, targetSize);
    return {
      values,
      files: members.length,
      bytes: members.reduce((n, f) => n + f.size, 0),
      rows: members.some((f) => f.rows === null) ? null : members.reduce((n, f) => n + (f.rows ?? 0), 0),
      smallFiles: members.filter((f) => f.size < targetSize).length,
      skippedLarge: members.filter((f) => f.size > targetSize).length,
      bins,
      skewed: { bytes: false, rows: false },
      skipped,
    };
  });
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const medianBytes = median(partitions.map((p) => p.bytes));
  const rowCounts = partitions.every((p) => p.rows !== null) ? partitions.map((p) => p.rows!) : null;
  const medianRows = rowCounts ? median(rowCounts) : null;
  if (partitions.length > 1) {
    for (const p of partitions) p.skewed = { bytes: p.bytes > 2 * medianBytes, rows: medianRows !== null && p.rows !== null && p.rows > 2 * medianRows };
  }
  const bins = partitions.flatMap((p) => p.bins);
  return {
    targetSize,
    histogram: toFileSizeHistogram(files.map((f) => f.size)),
    belowTarget: files.filter((f) => f.size < targetSize).length,
    partitions: partitions
      .map(({ skipped: _skipped, ...p }) => p)
      .sort((a, b) => JSON.stringify(Object.values(a.values)).localeCompare(JSON.stringify(Object.values(b.values)))),
    optimize: {
      numFilesRemoved: bins.reduce((n, b) => n + b.files.length, 0),
      numFilesAdded: bins.length,
      partitionsOptimized: partitions.filter((p) => p.bins.length > 0).length,
      totalFilesSkipped: partitions.reduce((n, p) => n + p.skipped, 0),
      totalConsideredFiles: files.length,
      bytesRewritten: bins.reduce((n, b) => n + b.bytes, 0),
    },
    medianPartition: { bytes: medianBytes, rows: medianRows },
  };
}
