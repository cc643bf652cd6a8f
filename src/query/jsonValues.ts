/**
 * Arrow values to the CLI's JSON form, by the column's Delta type, at every depth: exact
 * integers (text past 2^53), decimals as strings with their scale, NaN and infinities as
 * strings, binary as base64, dates and timestamps as text (UTC with "Z"; timestamp_ntz
 * without), structs as objects under their logical names, arrays as arrays, maps as
 * [{key, value}]. The conversion itself is column-wise (arrowValues.ts).
 */
import type { Vector } from 'apache-arrow';
import type { DataType } from '../core/delta/schemaTypes.ts';
import type { ColumnMappingMode } from '../core/delta/columnMapping.ts';
import type { TypedValue } from '../core/delta/scanPlan.ts';
import { formatDate } from '../core/delta/civilTime.ts';
import { toValues, toVectorValues, type ValueForms, type Where } from './arrowValues.ts';
import { formatTimestamp, toBase64 } from './arrowLeaves.ts';
import type { ScanBatch } from './scanBatch.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export { toBase64 };

function jsonForms(columnMapping: ColumnMappingMode): ValueForms {
  return { bigLong: 'text', nonFinite: 'text', binary: 'base64', map: 'entries', columnMapping };
}

/** Every value of a vector as JSON for Delta type `type` (the vector's names are the logical ones unless `columnMapping` says otherwise). */
export function toJsonValues(vector: Vector, type: DataType, where: Where, columnMapping: ColumnMappingMode = 'none'): JsonValue[] {
  return toVectorValues(vector, type, jsonForms(columnMapping), where) as JsonValue[];
}

/** The rows a scan batch selects, as JSON objects keyed by logical column names. */
export function toJsonRows(batch: ScanBatch): Record<string, JsonValue>[] {
  const rows = new Array<Record<string, JsonValue>>(batch.selection.length);
  for (let r = 0; r < batch.selection.length; r++) rows[r] = {};
  const forms = jsonForms(batch.columnMappingMode);
  batch.columns.forEach((column, c) => {
    const source = batch.sources[c];
    const name = column.logicalName;
    if (!source || source.kind === 'null' || source.kind === 'constant') {
      const value = source?.kind === 'constant' ? toJsonScalar(source.value, column.type) : null;
      for (const row of rows) row[name] = value;
      return;
    }
    const where = { path: name, source: batch.fileKey };
    // Chunk by chunk, converting only the range of rows the selection keeps in each.
    let r = 0;
    let start = 0;
    for (const data of source.vector.data) {
      const end = start + data.length;
      const first = r;
      while (r < batch.selection.length && (batch.selection[r] as number) < end) r++;
      if (r > first) {
        const from = (batch.selection[first] as number) - start;
        const to = (batch.selection[r - 1] as number) - start + 1;
        const values = toValues(from === 0 && to === data.length ? data : data.slice(from, to - from), column.type, forms, where) as JsonValue[];
        for (let k = first; k < r; k++) (rows[k] as Record<string, JsonValue>)[name] = values[(batch.selection[k] as number) - start - from] ?? null;
      }
      start = end;
    }
  });
  return rows;
}

/** A typed partition value (scanPlan.ts TypedValue) as JSON for `type`. */
export function toJsonScalar(value: TypedValue, type: DataType): JsonValue {
  if (value === null) return null;
  if (typeof value === 'bigint') {
    if (type === 'timestamp' || type === 'timestamp_ntz') return formatTimestamp(value, type);
    return value > maxSafe || value < -maxSafe ? value.toString() : Number(value);
  }
  if (typeof value === 'number') {
    if (type === 'date') return formatDate(value);
    if (Number.isNaN(value)) return 'NaN';
    if (value === Number.POSITIVE_INFINITY) return 'Infinity';
    if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
    return value;
  }
  if (value instanceof Uint8Array) return toBase64(value);
  return value;
}

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);
