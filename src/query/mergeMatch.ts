/**
 * Which source rows each target row matches under a MERGE's predicate. Two ways, one answer:
 * the join in duckdb-wasm (mergeSqlJoin.ts; the page and the CLI), or a hash join in
 * TypeScript over the key columns' buffers (the simulator's writers, which run dozens at once
 * and cannot each start a database). The executor applies the clauses to the matches either way.
 */
import type { Data } from 'apache-arrow';
import { Type } from 'apache-arrow';
import { LakeError } from '../core/errors.ts';
import type { DataType } from '../core/delta/schemaTypes.ts';
import { columnsOf, evaluatePredicate } from '../core/delta/predicate.ts';
import { checkComparableColumns } from './predicateSql.ts';
import type { MergeJoin, MergeSpec } from '../core/delta/operations/merge.ts';
import { isValidAt } from './arrowInterleave.ts';
import type { FileColumns, Slots } from './fileColumns.ts';
import type { MergeSource } from './mergeSource.ts';
import type { WriteColumn } from './writeColumns.ts';
import type { ColumnMappingMode } from '../core/delta/columnMapping.ts';

/** Matching (target row, source row) pairs, ordered by target row, then source row. */
export interface Matches {
  targetRows: Int32Array;
  sourceRows: Int32Array;
}

export interface MergeMatcher {
  matchFile(target: FileColumns): Promise<Matches>;
  /** Frees what the matcher holds (the database tables of a SQL join). */
  close(): Promise<void>;
}

export interface MatchInputs {
  spec: MergeSpec;
  join: MergeJoin;
  source: MergeSource;
  /** The target's Delta type of a column, by unaliased name. */
  types: ReadonlyMap<string, DataType>;
  columns: readonly WriteColumn[];
  mode: ColumnMappingMode;
}

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
 * The values a merge predicate or clause condition sees for one (target row, source row) pair,
 * under the merge's aliases; a bare name is the target's column (the source's where there is no
 * target row). Row -1 means that side has no row. One reader, moved from pair to pair.
 */
export class PairValues {
  target = -1;
  source = -1;
  file: FileColumns | undefined;
  readonly valueOf = (name: string): unknown => {
    const { sourceAlias, targetAlias } = this.spec;
    if (name.startsWith(`${sourceAlias}.`)) return this.source < 0 ? undefined : this.from.jsonAt(name.slice(sourceAlias.length + 1), this.source);
    const bare = !name.startsWith(`${targetAlias}.`);
    if (this.target >= 0 && this.file) return this.file.jsonAt(bare ? name : name.slice(targetAlias.length + 1), this.target);
    return bare && this.source >= 0 ? this.from.jsonAt(name, this.source) : undefined;
  };

  constructor(private readonly spec: MergeSpec, private readonly from: MergeSource) {}

  at(file: FileColumns | undefined, target: number, source: number): this {
    this.file = file;
    this.target = target;
    this.source = source;
    return this;
  }
}

/**
 * The Delta type each column the merge predicate names is compared as, in both matchers: the
 * target's columns (bare or under the target alias) as the table has them; the source's as the
 * source reads them (mergeSource.ts). Comparisons between columns of unlike types are refused here, for both.
 */
export function mergeColumnTypes(inputs: Pick<MatchInputs, 'spec' | 'join' | 'source' | 'types'>): (column: string) => DataType {
  const { spec, join, source, types } = inputs;
  const typeOf = (column: string): DataType => {
    if (column.startsWith(`${spec.sourceAlias}.`)) return source.typeOf(column.slice(spec.sourceAlias.length + 1));
    const name = column.startsWith(`${spec.targetAlias}.`) ? column.slice(spec.targetAlias.length + 1) : column;
    return types.get(name) ?? 'string';
  };
  for (const predicate of join.residual) {
    const problem = checkComparableColumns(predicate, typeOf);
    if (problem) throw new LakeError('InvalidInput', `the merge predicate "${spec.predicate}": ${problem}`);
  }
  return typeOf;
}

/** Equalities through a hash index on the source's key columns; the rest of the predicate pair by pair. */
export function hashMatcher(inputs: MatchInputs): MergeMatcher {
  const { spec, join, source, columns, mode } = inputs;
  const typeOf = mergeColumnTypes(inputs);
  const keyColumns = join.keys.map((k) => columns.find((c) => c.name === k.target) as WriteColumn);
  const sourceKeys = join.keys.map((k, i) => source.slots(k.source, keyColumns[i] as WriteColumn, mode));
  const head = new Map<JoinKey, number>();
  const next = new Int32Array(source.length).fill(-1);
  if (sourceKeys.every((s) => s !== undefined)) {
    const keyOf = toKeyReader(sourceKeys as Slots[]);
    // From the last row back, so each key's chain runs in ascending source order.
    for (let i = source.length - 1; i >= 0; i--) {
      const key = keyOf(i);
      if (key === undefined) continue;
      const first = head.get(key);
      if (first !== undefined) next[i] = first;
      head.set(key, i);
    }
  }
  const pair = new PairValues(spec, source);
  return {
    async matchFile(target) {
      const keyOf = toKeyReader(keyColumns.map((c) => target.slots(c.name)));
      const targetRows: number[] = [];
      const sourceRows: number[] = [];
      for (let t = 0; t < target.length; t++) {
        const key = keyOf(t);
        if (key === undefined) continue;
        for (let s = head.get(key) ?? -1; s >= 0; s = next[s] as number) {
          if (join.residual.length > 0) {
            pair.at(target, t, s);
            if (!join.residual.every((p) => evaluatePredicate(p, pair.valueOf, typeOf) === true)) continue;
          }
          targetRows.push(t);
          sourceRows.push(s);
        }
      }
      return { targetRows: Int32Array.from(targetRows), sourceRows: Int32Array.from(sourceRows) };
    },
    async close() {},
  };
}

/** A join key: a number for an integer column (cheap to hash), text otherwise. */
type JoinKey = number | string;

/** A row's key over key columns in the write layout (both sides typed as the target's columns); undefined when a part is null (it matches nothing, as in SQL). */
function toKeyReader(keys: readonly Slots[]): (row: number) => JoinKey | undefined {
  const parts = keys.map(toPartReader);
  if (parts.length === 1) return parts[0] as (row: number) => JoinKey | undefined;
  return (row) => {
    let key = '';
    for (let i = 0; i < parts.length; i++) {
      const part = (parts[i] as (row: number) => JoinKey | undefined)(row);
      if (part === undefined) return undefined;
      key = i === 0 ? String(part) : `${key}\u0000${String(part)}`;
    }
    return key;
  };
}

function toPartReader(slots: Slots): (row: number) => JoinKey | undefined {
  const { sources, which, rows } = slots;
  const leaf = sources.map(toLeafReader);
  return (row) => {
    const s = which ? (which[row] as number) : 0;
    const r = rows ? (rows[row] as number) : 0;
    const data = sources[s] as Data;
    return isValidAt(data, r) ? (leaf[s] as (r: number) => JoinKey)(r) : undefined;
  };
}

const decoder = new TextDecoder();
const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);

/** Equal values give equal keys: integers and dates as numbers, longs and timestamps exactly, text as text, anything else by its bytes. */
function toLeafReader(data: Data): (row: number) => JoinKey {
  switch (data.typeId) {
    case Type.Utf8: {
      const offsets = data.valueOffsets as Int32Array;
      const bytes = data.values as Uint8Array;
      return (r) => decoder.decode(bytes.subarray(offsets[r], offsets[r + 1]));
    }
    case Type.Int: case Type.Date: case Type.Timestamp: case Type.Float: {
      if (data.values instanceof BigInt64Array) {
        // As two 32-bit halves, a bigint only past 2^53.
        const words = new Int32Array(data.values.buffer, data.values.byteOffset, data.values.length * 2);
        const values = data.values;
        return (r) => {
          const high = words[r * 2 + 1] as number;
          const low = words[r * 2] as number;
          // Small integers stay small integers (V8 hashes them fastest).
          if ((high === 0 && low >= 0) || (high === -1 && low < 0)) return low;
          if (high >= -0x200000 && high < 0x200000) return high * 4294967296 + (low >>> 0);
          const v = values[r] as bigint;
          return v >= -maxSafe && v <= maxSafe ? Number(v) : String(v);
        };
      }
      const values = data.values as unknown as ArrayLike<number | bigint>;
      return (r) => {
        const v = values[r] as number | bigint;
        if (typeof v === 'bigint') return v >= -maxSafe && v <= maxSafe ? Number(v) : String(v);
        return Object.is(v, -0) ? 0 : Number.isNaN(v) ? 'NaN' : v;
      };
    }
    default: {
      const stride = data.stride;
      const values = data.values as unknown as ArrayLike<number>;
      return (r) => {
        if (data.typeId === Type.Bool) {
          const bit = data.offset + r;
          return (((values[bit >> 3] as number) >> (bit & 7)) & 1) === 1 ? 'true' : 'false';
        }
        if (data.valueOffsets) {
          const offsets = data.valueOffsets as Int32Array;
          return `b:${Array.from((data.values as Uint8Array).subarray(offsets[r], offsets[r + 1])).join(',')}`;
        }
        let key = '';
        for (let w = 0; w < stride; w++) key += `${String(values[r * stride + w])},`;
        return key;
      };
    }
  }
}
