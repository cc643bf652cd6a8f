/**
 * Which source rows each target row matches under a MERGE's predicate. Two ways, one answer:
 * the join in duckdb-wasm (mergeSqlJoin.ts; the page and the CLI), or a hash join in
 * TypeScript (the simulator's writers, which run dozens at once and cannot each start a
 * database). The executor applies the clauses to the matches either way.
 */
import type { DataType } from '../core/delta/schemaTypes.ts';
import { evaluatePredicate } from '../core/delta/predicate.ts';
import type { MergeJoin, MergeSpec } from '../core/delta/operations/merge.ts';
import { coerceValue } from './jsonToArrow.ts';
import type { Row } from './tableRows.ts';

export interface MergeMatcher {
  /** For each of a file's rows, in order, the indices of the source rows it matches (ascending). */
  matchFile(targetRows: readonly Row[]): Promise<number[][]>;
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

/** Equalities through a hash index on the source; the rest of the predicate row by row. */
export function hashMatcher({ spec, join, source, types }: MatchInputs): MergeMatcher {
  const typeOf = (column: string) => types.get(column.includes('.') ? column.slice(column.indexOf('.') + 1) : column) ?? 'string';
  /** The join key's values, typed as the target's columns; undefined when one is null (it matches nothing, as in SQL). */
  const keyOf = (row: Record<string, unknown>, side: 'target' | 'source'): string | undefined => {
    const values = join.keys.map((k) => coerceValue(row[side === 'target' ? k.target : k.source], types.get(k.target) ?? 'string', k.target));
    return values.includes(null) ? undefined : JSON.stringify(values.map(String));
  };
  const index = new Map<string, number[]>();
  source.forEach((row, i) => {
    const key = keyOf(row, 'source');
    if (key === undefined) return;
    const bucket = index.get(key);
    if (bucket) bucket.push(i);
    else index.set(key, [i]);
  });
  const valueFor = (target: Row, sourceRow: Record<string, unknown> | undefined) => (name: string) => {
    if (name.startsWith(`${spec.sourceAlias}.`)) return sourceRow?.[name.slice(spec.sourceAlias.length + 1)];
    if (name.startsWith(`${spec.targetAlias}.`)) return target[name.slice(spec.targetAlias.length + 1)];
    return target[name];
  };
  return {
    async matchFile(targetRows) {
      return targetRows.map((target) => {
        const key = keyOf(target, 'target');
        return (key === undefined ? [] : index.get(key) ?? []).filter((i) =>
          join.residual.every((p) => evaluatePredicate(p, valueFor(target, source[i]), typeOf) === true));
      });
    },
    async close() {},
  };
}
