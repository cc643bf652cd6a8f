/**
 * Data skipping: a file can be skipped only when it certainly holds no row matching the
 * predicate, judged from its partition values (exactly) and its stats (min, max, null count).
 */
import type { DataType } from './schemaTypes.ts';
import type { FileStats } from './stats.ts';
import { compareValues } from './compareValues.ts';
import { parseTimestampMicros } from './civilTime.ts';
import { evaluatePredicate, type Predicate } from './predicate.ts';

export interface FileFacts {
  /** Logical column -> its partition value (string-encoded), for partition columns only. */
  partitionValues: ReadonlyMap<string, string | null>;
  stats?: FileStats;
  /** Logical column -> the key its stats are stored under (physical name with column mapping). */
  statsKeyOf: (column: string) => string;
  typeOf: (column: string) => DataType;
  /** Columns whose stats bound nothing (a type widening: older files' stats are in the narrower type). */
  ignoresStats?: (column: string) => boolean;
}

export function canSkipFile(predicate: Predicate, facts: FileFacts): boolean {
  return mayMatch(predicate, facts) === false;
}

/** false when no row can match; true or null when some may. */
function mayMatch(predicate: Predicate, facts: FileFacts): boolean | null {
  if (predicate.op === 'and') {
    const left = mayMatch(predicate.left, facts);
    return left === false ? false : mayMatch(predicate.right, facts);
  }
  if (predicate.op === 'or') {
    const left = mayMatch(predicate.left, facts);
    return left !== false ? true : mayMatch(predicate.right, facts);
  }
  if (isOnPartitions(predicate, facts)) {
    // Partition columns have one value per file: evaluate exactly (null/unknown matches nothing).
    return evaluatePredicate(predicate, (c) => facts.partitionValues.get(c) ?? null, facts.typeOf) === true;
  }
  if (predicate.op === 'not') return true;
  return mayMatchByStats(predicate, facts);
}

function isOnPartitions(predicate: Predicate, facts: FileFacts): boolean {
  switch (predicate.op) {
    case 'and': case 'or':
      return isOnPartitions(predicate.left, facts) && isOnPartitions(predicate.right, facts);
    case 'not':
      return isOnPartitions(predicate.arg, facts);
    case 'compareColumns':
      return facts.partitionValues.has(predicate.column) && facts.partitionValues.has(predicate.other);
    default:
      return facts.partitionValues.has(predicate.column);
  }
}

function mayMatchByStats(predicate: Exclude<Predicate, { op: 'and' | 'or' | 'not' }>, facts: FileFacts): boolean {
  const stats = facts.stats;
  if (!stats || predicate.op === 'compareColumns' || facts.ignoresStats?.(predicate.column)) return true;
  const key = facts.statsKeyOf(predicate.column);
  const type = facts.typeOf(predicate.column);
  const nulls = toCount(lookup(stats.nullCount, key));
  const records = stats.numRecords;
  const allNull = nulls !== undefined && records !== undefined && nulls >= records;
  if (predicate.op === 'isNull') {
    if (predicate.negated) return !allNull;
    return nulls === undefined || nulls > 0;
  }
  if (allNull) return false;
  const min = lookup(stats.minValues, key);
  const max = trustedMax(lookup(stats.maxValues, key), type);
  const fits = (value: unknown, comparison: string): boolean => {
    if (value === null) return false;
    const belowMin = min === undefined ? undefined : compareValues(value, min, type);
    const aboveMax = max === undefined ? undefined : compareValues(value, max, type);
    switch (comparison) {
      case '=': return !(belowMin !== undefined && belowMin < 0) && !(aboveMax !== undefined && aboveMax > 0);
      case '<': return !(belowMin !== undefined && belowMin <= 0);
      case '<=': return !(belowMin !== undefined && belowMin < 0);
      case '>': return !(aboveMax !== undefined && aboveMax >= 0);
      case '>=': return !(aboveMax !== undefined && aboveMax > 0);
      default: return true;
    }
  };
  if (predicate.op === 'in') return predicate.negated || predicate.values.some((v) => fits(v, '='));
  return fits(predicate.value, predicate.comparison);
}

function lookup(values: Record<string, unknown> | undefined, key: string): unknown {
  if (!values) return undefined;
  if (key in values) return values[key] ?? undefined;
  // Nested columns: "a.b" walks into {"a": {"b": ...}}.
  let current: unknown = values;
  for (const part of key.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current ?? undefined;
}

function toCount(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/**
 * Writers truncate long string maxima (delta-rs at 32 characters): such a max bounds nothing.
 * Timestamp stats are kept to the millisecond, truncated: the true max may be 999 µs later.
 */
function trustedMax(max: unknown, type: DataType): unknown {
  if (type === 'string' && typeof max === 'string' && max.length >= 32) return undefined;
  if ((type === 'timestamp' || type === 'timestamp_ntz') && max !== undefined) {
    const micros = typeof max === 'bigint' ? max : typeof max === 'string' ? parseTimestampMicros(max) : undefined;
    return micros === undefined ? undefined : micros + 999n;
  }
  return max;
}
