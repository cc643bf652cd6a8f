/** CREATE TABLE, blind append and overwrite: rows to data files, then the plan. */
import { randomUuid } from '../core/rng.ts';
import { LakeError } from '../core/errors.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import type { StructType } from '../core/delta/schemaTypes.ts';
import type { Transaction } from '../core/delta/transaction.ts';
import type { Action } from '../core/delta/actions.ts';
import { planCreateTable } from '../core/delta/operations/createTable.ts';
import { planAppend, planOverwrite } from '../core/delta/operations/write.ts';
import { parsePredicate } from '../core/delta/parsePredicate.ts';
import { columnsOf, evaluatePredicate } from '../core/delta/predicate.ts';
import { writeDataFiles } from './dataFiles.ts';
import { requireColumns, requireKnownColumns, requireWritable, writeRowsFor, type WriteContext } from './writeContext.ts';

export interface CreateTableRequest {
  tableRoot: string;
  schema: StructType;
  partitionColumns?: string[];
  configuration?: Record<string, string>;
  name?: string;
  rows?: readonly Record<string, unknown>[];
}

export async function runCreateTable(request: CreateTableRequest, context: WriteContext): Promise<Transaction> {
  const partitionColumns = request.partitionColumns ?? [];
  const adds = request.rows && request.rows.length > 0
    ? await writeDataFiles(request.rows, { store: context.store, tableRoot: request.tableRoot, schema: request.schema, partitionColumns, rng: context.rng, now: context.now(), parquetCache: context.parquetCache })
    : [];
  return planCreateTable({
    tableRoot: request.tableRoot,
    id: randomUuid(context.rng),
    schema: request.schema,
    partitionColumns,
    configuration: request.configuration,
    name: request.name,
    createdTime: context.now(),
    adds,
  });
}

export async function runAppend(snapshot: DeltaSnapshot, rows: readonly Record<string, unknown>[], context: WriteContext, extraActions?: Action[]): Promise<Transaction> {
  requireWritable(snapshot, false);
  requireKnownColumns(snapshot, rows);
  return planAppend(snapshot, await writeRowsFor(snapshot, rows, context), { isolationLevel: context.isolationLevel, extraActions });
}

export async function runOverwrite(snapshot: DeltaSnapshot, rows: readonly Record<string, unknown>[], predicateText: string | undefined, context: WriteContext): Promise<Transaction> {
  requireWritable(snapshot, true);
  requireKnownColumns(snapshot, rows);
  const predicate = predicateText ? parsePredicate(predicateText) : undefined;
  if (predicate) {
    requireColumns(snapshot, columnsOf(predicate));
    const types = new Map(snapshot.schema.fields.map((f) => [f.name, f.type]));
    const outside = rows.filter((row) => evaluatePredicate(predicate, (c) => row[c], (c) => types.get(c) ?? 'string') !== true);
    if (outside.length > 0) throw new LakeError('InvalidInput', `${outside.length} row(s) do not match the overwrite predicate "${predicateText}": an overwrite with a predicate may only write rows it replaces`);
  }
  const adds = await writeRowsFor(snapshot, rows, context);
  return planOverwrite(snapshot, adds, { predicate, predicateText, isolationLevel: context.isolationLevel, now: context.now() });
}
