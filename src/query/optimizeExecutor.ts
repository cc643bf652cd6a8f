/**
 * Compaction as delta-rs bin-packs it (core/analysis/layoutPreview.ts `planCompactionBins`): per
 * partition, the files at most the target size packed into bins, each bin read and written back
 * as one file, dataChange=false. The Maintenance view's preview runs the same planner, so what it
 * shows is what this writes.
 */
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import type { Transaction } from '../core/delta/transaction.ts';
import type { Add } from '../core/delta/actions.ts';
import { planOptimize } from '../core/delta/operations/optimize.ts';
import { planCompactionBins, toTargetFileSize } from '../core/analysis/layoutPreview.ts';
import { SnapshotRows } from './tableRows.ts';
import { requireWritable, writeRowsFor, type WriteContext } from './writeContext.ts';

export async function runOptimize(snapshot: DeltaSnapshot, context: WriteContext, options: { targetSize?: number } = {}): Promise<Transaction> {
  requireWritable(snapshot, false);
  const targetSize = toTargetFileSize(snapshot.metadata.configuration, options.targetSize);
  const order = new Map(snapshot.files.map((f, i) => [f, i]));
  const byPartition = new Map<string, Add[]>();
  for (const file of snapshot.files) {
    const key = JSON.stringify(snapshot.metadata.partitionColumns.map((c) => file.partitionValues[c] ?? null));
    byPartition.set(key, [...(byPartition.get(key) ?? []), file]);
  }
  const rows = new SnapshotRows(context.store, snapshot);
  const compacted: Add[] = [];
  const written: Add[] = [];
  for (const files of byPartition.values()) {
    for (const bin of planCompactionBins(files, targetSize).bins) {
      // The bin's files in log order, so the rewritten file's rows keep the table's order.
      const members = [...bin.files].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      const data = (await Promise.all(members.map((f) => rows.ofFile(f)))).flat();
      for (const file of members) compacted.push(file);
      for (const add of await writeRowsFor(snapshot, data, context)) written.push(add);
    }
  }
  return planOptimize(snapshot, compacted, written, { now: context.now(), isolationLevel: context.isolationLevel, targetSize });
}
