/**
 * Per-column statistics as the ducklake extension writes them (ducklake_file_column_stats, and
 * merged into ducklake_table_column_stats): value and null counts, contains_nan for floats
 * (NaN left out of min and max), and min/max as DuckDB's text of the value: integers, decimals
 * with their scale ("12.50"), floats as their shortest text ("1.5", "3.0", "1e+21"), booleans
 * 0/1, dates, timestamps without trailing zeros ("2024-01-02 03:04:05.5", "+00" for
 * timestamptz), blobs as upper-case hex, text as it is. Values are the coerced forms the Arrow
 * builder takes (numbers, bigints for int64, timestamps and decimals, days for dates).
 */
import type { DataType } from '../../delta/schemaTypes.ts';
import { formatDate, formatTimestampMicros } from '../../delta/civilTime.ts';
import type { TableColumnStatsRow } from '../catalogRows.ts';

export interface ColumnStats {
  valueCount: number;
  nullCount: number;
  /** Null unless the column is a float. */
  containsNan: boolean | null;
  min: string | null;
  max: string | null;
}

export function toColumnStats(values: readonly unknown[], type: DataType): ColumnStats {
  const isFloat = type === 'float' || type === 'double';
  let nulls = 0;
  let nan = false;
  let min: unknown;
  let max: unknown;
  for (const value of values) {
    if (value === null || value === undefined) {
      nulls++;
      continue;
    }
    if (typeof value === 'number' && Number.isNaN(value)) {
      nan = true;
      continue;
    }
    if (min === undefined || compare(value, min) < 0) min = value;
    if (max === undefined || compare(value, max) > 0) max = value;
  }
  return {
    valueCount: values.length - nulls,
    nullCount: nulls,
    containsNan: isFloat ? nan : null,
    min: min === undefined ? null : toStatsText(min, type),
    max: max === undefined ? null : toStatsText(max, type),
  };
}

function compare(a: unknown, b: unknown): number {
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean') return Number(a) - Number(b);
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

export function toStatsText(value: unknown, type: DataType): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Uint8Array) return Array.from(value, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');
  if (type === 'date') return formatDate(value as number);
  if (type === 'timestamp' || type === 'timestamp_ntz') {
    const text = formatTimestampMicros(BigInt(value as bigint)).replace('T', ' ').replace(/\.?0+$/, '');
    return type === 'timestamp' ? `${text}+00` : text;
  }
  if (type === 'float' || type === 'double') return toFloatText(value as number, type === 'float');
  const decimal = typeof type === 'string' ? /^decimal\(\d+,(\d+)\)$/.exec(type) : null;
  if (decimal && typeof value === 'bigint') return toDecimalText(value, Number(decimal[1]));
  return String(value);
}

/** DuckDB's text of a float: the shortest that reads back (a float32's as a float32), ".0" on whole numbers, exponents as "1e+21". */
function toFloatText(value: number, single: boolean): string {
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  let text = String(value);
  if (single) {
    for (let digits = 1; digits <= 9; digits++) {
      const candidate = Number(value.toPrecision(digits));
      if (Math.fround(candidate) === value) {
        text = String(candidate);
        break;
      }
    }
  }
  if (/e/.test(text)) return text.replace(/e([+-])(\d)$/, 'e$10$2');
  return /\./.test(text) ? text : `${text}.0`;
}

function toDecimalText(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}

/** The table's column stats with a new file's (or inlined rows') folded in, as the extension keeps them. */
export function mergeTableColumnStats(
  current: TableColumnStatsRow | undefined,
  stats: ColumnStats,
  type: DataType,
  ids: { table_id: number; column_id: number },
): TableColumnStatsRow {
  const order = (a: string, b: string) => compareStatsText(a, b, type);
  const min = pick(current?.min_value ?? null, stats.min, (a, b) => order(a, b) <= 0);
  const max = pick(current?.max_value ?? null, stats.max, (a, b) => order(a, b) >= 0);
  const nan = stats.containsNan === null && (current?.contains_nan ?? null) === null ? null : Boolean(current?.contains_nan) || Boolean(stats.containsNan);
  return { ...ids, contains_null: Boolean(current?.contains_null) || stats.nullCount > 0, contains_nan: nan, min_value: min, max_value: max, extra_stats: current?.extra_stats ?? null };
}

function pick(a: string | null, b: string | null, keepA: (a: string, b: string) => boolean): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return keepA(a, b) ? a : b;
}

/** Stats texts compared as their values. */
function compareStatsText(a: string, b: string, type: DataType): number {
  const numeric = ['byte', 'short', 'integer', 'long', 'float', 'double'].includes(type as string) || (typeof type === 'string' && type.startsWith('decimal'));
  if (numeric) {
    const [x, y] = [Number(a), Number(b)];
    if (type === 'long' && /^-?\d+$/.test(a) && /^-?\d+$/.test(b)) return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (type === 'boolean') return Number(a) - Number(b);
  // Dates, timestamps (same zone) and hex of blobs order as their text; so does varchar by code unit.
  return a < b ? -1 : a > b ? 1 : 0;
}
