/**
 * Per-file statistics as delta-rs collects them: numRecords, and minValues, maxValues and
 * nullCount for the first `delta.dataSkippingNumIndexedCols` (default 32) columns; no min/max
 * for binary or nested columns. Booleans do get min/max: delta-rs writes them (its fixture
 * table_failed_last_checkpoint_update has `"deleted": false`; fileStats.test.ts checks this),
 * unlike Spark. Strings longer than 32 characters are cut to a 32-character prefix; a cut
 * maximum gets the highest code point appended (as Spark and delta-kernel do) so that it still
 * bounds every value.
 */
import type { DataType } from '../core/delta/schemaTypes.ts';
import { compareValues } from '../core/delta/compareValues.ts';
import { decimalOf } from '../core/delta/schema.ts';
import { formatDate, formatTimestampMicros } from '../core/delta/civilTime.ts';
import type { ColumnSpec } from './jsonToArrow.ts';
import { coerceValue } from './jsonToArrow.ts';

const stringPrefixLength = 32;
const maxCodePoint = String.fromCodePoint(0x10ffff);

export interface StatsMaps {
  minValues: Record<string, unknown>;
  maxValues: Record<string, unknown>;
  nullCount: Record<string, unknown>;
}

/**
 * `indexedColumns`: how many leading leaf columns get stats (-1: all); `statsColumns`
 * (delta.dataSkippingStatsColumns) names top-level columns instead. Struct columns get nested
 * objects, their fields counted as leaves.
 */
export function toFileStats(rows: readonly Record<string, unknown>[], columns: readonly ColumnSpec[], indexedColumns = 32, statsColumns?: ReadonlySet<string>): string {
  const stats: StatsMaps = { minValues: {}, maxValues: {}, nullCount: {} };
  let budget = statsColumns || indexedColumns < 0 ? Number.POSITIVE_INFINITY : indexedColumns;
  for (const column of columns) {
    if (budget <= 0) break;
    if (statsColumns && !statsColumns.has(column.name)) continue;
    budget = collectStats(rows.map((row) => row[column.name]), column.name, column.type, stats, budget);
  }
  return JSON.stringify({ numRecords: rows.length, ...stats });
}

/** Adds one column's stats into `into`; returns the leaf budget left. */
function collectStats(values: readonly unknown[], name: string, type: DataType, into: StatsMaps, budget: number): number {
  if (typeof type === 'object' && type.type === 'struct') {
    const objects = values.map((v) => coerceValue(v, type, name) as Record<string, unknown> | null);
    const nested: StatsMaps = { minValues: {}, maxValues: {}, nullCount: {} };
    for (const field of type.fields) {
      if (budget <= 0) break;
      budget = collectStats(objects.map((o) => (o === null ? null : o[field.name] ?? null)), field.name, field.type, nested, budget);
    }
    if (Object.keys(nested.minValues).length > 0) into.minValues[name] = nested.minValues;
    if (Object.keys(nested.maxValues).length > 0) into.maxValues[name] = nested.maxValues;
    if (Object.keys(nested.nullCount).length > 0) into.nullCount[name] = nested.nullCount;
    return budget;
  }
  let nulls = 0;
  let min: unknown;
  let max: unknown;
  const ordered = hasMinMax(type);
  const compare = typedComparison(type);
  for (const raw of values) {
    if (raw === null || raw === undefined) {
      nulls++;
      continue;
    }
    if (!ordered) continue;
    const value = coerceValue(raw, type, name);
    if (typeof value === 'number' && Number.isNaN(value)) continue;
    if (min === undefined || compare(value, min) < 0) min = value;
    if (max === undefined || compare(value, max) > 0) max = value;
  }
  into.nullCount[name] = nulls;
  if (min !== undefined) into.minValues[name] = toStatsValue(min, type, 'min');
  const maxValue = max === undefined ? undefined : toStatsValue(max, type, 'max');
  if (maxValue !== undefined) into.maxValues[name] = maxValue;
  return budget - 1;
}

/**
 * Order of coerced values (numbers, bigints, booleans of one column type compare with < and >;
 * text by code points, as compareValues does). Runs for every value written.
 */
function typedComparison(type: DataType): (a: unknown, b: unknown) => number {
  if (type === 'string') return (a, b) => compareValues(a, b, type) ?? 0;
  return (a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
}

export function hasMinMax(type: DataType): boolean {
  return typeof type === 'string' && type !== 'binary';
}

export function toStatsValue(value: unknown, type: DataType, bound: 'min' | 'max'): unknown {
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
  if (typeof value === 'string' && type === 'string') {
    const chars = Array.from(value);
    if (chars.length > stringPrefixLength) {
      const prefix = chars.slice(0, stringPrefixLength).join('');
      return bound === 'min' ? prefix : `${prefix}${maxCodePoint}`;
    }
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
