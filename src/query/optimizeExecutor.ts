/** Compaction: the table's files (per partition) read and written back as one file each, dataChange=false. */
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import type { Transaction } from '../core/delta/transaction.ts';
import type { Add } from '../core/delta/actions.ts';
import { planOptimize } from '../core/delta/operations/optimize.ts';
import { SnapshotRows } from './tableRows.ts';
import { requireWritable, writeRowsFor, type WriteContext } from './writeContext.ts';

export async function runOptimize(snapshot: DeltaSnapshot, context: WriteContext): Promise<Transaction> {
  requireWritable(snapshot, false);
  const byPartition = new Map<string, Add[]>();
  for (const file of snapshot.files) {
    const key = JSON.stringify(snapshot.metadata.partitionColumns.map((c) => file.partitionValues[c] ?? null));
    byPartition.set(key, [...(byPartition.get(key) ?? []), file]);
  }
  const rows = new SnapshotRows(context.store, snapshot);
  const compacted: Add[] = [];
  const written: Add[] = [];
  for (const files of byPartition.values()) {
    if (files.length < 2) continue; // one file is already compact
    const data = (await Promise.all(files.map((f) => rows.ofFile(f)))).flat();
    for (const file of files) compacted.push(file);
    for (const add of await writeRowsFor(snapshot, data, context)) written.push(add);
  }
  return planOptimize(snapshot, compacted, written, { now: context.now(), isolationLevel: context.isolationLevel });
}
