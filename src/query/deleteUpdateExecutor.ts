/** DELETE and UPDATE, copy-on-write: read the predicate's files, rewrite those with matching rows. */
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import type { Transaction } from '../core/delta/transaction.ts';
import type { DataType } from '../core/delta/schemaTypes.ts';
import { LakeError } from '../core/errors.ts';
import { parsePredicate } from '../core/delta/parsePredicate.ts';
import { evaluatePredicate, columnsOf, type Predicate } from '../core/delta/predicate.ts';
import { filesToRead, type FileRewrite } from '../core/delta/operations/rewrite.ts';
import { planDelete, planUpdate } from '../core/delta/operations/deleteUpdate.ts';
import { SnapshotRows, type Row } from './tableRows.ts';
import { requireColumns, requireWritable, writeRowsFor, type WriteContext } from './writeContext.ts';
import { toSetValue } from './setExpressions.ts';

export async function runDelete(snapshot: DeltaSnapshot, predicateText: string | undefined, context: WriteContext): Promise<Transaction> {
  requireWritable(snapshot, true);
  const predicate = predicateText ? parsePredicate(predicateText) : undefined;
  if (predicate) requireColumns(snapshot, columnsOf(predicate));
  const result = await rewriteMatching(snapshot, predicate, context, (row, matches) => (matches ? [] : [row]), 'num_deleted_rows');
  return planDelete(snapshot, result, { predicate, predicateText, isolationLevel: context.isolationLevel, now: context.now() });
}

export async function runUpdate(snapshot: DeltaSnapshot, predicateText: string | undefined, set: Record<string, string>, context: WriteContext): Promise<Transaction> {
  requireWritable(snapshot, true);
  if (Object.keys(set).length === 0) throw new LakeError('InvalidInput', 'an update needs at least one column to set');
  requireColumns(snapshot, Object.keys(set));
  const predicate = predicateText ? parsePredicate(predicateText) : undefined;
  if (predicate) requireColumns(snapshot, columnsOf(predicate));
  const result = await rewriteMatching(snapshot, predicate, context, (row, matches) => {
    if (!matches) return [row];
    const updated: Row = { ...row };
    for (const [column, expression] of Object.entries(set)) updated[column] = toSetValue(expression, row, 't') as Row[string];
    return [updated];
  }, 'num_updated_rows');
  return planUpdate(snapshot, result, { predicate, predicateText, isolationLevel: context.isolationLevel, now: context.now() });
}

async function rewriteMatching(
  snapshot: DeltaSnapshot,
  predicate: Predicate | undefined,
  context: WriteContext,
  transform: (row: Row, matches: boolean) => Row[],
  changedMetric: string,
) {
  const started = context.now();
  const types = new Map<string, DataType>(snapshot.schema.fields.map((f) => [f.name, f.type]));
  const candidates = filesToRead(snapshot, predicate);
  const rows = new SnapshotRows(context.store, snapshot);
  const rewrites: FileRewrite[] = [];
  let changed = 0;
  let copied = 0;
  let scanMs = 0;
  let rewriteMs = 0;
  for (const file of candidates) {
    const scanStart = context.now();
    const fileRows = await rows.ofFile(file);
    scanMs += context.now() - scanStart;
    let matched = 0;
    const output: Row[] = [];
    for (const row of fileRows) {
      const matches = !predicate || evaluatePredicate(predicate, (c) => row[c], (c) => types.get(c) ?? 'string') === true;
      if (matches) matched++;
      output.push(...transform(row, matches));
    }
    if (matched === 0) continue;
    changed += matched;
    copied += fileRows.length - matched;
    const rewriteStart = context.now();
    rewrites.push({ removed: file, added: await writeRowsFor(snapshot, output, context) });
    rewriteMs += context.now() - rewriteStart;
  }
  const added = rewrites.reduce((n, r) => n + r.added.length, 0);
  return {
    readFiles: candidates.map((f) => f.path),
    rewrites,
    metrics: {
      [changedMetric]: changed,
      num_added_files: added,
      num_removed_files: rewrites.length,
      num_copied_rows: copied,
      execution_time_ms: context.now() - started,
      scan_time_ms: scanMs,
      rewrite_time_ms: rewriteMs,
    },
  };
}
