/**
 * Per-file statistics as delta-rs collects them: numRecords, and minValues, maxValues and
 * nullCount for the first `delta.dataSkippingNumIndexedCols` (default 32) columns; no min/max
 * for binary or nested columns. Booleans do get min/max: delta-rs writes them (its fixture
 * table_failed_last_checkpoint_update has `"deleted": false`; fileStats.test.ts checks this),
 * unlike Spark. Strings longer than 32 characters keep a truncated minimum and drop the
 * maximum (a truncated maximum would be wrong).
 */
import type { DataType } from '../core/delta/schemaTypes.ts';
import { compareValues } from '../core/delta/compareValues.ts';
import { decimalOf } from '../core/delta/schema.ts';
import { formatDate, formatTimestampMicros } from '../core/delta/civilTime.ts';
import type { ColumnSpec } from './jsonToArrow.ts';
import { coerceValue } from './jsonToArrow.ts';

const stringPrefixLength = 32;

/** `indexedColumns`: how many leading columns get stats (-1: all); `statsColumns` (delta.dataSkippingStatsColumns) names them instead. */
export function toFileStats(rows: readonly Record<string, unknown>[], columns: readonly ColumnSpec[], indexedColumns = 32, statsColumns?: ReadonlySet<string>): string {
  const minValues: Record<string, unknown> = {};
  const maxValues: Record<string, unknown> = {};
  const nullCount: Record<string, number> = {};
  const indexed = statsColumns ? columns.filter((c) => statsColumns.has(c.name)) : indexedColumns < 0 ? columns : columns.slice(0, indexedColumns);
  for (const column of indexed) {
    let nulls = 0;
    let min: unknown;
    let max: unknown;
    const ordered = hasMinMax(column.type);
    for (const row of rows) {
      const value = coerceValue(row[column.name], column.type, column.name);
      if (value === null) {
        nulls++;
        continue;
      }
      if (!ordered || (typeof value === 'number' && Number.isNaN(value))) continue;
      if (min === undefined || (compareValues(value, min, column.type) ?? 0) < 0) min = value;
      if (max === undefined || (compareValues(value, max, column.type) ?? 0) > 0) max = value;
    }
    nullCount[column.name] = nulls;
    if (min !== undefined) minValues[column.name] = toStatsValue(min, column.type, 'min');
    const maxValue = max === undefined ? undefined : toStatsValue(max, column.type, 'max');
    if (maxValue !== undefined) maxValues[column.name] = maxValue;
  }
  return JSON.stringify({ numRecords: rows.length, minValues, maxValues, nullCount });
}

function hasMinMax(type: DataType): boolean {
  return typeof type === 'string' && type !== 'binary';
}

function toStatsValue(value: unknown, type: DataType, bound: 'min' | 'max'): unknown {
  const decimal = decimalOf(type);
  if (decimal && typeof value === 'bigint') return Number(formatUnscaled(value, decimal.scale));
  if (typeof value === 'bigint') {
    if (type === 'timestamp' || type === 'timestamp_ntz') {
      // Stats keep milliseconds, as Spark and delta-rs write them: round the max up so it still bounds.
      const ms = bound === 'min' ? floorDiv(value, 1000n) : -floorDiv(-value, 1000n);
      return `${formatTimestampMicros(ms * 1000n).slice(0, 23)}${type === 'timestamp' ? 'Z' : ''}`;
    }
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (type === 'date' && typeof value === 'number') return formatDate(value);
  if (typeof value === 'string' && type === 'string' && value.length > stringPrefixLength) {
    return bound === 'min' ? value.slice(0, stringPrefixLength) : undefined;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  return value;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

function formatUnscaled(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}
