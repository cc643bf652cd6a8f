/**
 * fileStats.ts's statistics computed from Arrow columns instead of rows, with the same result
 * (the same numRecords, minValues, maxValues and nullCount, leaf budget, struct nesting and
 * value forms): each leaf is scanned in its buffers and only its minimum and maximum become JS
 * values. Strings compare as UTF-8 bytes, which is code point order (compareValues.ts).
 */
import { DataType as ArrowType, type Data } from 'apache-arrow';
import type { DataType } from '../core/delta/schemaTypes.ts';
import { isAllValid, isValidAt } from './arrowInterleave.ts';
import { hasMinMax, toStatsValue, type StatsMaps } from './fileStats.ts';

export interface StatsColumn {
  /** Physical name and type, as written. */
  name: string;
  type: DataType;
  data: Data;
}

export function toColumnStats(columns: readonly StatsColumn[], numRecords: number, indexedColumns = 32, statsColumns?: ReadonlySet<string>): string {
  const stats: StatsMaps = { minValues: {}, maxValues: {}, nullCount: {} };
  let budget = statsColumns || indexedColumns < 0 ? Number.POSITIVE_INFINITY : indexedColumns;
  for (const column of columns) {
    if (budget <= 0) break;
    if (statsColumns && !statsColumns.has(column.name)) continue;
    budget = collect(column.data, column.name, column.type, stats, budget, null);
  }
  return JSON.stringify({ numRecords, ...stats });
}

/** `parentValid`: per row, 1 where every enclosing struct is non-null (null: no enclosing struct). */
function collect(data: Data, name: string, type: DataType, into: StatsMaps, budget: number, parentValid: Uint8Array | null): number {
  let valid: Uint8Array | null = null;
  let nulls = 0;
  if (parentValid !== null || !isAllValid(data)) {
    valid = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) {
      if ((parentValid === null || parentValid[i] === 1) && isValidAt(data, i)) valid[i] = 1;
      else nulls++;
    }
  }
  if (typeof type === 'object' && type.type === 'struct') {
    const nested: StatsMaps = { minValues: {}, maxValues: {}, nullCount: {} };
    type.fields.forEach((field, c) => {
      if (budget <= 0) return;
      budget = collect(data.children[c] as Data, field.name, field.type, nested, budget, valid);
    });
    if (Object.keys(nested.minValues).length > 0) into.minValues[name] = nested.minValues;
    if (Object.keys(nested.maxValues).length > 0) into.maxValues[name] = nested.maxValues;
    if (Object.keys(nested.nullCount).length > 0) into.nullCount[name] = nested.nullCount;
    return budget;
  }
  into.nullCount[name] = nulls;
  if (hasMinMax(type)) {
    const bounds = minMaxRows(data, valid);
    if (bounds) {
      into.minValues[name] = toStatsValue(valueAt(data, bounds.min), type, 'min');
      const max = toStatsValue(valueAt(data, bounds.max), type, 'max');
      if (max !== undefined) into.maxValues[name] = max;
    }
  }
  return budget - 1;
}

/** The rows holding the first minimum and the first maximum among the valid ones (NaN skipped). */
function minMaxRows(data: Data, valid: Uint8Array | null): { min: number; max: number } | undefined {
  const type = data.type as ArrowType;
  const plainNumbers = !ArrowType.isUtf8(type) && !ArrowType.isBool(type) && !ArrowType.isDecimal(type);
  if (plainNumbers && data.values instanceof BigInt64Array) return minMaxInt64(data.values, data.length, valid);
  if (plainNumbers) return minMaxNumbers(data.values as unknown as ArrayLike<number>, data.length, valid);
  const compare = comparator(data);
  let min = -1;
  let max = -1;
  for (let i = 0; i < data.length; i++) {
    if (valid !== null && valid[i] !== 1) continue;
    if (min < 0 || compare(i, min) < 0) min = i;
    if (max < 0 || compare(i, max) > 0) max = i;
  }
  return min < 0 ? undefined : { min, max };
}

/** minMaxRows over numbers in a typed array, in one pass (NaN is never a bound). */
function minMaxNumbers(values: ArrayLike<number>, length: number, valid: Uint8Array | null): { min: number; max: number } | undefined {
  let min = -1;
  let max = -1;
  let low = 0;
  let high = 0;
  for (let i = 0; i < length; i++) {
    if (valid !== null && valid[i] !== 1) continue;
    const x = values[i] as number;
    if (x !== x) continue;
    if (min < 0) {
      min = max = i;
      low = high = x;
    } else if (x < low) {
      min = i;
      low = x;
    } else if (x > high) {
      max = i;
      high = x;
    }
  }
  return min < 0 ? undefined : { min, max };
}

/** minMaxRows over int64 values read as two 32-bit halves: no bigint per value. */
function minMaxInt64(values: BigInt64Array, length: number, valid: Uint8Array | null): { min: number; max: number } | undefined {
  const words = new Int32Array(values.buffer, values.byteOffset, length * 2);
  let min = -1;
  let max = -1;
  for (let i = 0; i < length; i++) {
    if (valid !== null && valid[i] !== 1) continue;
    if (min < 0) {
      min = max = i;
      continue;
    }
    const high = words[i * 2 + 1] as number;
    const low = (words[i * 2] as number) >>> 0;
    const minHigh = words[min * 2 + 1] as number;
    if (high < minHigh || (high === minHigh && low < (words[min * 2] as number) >>> 0)) min = i;
    const maxHigh = words[max * 2 + 1] as number;
    if (high > maxHigh || (high === maxHigh && low > (words[max * 2] as number) >>> 0)) max = i;
  }
  return min < 0 ? undefined : { min, max };
}

/** Row order for strings, booleans and decimals. */
function comparator(data: Data): (a: number, b: number) => number {
  const type = data.type as ArrowType;
  if (ArrowType.isUtf8(type)) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = data.values as Uint8Array;
    return (a, b) => {
      const aStart = offsets[a] as number;
      const aEnd = offsets[a + 1] as number;
      const bStart = offsets[b] as number;
      const bEnd = offsets[b + 1] as number;
      const n = Math.min(aEnd - aStart, bEnd - bStart);
      for (let i = 0; i < n; i++) {
        const d = (bytes[aStart + i] as number) - (bytes[bStart + i] as number);
        if (d !== 0) return d;
      }
      return (aEnd - aStart) - (bEnd - bStart);
    };
  }
  if (ArrowType.isBool(type)) {
    const bit = (row: number) => (((data.values as Uint8Array)[(data.offset + row) >> 3] as number) >> ((data.offset + row) & 7)) & 1;
    return (a, b) => bit(a) - bit(b);
  }
  // Decimals (numbers are compared in minMaxNumbers and minMaxInt64).
  const big = (row: number) => valueAt(data, row) as bigint;
  return (a, b) => { const x = big(a); const y = big(b); return x < y ? -1 : x > y ? 1 : 0; };
}

/** The value at a row in the form the row writer's stats take it (coerceValue's). */
function valueAt(data: Data, row: number): unknown {
  const type = data.type as ArrowType;
  if (ArrowType.isUtf8(type)) {
    const offsets = data.valueOffsets as Int32Array;
    return decoder.decode((data.values as Uint8Array).subarray(offsets[row], offsets[row + 1]));
  }
  if (ArrowType.isBool(type)) return ((((data.values as Uint8Array)[(data.offset + row) >> 3] as number) >> ((data.offset + row) & 7)) & 1) === 1;
  if (ArrowType.isDecimal(type)) {
    const words = data.values as Uint32Array;
    let x = 0n;
    for (let w = 3; w >= 0; w--) x = (x << 32n) | BigInt(words[row * 4 + w] as number);
    return BigInt.asIntN(128, x);
  }
  return (data.values as unknown as ArrayLike<number | bigint>)[row];
}

const decoder = new TextDecoder();
