/**
 * DELETE and UPDATE, columnar copy-on-write: read the predicate's files as Arrow columns, test
 * the predicate row by row on its columns' values, and rewrite the files with matching rows
 * without them (or with them changed), buffer to buffer (fileRewriter.ts).
 */
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import type { Transaction } from '../core/delta/transaction.ts';
import type { DataType } from '../core/delta/schemaTypes.ts';
import { LakeError } from '../core/errors.ts';
import { parsePredicate } from '../core/delta/parsePredicate.ts';
import { evaluatePredicate, columnsOf, type Predicate } from '../core/delta/predicate.ts';
import { filesToRead } from '../core/delta/operations/rewrite.ts';
import { planDelete, planUpdate } from '../core/delta/operations/deleteUpdate.ts';
import { planScan } from '../core/delta/planScan.ts';
import { loadFileColumns } from './fileColumns.ts';
import { DELETE, FileRewriter, KEEP } from './fileRewriter.ts';
import type { Assignment } from './rewriteColumns.ts';
import { toWriteColumns } from './writeColumns.ts';
import { requireColumns, requireWritable, type WriteContext } from './writeContext.ts';

export async function runDelete(snapshot: DeltaSnapshot, predicateText: string | undefined, context: WriteContext): Promise<Transaction> {
  requireWritable(snapshot, true);
  const predicate = predicateText ? parsePredicate(predicateText) : undefined;
  if (predicate) requireColumns(snapshot, columnsOf(predicate));
  const result = await rewriteMatching(snapshot, predicate, context, DELETE, {}, 'num_deleted_rows');
  return planDelete(snapshot, result, { predicate, predicateText, isolationLevel: context.isolationLevel, now: context.now() });
}

export async function runUpdate(snapshot: DeltaSnapshot, predicateText: string | undefined, set: Record<string, string>, context: WriteContext): Promise<Transaction> {
  requireWritable(snapshot, true);
  if (Object.keys(set).length === 0) throw new LakeError('InvalidInput', 'an update needs at least one column to set');
  requireColumns(snapshot, Object.keys(set));
  const predicate = predicateText ? parsePredicate(predicateText) : undefined;
  if (predicate) requireColumns(snapshot, columnsOf(predicate));
  const result = await rewriteMatching(snapshot, predicate, context, 0, set, 'num_updated_rows');
  return planUpdate(snapshot, result, { predicate, predicateText, isolationLevel: context.isolationLevel, now: context.now() });
}

/** `onMatch`: DELETE, or 0 (the one assignment, `set`). */
async function rewriteMatching(snapshot: DeltaSnapshot, predicate: Predicate | undefined, context: WriteContext, onMatch: number, set: Assignment, changedMetric: string) {
  const started = context.now();
  const types = new Map<string, DataType>(snapshot.schema.fields.map((f) => [f.name, f.type]));
  const typeOf = (c: string) => types.get(c) ?? 'string';
  const candidates = filesToRead(snapshot, predicate);
  const plan = planScan(snapshot);
  const columns = toWriteColumns(snapshot);
  const rewriter = new FileRewriter(snapshot, columns, context, { inserted: [], updated: [], deleted: [] });
  const unknownColumn = (column: string) => new LakeError('InvalidInput', `no column "${column}" in the table`);
  let changed = 0;
  let copied = 0;
  let scanMs = 0;
  for (const file of candidates) {
    const scanStart = context.now();
    const target = await loadFileColumns(context.store, snapshot, plan, file, columns);
    scanMs += context.now() - scanStart;
    const action = new Int32Array(target.length).fill(KEEP);
    let matched = 0;
    let t = 0;
    const valueOf = (c: string) => target.jsonAt(c, t);
    for (; t < target.length; t++) {
      if (predicate && evaluatePredicate(predicate, valueOf, typeOf) !== true) continue;
      action[t] = onMatch;
      matched++;
    }
    if (matched === 0) continue;
    changed += matched;
    copied += (await rewriter.rewrite(target, action, new Int32Array(target.length).fill(-1), [set], { targetAlias: 't', unknownColumn })).copied;
  }
  await rewriter.finish();
  const added = rewriter.filesAdded;
  return {
    readFiles: candidates.map((f) => f.path),
    rewrites: rewriter.rewrites,
    metrics: {
      [changedMetric]: changed,
      num_added_files: added,
      num_removed_files: rewriter.filesRemoved,
      num_copied_rows: copied,
      ...rewriter.deletionVectorMetrics(),
      execution_time_ms: context.now() - started,
      scan_time_ms: scanMs,
      rewrite_time_ms: rewriter.rewriteMs,
    },
  };
}
