/**
 * Which source rows each target row matches under a MERGE's predicate. Two ways, one answer:
 * the join in duckdb-wasm (mergeSqlJoin.ts; the page and the CLI), or a hash join in
 * TypeScript (the simulator's writers, which run dozens at once and cannot each start a
 * database). The executor applies the clauses to the matches either way.
 */
import { LakeError } from '../core/errors.ts';
import type { DataType } from '../core/delta/schemaTypes.ts';
import { columnsOf, evaluatePredicate } from '../core/delta/predicate.ts';
import { checkComparableColumns } from './predicateSql.ts';
import type { MergeJoin, MergeSpec } from '../core/delta/operations/merge.ts';
import { coerceValue } from './jsonToArrow.ts';
import type { Row } from './tableRows.ts';

export interface MergeMatcher {
  /** For each of a file's rows, in order, the indices of the source rows it matches (ascending; shared, not to be changed). */
  matchFile(targetRows: readonly Row[]): Promise<readonly (readonly number[])[]>;
  /** Frees what the matcher holds (the database tables of a SQL join). */
  close(): Promise<void>;
}

export interface MatchInputs {
  spec: MergeSpec;
  join: MergeJoin;
  source: readonly Record<string, unknown>[];
  /** The target's Delta type of a column, by unaliased name. */
  types: ReadonlyMap<string, DataType>;
}

const noMatches: readonly number[] = Object.freeze([]);

/** The columns the predicate names on each side ("t.id" on the target, "s.id" on the source; bare names are the target's). */
export function predicateColumns(spec: MergeSpec, join: MergeJoin): { target: Set<string>; source: Set<string> } {
  const target = new Set(join.keys.map((k) => k.target));
  const source = new Set(join.keys.map((k) => k.source));
  for (const predicate of join.residual) {
    for (const name of columnsOf(predicate)) {
      if (name.startsWith(`${spec.sourceAlias}.`)) source.add(name.slice(spec.sourceAlias.length + 1));
      else target.add(name.startsWith(`${spec.targetAlias}.`) ? name.slice(spec.targetAlias.length + 1) : name);
    }
  }
  return { target, source };
}

/** The target's Delta type of a column the merge names, with or without an alias. */
export function columnTypes(types: ReadonlyMap<string, DataType>): (column: string) => DataType {
  return (column) => types.get(column.includes('.') ? column.slice(column.indexOf('.') + 1) : column) ?? 'string';
}

/**
 * The values a merge predicate or clause condition sees for one (target, source) pair, under the
 * merge's aliases; a bare name is the target's column (the source's where there is no target row).
 */
export function valuesUnderAliases(spec: MergeSpec, target: Row | undefined, sourceRow: Record<string, unknown> | undefined): (name: string) => unknown {
  return (name) => {
    if (name.startsWith(`${spec.sourceAlias}.`)) return sourceRow?.[name.slice(spec.sourceAlias.length + 1)];
    if (name.startsWith(`${spec.targetAlias}.`)) return target?.[name.slice(spec.targetAlias.length + 1)];
    return target ? target[name] : sourceRow?.[name];
  };
}

/**
 * The Delta type each column the merge predicate names is compared as, in both matchers: the
 * target's columns (bare or under the target alias) as the table has them; the source's as the
 * target column they are joined with, else the target's column of their name, else as their
 * values suggest. Comparisons between columns of unlike types are refused here, for both.
 */
export function mergeColumnTypes(inputs: MatchInputs): (column: string) => DataType {
  const { spec, join, source, types } = inputs;
  const sourceTypes = new Map<string, DataType>();
  const sourceType = (name: string): DataType => {
    let type = sourceTypes.get(name);
    if (type === undefined) sourceTypes.set(name, (type = inferSourceType(name, join, source, types)));
    return type;
  };
  const typeOf = (column: string): DataType => {
    if (column.startsWith(`${spec.sourceAlias}.`)) return sourceType(column.slice(spec.sourceAlias.length + 1));
    const name = column.startsWith(`${spec.targetAlias}.`) ? column.slice(spec.targetAlias.length + 1) : column;
    return types.get(name) ?? 'string';
  };
  for (const predicate of join.residual) {
    const problem = checkComparableColumns(predicate, typeOf);
    if (problem) throw new LakeError('InvalidInput', `the merge predicate "${spec.predicate}": ${problem}`);
  }
  return typeOf;
}

function inferSourceType(name: string, join: MergeJoin, source: MatchInputs['source'], types: MatchInputs['types']): DataType {
  const partner = join.keys.find((k) => k.source === name);
  const known = types.get(partner?.target ?? name);
  if (known) return known;
  const values = source.map((row) => row[name]).filter((v) => v !== null && v !== undefined);
  if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.length > 0 && values.every((v) => typeof v === 'bigint')) return 'long';
  if (values.length > 0 && values.every((v) => typeof v === 'number')) return 'double';
  return 'string';
}

/** Equalities through a hash index on the source; the rest of the predicate row by row. */
export function hashMatcher(inputs: MatchInputs): MergeMatcher {
  const { spec, join, source, types } = inputs;
  const typeOf = mergeColumnTypes(inputs);
  const keyTypes = join.keys.map((k) => types.get(k.target) ?? 'string');
  /** The join key, typed as the target's columns; undefined when a part is null (it matches nothing, as in SQL). */
  const keyOf = (row: Record<string, unknown>, side: 'target' | 'source'): JoinKey | undefined => {
    if (join.keys.length === 1) return keyPart(row[side === 'target' ? join.keys[0]!.target : join.keys[0]!.source], keyTypes[0]!, join.keys[0]!.target);
    let key = '';
    for (let i = 0; i < join.keys.length; i++) {
      const column = join.keys[i]!;
      const part = keyPart(row[side === 'target' ? column.target : column.source], keyTypes[i]!, column.target);
      if (part === undefined) return undefined;
      key = i === 0 ? String(part) : `${key}\u0000${String(part)}`;
    }
    return key;
  };
  const index = new Map<JoinKey, number[]>();
  source.forEach((row, i) => {
    const key = keyOf(row, 'source');
    if (key === undefined) return;
    const bucket = index.get(key);
    if (bucket) bucket.push(i);
    else index.set(key, [i]);
  });
  return {
    async matchFile(targetRows) {
      return targetRows.map((target) => {
        const key = keyOf(target, 'target');
        const bucket = key === undefined ? undefined : index.get(key);
        if (!bucket) return noMatches;
        if (join.residual.length === 0) return bucket;
        return bucket.filter((i) => join.residual.every((p) => evaluatePredicate(p, valuesUnderAliases(spec, target, source[i]), typeOf) === true));
      });
    },
    async close() {},
  };
}

/** A join key: a number for an integer column (cheap to hash), text otherwise. */
type JoinKey = number | string;

/** Integer columns whose values arrive as JS numbers already (dates and timestamps arrive as text). */
const integers = new Set<DataType>(['long', 'integer', 'short', 'byte']);

/**
 * One part of a join key, the same for equal values on either side: the value as the target's
 * column types it (so the source's "7" meets the table's 7). Runs once per target row: values
 * already of their column's JS type skip the conversion.
 */
function keyPart(value: unknown, type: DataType, column: string): JoinKey | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && integers.has(type)) return value;
  if (typeof value === 'string' && type === 'string') return value;
  const typed = coerceValue(value, type, column);
  if (typed === null) return undefined;
  if (typeof typed === 'bigint') return typed >= -maxSafe && typed <= maxSafe ? Number(typed) : String(typed);
  if (typeof typed === 'number' && (integers.has(type) || type === 'date')) return typed;
  return String(typed);
}

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);
