/**
 * One commit to a DuckLake catalog, from catalog bytes to catalog bytes: open the catalog for
 * writing (DuckDB through duckdb-wasm, SQLite through sql.js), read the table at the latest
 * snapshot, plan the snapshot (core/ducklake/write), write its Parquet files to the data path,
 * then run its catalog statements in one transaction and return the new catalog file. Data files
 * are written before the catalog names them; a run that dies in between leaves files no snapshot
 * names, never a snapshot without its files. The catalog bytes can live anywhere: a local file,
 * a blob under a lease, or the simulator's memory.
 */
import { LakeError } from '../../../core/errors.ts';
import { joinKey } from '../../../core/objectStore.ts';
import type { CatalogTable } from '../../../core/ducklake/catalogAt.ts';
import { beginCommit, finishCommit, type CommitDraft } from '../../../core/ducklake/write/commitDraft.ts';
import { toStatementSql } from '../../../core/ducklake/write/catalogStatements.ts';
import { planCreateTable } from '../../../core/ducklake/write/planCreateTable.ts';
import { planDataFile, planInlinedInsert, recordDataFile, shouldInline } from '../../../core/ducklake/write/planInsert.ts';
import { planDeleteFile, planInlinedDelete, recordDeleteFile } from '../../../core/ducklake/write/planDelete.ts';
import { toSetValue } from '../../setExpressions.ts';
import { OpenDucklake } from '../ducklakeCatalog.ts';
import { toDataFileParquet, toDeleteFileParquet } from './ducklakeParquet.ts';
import { toWriteRows, findMatches } from './tableMatches.ts';
import type { DucklakeCommitResult, DucklakeOperation, DucklakeWriteContext } from './ducklakeOperation.ts';

export async function commitDucklake(name: string, bytes: Uint8Array, operation: DucklakeOperation, context: DucklakeWriteContext): Promise<{ bytes: Uint8Array; result: DucklakeCommitResult }> {
  const lake = await OpenDucklake.open(name, bytes, context.openEngine, { writable: true });
  try {
    const draft = beginCommit(lake.catalog, { now: context.now(), rng: context.rng });
    const result: DucklakeCommitResult = { snapshotId: null, changesMade: null, operation: operation.kind, table: operation.table, inserted: 0, deleted: 0, updated: 0, files: [] };
    await plan(lake, draft, operation, context, result);
    const commit = finishCommit(draft, context.commitInfo);
    if (!commit) return { bytes, result };
    const transact = lake.file.transact;
    if (!transact) throw new LakeError('Unsupported', `${name}: the catalog was not opened for writing`);
    await transact.call(lake.file, commit.statements.flatMap((s) => toStatementSql(s, lake.file.dialect)));
    return { bytes: await lake.file.exportBytes(), result: { ...result, snapshotId: commit.snapshotId, changesMade: commit.changesMade } };
  } finally {
    await lake.close();
  }
}

async function plan(lake: OpenDucklake, draft: CommitDraft, operation: DucklakeOperation, context: DucklakeWriteContext, result: DucklakeCommitResult): Promise<void> {
  if (operation.kind === 'createTable') {
    const [schema, table] = splitName(operation.table);
    planCreateTable(draft, schema, table, operation.columns);
    return;
  }
  const table = lake.table(operation.table, draft.readSnapshot.snapshot_id);
  if (operation.kind === 'insert') {
    result.inserted = await insertRows(draft, table, toWriteRows(table, operation.rows), context, result);
    return;
  }
  const matches = await findMatches(lake, table, draft.readSnapshot.snapshot_id, operation.predicate, context.data);
  const files = await lake.tableFiles(table.tableId);
  for (const match of matches.files) {
    const dataFile = files.dataFiles.find((f) => f.data_file_id === match.dataFileId)!;
    const file = planDeleteFile(draft, table, dataFile, match.deleteFile, [...match.deleted, ...match.positions]);
    const { bytes, written } = await toDeleteFileParquet(file);
    await context.data.store.put(joinKey(context.data.prefix ?? '', file.key), bytes);
    recordDeleteFile(draft, file, written);
    result.files.push(file.key);
  }
  for (const inlined of matches.inlined) planInlinedDelete(draft, table.tableId, inlined.tableName, inlined.rowIds);
  const count = matches.rows.length;
  if (operation.kind === 'delete') {
    result.deleted = count;
    return;
  }
  const updated = matches.rows.map((row) => applySet(row, operation.set, table));
  // The updated rows keep their row ids, as in the extension, so table_changes pairs each pre- and postimage.
  const keptRowIds = matches.rowIds.every((id) => id !== null) ? (matches.rowIds as number[]) : undefined;
  await insertRows(draft, table, toWriteRows(table, updated), context, result, keptRowIds);
  result.updated = count;
}

async function insertRows(draft: CommitDraft, table: CatalogTable, rows: Record<string, unknown>[], context: DucklakeWriteContext, result: DucklakeCommitResult, keptRowIds?: readonly number[]): Promise<number> {
  if (rows.length === 0) return 0;
  if (shouldInline(draft, table, rows.length)) {
    planInlinedInsert(draft, table, rows, keptRowIds);
    return rows.length;
  }
  const file = planDataFile(draft, table, rows, keptRowIds);
  const { bytes, written } = await toDataFileParquet(file);
  await context.data.store.put(joinKey(context.data.prefix ?? '', file.key), bytes);
  recordDataFile(draft, table, file, written);
  result.files.push(file.key);
  return rows.length;
}

function applySet(row: Record<string, unknown>, set: Record<string, string>, table: CatalogTable): Record<string, unknown> {
  const updated = { ...row };
  for (const [column, expression] of Object.entries(set)) {
    if (!table.columns.some((c) => c.name === column)) throw new LakeError('InvalidInput', `${table.qualifiedName}: no column "${column}" to set; it has: ${table.columns.map((c) => c.name).join(', ')}`);
    updated[column] = toSetValueOf(expression, row);
  }
  return updated;
}

const toSetValueOf = (expression: string, row: Record<string, unknown>) => toSetValue(expression, row, 't');

function splitName(name: string): [string, string] {
  const at = name.indexOf('.');
  if (at < 0) return ['main', name];
  return [name.slice(0, at), name.slice(at + 1)];
}
