/**
 * fileStats.ts's statistics computed from Arrow columns instead of rows, with the same result
 * (the same numRecords, minValues, maxValues and nullCount, leaf budget, struct nesting and
 * value forms): each leaf is scanned in its buffers and only its minimum and maximum become JS
 * values. Strings compare as UTF-8 bytes, which is code point order (compareValues.ts).
 */
import { DataType as ArrowType, type Data } from 'apache-arrow';
import type { DataType } from '../core/delta/schemaTypes.ts';
import { hasNoBitmap, isValidAt } from './arrowInterleave.ts';
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
  if (parentValid !== null || !hasNoBitmap(data)) {
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
  const compare = comparator(data);
  let min = -1;
  let max = -1;
  for (let i = 0; i < data.length; i++) {
    if ((valid !== null && valid[i] !== 1) || compare.isNaN(i)) continue;
    if (min < 0 || compare.rows(i, min) < 0) min = i;
    if (max < 0 || compare.rows(i, max) > 0) max = i;
  }
  return min < 0 ? undefined : { min, max };
}

interface Comparator {
  rows(a: number, b: number): number;
  isNaN(row: number): boolean;
}

function comparator(data: Data): Comparator {
  const type = data.type as ArrowType;
  const never = () => false;
  if (ArrowType.isUtf8(type)) {
    const offsets = data.valueOffsets as Int32Array;
    const bytes = data.values as Uint8Array;
    return {
      isNaN: never,
      rows(a, b) {
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
      },
    };
  }
  if (ArrowType.isBool(type)) {
    const bit = (row: number) => (((data.values as Uint8Array)[(data.offset + row) >> 3] as number) >> ((data.offset + row) & 7)) & 1;
    return { isNaN: never, rows: (a, b) => bit(a) - bit(b) };
  }
  if (ArrowType.isDecimal(type)) {
    const big = (row: number) => valueAt(data, row) as bigint;
    return { isNaN: never, rows: (a, b) => { const x = big(a); const y = big(b); return x < y ? -1 : x > y ? 1 : 0; } };
  }
  if (data.values instanceof BigInt64Array) {
    // As two 32-bit halves: no bigint per value.
    const words = new Int32Array(data.values.buffer, data.values.byteOffset, data.values.length * 2);
    return {
      isNaN: never,
      rows(a, b) {
        const high = (words[a * 2 + 1] as number) - (words[b * 2 + 1] as number);
        if (high !== 0) return high;
        return ((words[a * 2] as number) >>> 0) - ((words[b * 2] as number) >>> 0);
      },
    };
  }
  const values = data.values as unknown as ArrayLike<number | bigint>;
  return {
    isNaN: ArrowType.isFloat(type) ? (row) => Number.isNaN(values[row]) : never,
    rows: (a, b) => { const x = values[a] as number; const y = values[b] as number; return x < y ? -1 : x > y ? 1 : 0; },
  };
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
