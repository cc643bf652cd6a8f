/**
 * Executes a ScanPlan: reads each file's needed columns with parquet-wasm, resolves physical
 * names (column mapping) to logical ones, fills partition columns, drops the rows deletion
 * vectors delete, and applies the row filter.
 */
import type { Table, Vector } from 'apache-arrow';
import { LakeError } from '../core/errors.ts';
import type { ObjectStore } from '../core/objectStore.ts';
import { throwIfAborted, type AbortSignal } from '../core/abort.ts';
import type { ScanColumn, ScanFile, ScanPlan } from '../core/delta/scanPlan.ts';
import type { DataType } from '../core/delta/schemaTypes.ts';
import { loadDeletionVector } from '../core/delta/deletionVector.ts';
import { evaluatePredicate, columnsOf, type Predicate } from '../core/delta/predicate.ts';
import { toColumnPathType, toFieldValue } from '../core/delta/columnPath.ts';
import { readArrowTable } from './parquetRead.ts';
import type { ColumnSource, ScanBatch } from './scanBatch.ts';
import { toJsonValues, toJsonScalar, type JsonValue } from './jsonValues.ts';

export interface ScanOptions {
  signal?: AbortSignal;
  rowFilter?: Predicate;
  /** Stop once this many rows have been yielded. */
  limit?: number;
}

export async function* scanDelta(store: ObjectStore, plan: ScanPlan, options: ScanOptions = {}): AsyncIterable<ScanBatch> {
  const filterColumns = options.rowFilter ? [...columnsOf(options.rowFilter)].map((name) => name.split('.')[0] ?? name) : [];
  const extra = filterColumns
    .filter((name) => !plan.columns.some((c) => c.logicalName === name))
    .map((name) => scanColumnOf(plan, name));
  const readColumns = [...plan.columns, ...extra];
  let remaining = options.limit ?? Number.POSITIVE_INFINITY;
  for (const file of plan.files) {
    if (remaining <= 0) return;
    throwIfAborted(options.signal, 'the scan');
    const batch = await readFile(store, plan, file, readColumns, options);
    const filtered = options.rowFilter ? applyRowFilter(batch, options.rowFilter) : batch;
    const selection = filtered.selection.length > remaining ? filtered.selection.subarray(0, remaining) : filtered.selection;
    remaining -= selection.length;
    yield {
      fileKey: file.key,
      columns: plan.columns,
      columnMappingMode: plan.columnMappingMode,
      sources: filtered.sources.slice(0, plan.columns.length),
      selection,
    };
  }
}

function scanColumnOf(plan: ScanPlan, name: string): ScanColumn {
  const field = plan.schema.fields.find((f) => f.name === name);
  if (!field) throw new LakeError('InvalidInput', `no column "${name}"`);
  const physical = field.metadata['delta.columnMapping.physicalName'];
  const partition = plan.files[0] ? name in plan.files[0].partitionValues : false;
  return {
    logicalName: name,
    type: field.type,
    nullable: field.nullable,
    physicalName: plan.columnMappingMode !== 'none' && typeof physical === 'string' ? physical : name,
    isPartition: partition,
  };
}

async function readFile(store: ObjectStore, plan: ScanPlan, file: ScanFile, columns: ScanColumn[], options: ScanOptions): Promise<ScanBatch> {
  const bytes = await store.get(file.key, { signal: options.signal });
  const dataColumns = columns.filter((c) => !c.isPartition);
  const table = await readArrowTable(bytes, {
    columns: plan.columnMappingMode === 'id' ? undefined : dataColumns.map((c) => c.physicalName),
    name: file.key,
  });
  const sources: ColumnSource[] = columns.map((column) => {
    if (column.isPartition) return { kind: 'constant', value: file.partitionValues[column.logicalName] ?? null };
    const vector = findVector(table, column, plan.columnMappingMode);
    return vector ? { kind: 'vector', vector } : { kind: 'null' };
  });
  const deleted = file.deletionVector ? await loadDeletionVector(store, file.deletionVector, plan.tableRoot) : [];
  return { fileKey: file.key, columns, columnMappingMode: plan.columnMappingMode, sources, selection: toSelection(table.numRows, deleted) };
}

function findVector(table: Table, column: ScanColumn, mode: ScanPlan['columnMappingMode']): Vector | null {
  if (mode === 'id' && column.fieldId !== undefined) {
    const index = table.schema.fields.findIndex((f) => f.metadata.get('PARQUET:field_id') === String(column.fieldId));
    if (index >= 0) return table.getChildAt(index);
  }
  return table.getChild(column.physicalName) ?? (mode === 'none' ? null : table.getChild(column.logicalName));
}

function toSelection(rows: number, deleted: number[]): Uint32Array {
  const selection = new Uint32Array(rows - deleted.filter((r) => r < rows).length);
  let d = 0;
  let s = 0;
  for (let r = 0; r < rows; r++) {
    while (d < deleted.length && (deleted[d] ?? 0) < r) d++;
    if (deleted[d] === r) continue;
    selection[s++] = r;
  }
  return selection;
}

function applyRowFilter(batch: ScanBatch, predicate: Predicate): ScanBatch {
  const byName = new Map(batch.columns.map((c, i) => [c.logicalName, i]));
  const typeOf = (name: string): DataType => {
    const [column = name, ...fields] = name.split('.');
    const type = batch.columns[byName.get(column) ?? -1]?.type ?? 'string';
    return fields.length === 0 || typeof type !== 'object' || type.type !== 'struct' ? type : toColumnPathType(type.fields, fields.join('.'));
  };
  // The columns the predicate names, converted once for the whole file.
  const values = new Map<string, (row: number) => JsonValue>();
  for (const name of columnsOf(predicate)) {
    const column = name.split('.')[0] ?? name;
    const i = byName.get(column);
    const source = i === undefined ? undefined : batch.sources[i];
    const scanColumn = i === undefined ? undefined : batch.columns[i];
    if (values.has(column) || !source || !scanColumn) continue;
    if (source.kind === 'vector') {
      const all = toJsonValues(source.vector, scanColumn.type, { path: column, source: batch.fileKey }, batch.columnMappingMode);
      values.set(column, (row) => all[row] ?? null);
    } else {
      const constant = source.kind === 'constant' ? toJsonScalar(source.value, scanColumn.type) : null;
      values.set(column, () => constant);
    }
  }
  const kept: number[] = [];
  const paths = new Map([...columnsOf(predicate)].map((name) => {
    const [column = name, ...fields] = name.split('.');
    return [name, { column, fields }] as const;
  }));
  for (const row of batch.selection) {
    const valueOf = (name: string) => {
      const path = paths.get(name);
      return path ? toFieldValue(values.get(path.column)?.(row) ?? null, path.fields) : null;
    };
    if (evaluatePredicate(predicate, valueOf, typeOf) === true) kept.push(row);
  }
  return { ...batch, selection: Uint32Array.from(kept) };
}
