/**
 * One data file of a snapshot as columns for a rewrite: the rows its deletion vector keeps,
 * each column in the write layout (writeColumns.ts) as the Data chunks it was read in plus,
 * per kept row, which chunk and row holds it; and, only for the columns a predicate names,
 * the values as JSON (the form predicates are evaluated on), converted column-wise once.
 */
import type { Data } from 'apache-arrow';
import type { ObjectStore } from '../core/objectStore.ts';
import type { Add } from '../core/delta/actions.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import type { ScanPlan } from '../core/delta/scanPlan.ts';
import { toDataFileKey } from '../core/delta/dataPaths.ts';
import { toColumnMappingMode } from '../core/delta/columnMapping.ts';
import { scanDelta } from './deltaScan.ts';
import { toJsonScalar, toJsonValues, type JsonValue } from './jsonValues.ts';
import { toConstantData, toWriteData, type WriteColumn } from './writeColumns.ts';
import type { ScanBatch } from './scanBatch.ts';

/** A column's values for a set of rows: row k is row rows[k] of sources[which[k]] (see arrowInterleave.ts Picks). */
export interface Slots {
  sources: Data[];
  which: Uint16Array | null;
  rows: Int32Array | null;
}

export interface FileColumns {
  add: Add;
  /** Rows the deletion vector keeps. */
  length: number;
  /** Positions of those rows in the file (for deletion vectors). */
  positions: Uint32Array;
  /** A column in its own write layout, or in target column `as`'s (an update setting one column from another). */
  slots(column: string, as?: WriteColumn): Slots;
  /** The JSON value of `column` at kept row `row`; undefined for a column the table lacks. */
  jsonAt(column: string, row: number): JsonValue | undefined;
  /** The file's partition values in JSON form, by logical name. */
  partition: Record<string, JsonValue>;
}

export async function loadFileColumns(store: ObjectStore, snapshot: DeltaSnapshot, plan: ScanPlan, add: Add, columns: readonly WriteColumn[]): Promise<FileColumns> {
  const key = toDataFileKey(snapshot.tableRoot, add.path);
  const files = plan.files.filter((f) => f.key === key && (f.deletionVector?.pathOrInlineDv ?? '') === (add.deletionVector?.pathOrInlineDv ?? ''));
  let batch: ScanBatch | undefined;
  for await (const b of scanDelta(store, { ...plan, files })) batch = b;
  if (!batch) throw new Error(`bug: no scan batch for ${add.path}`);
  return toFileColumns(batch, add, columns, toColumnMappingMode(snapshot.metadata));
}

function toFileColumns(batch: ScanBatch, add: Add, columns: readonly WriteColumn[], mode: ReturnType<typeof toColumnMappingMode>): FileColumns {
  const { selection } = batch;
  const index = new Map(batch.columns.map((c, i) => [c.logicalName, i]));
  let chunkPicks: { which: Uint16Array; rows: Int32Array } | undefined;
  const picksOfChunks = (data: readonly Data[]) => {
    if (chunkPicks) return chunkPicks;
    const which = new Uint16Array(selection.length);
    const rows = new Int32Array(selection.length);
    let chunk = 0;
    let start = 0;
    for (let k = 0; k < selection.length; k++) {
      const at = selection[k] as number;
      while (at >= start + (data[chunk] as Data).length) start += (data[chunk++] as Data).length;
      which[k] = chunk;
      rows[k] = at - start;
    }
    return (chunkPicks = { which, rows });
  };
  const slotCache = new Map<string, Slots>();
  const jsonCache = new Map<string, (row: number) => JsonValue>();
  const partition: Record<string, JsonValue> = {};
  for (const column of batch.columns) {
    const source = batch.sources[index.get(column.logicalName) as number];
    if (column.isPartition) partition[column.logicalName] = source?.kind === 'constant' ? toJsonScalar(source.value, column.type) : null;
  }
  return {
    add,
    length: selection.length,
    positions: selection,
    partition,
    slots(name, as) {
      const own = columns.find((c) => c.name === name) as WriteColumn;
      const column = as ?? own;
      const cacheKey = `${name}\u0000${column.name}`;
      const cached = slotCache.get(cacheKey);
      if (cached) return cached;
      const source = batch.sources[index.get(name) ?? -1];
      let slots: Slots;
      if (source?.kind === 'vector') {
        const data = toWriteData(source.vector, own.type, mode, column, mode, `${batch.fileKey}: ${name}`);
        slots = data.length === source.vector.data.length ? { sources: data, ...picksOfChunks(source.vector.data) } : { sources: data, which: null, rows: Int32Array.from(selection) };
      } else {
        const value = source?.kind === 'constant' ? toJsonScalar(source.value, own.type) : null;
        slots = { sources: [toConstantData(value, column, mode)], which: null, rows: null };
      }
      slotCache.set(cacheKey, slots);
      return slots;
    },
    jsonAt(name, row) {
      let read = jsonCache.get(name);
      if (!read) {
        const i = index.get(name);
        const source = i === undefined ? undefined : batch.sources[i];
        const column = i === undefined ? undefined : batch.columns[i];
        if (!source || !column) return undefined;
        if (source.kind === 'vector') {
          const all = toJsonValues(source.vector, column.type, { path: name, source: batch.fileKey }, mode);
          read = (r) => all[selection[r] as number] ?? null;
        } else {
          const constant = source.kind === 'constant' ? toJsonScalar(source.value, column.type) : null;
          read = () => constant;
        }
        jsonCache.set(name, read);
      }
      return read(row);
    },
  };
}
