/**
 * A small predicate model for file skipping, row filtering and MERGE's join: comparisons of a
 * column with a literal or with another column, IS [NOT] NULL, [NOT] IN, AND, OR, NOT.
 * Evaluated with SQL's three-valued logic. A column is a name, or a path of names joined by
 * '.' (under a MERGE, the first is the alias: "t.id"); predicateSql.ts gives the same meaning
 * to duckdb-wasm.
 */
import type { DataType } from './schemaTypes.ts';
import { compareValues } from './compareValues.ts';

/** A bigint only for an integer literal beyond 2^53, which a number would round. */
export type Literal = string | number | bigint | boolean | null;
export type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Predicate =
  | { op: 'compare'; column: string; comparison: Comparison; value: Literal }
  /** Both sides compared as `column`'s type. */
  | { op: 'compareColumns'; column: string; comparison: Comparison; other: string }
  | { op: 'isNull'; column: string; negated: boolean }
  | { op: 'in'; column: string; values: Literal[]; negated: boolean }
  | { op: 'and'; left: Predicate; right: Predicate }
  | { op: 'or'; left: Predicate; right: Predicate }
  | { op: 'not'; arg: Predicate };

/** true, false, or null (unknown). */
export type Truth = boolean | null;

export function columnsOf(predicate: Predicate, into = new Set<string>()): Set<string> {
  if (predicate.op === 'and' || predicate.op === 'or') {
    columnsOf(predicate.left, into);
    columnsOf(predicate.right, into);
  } else if (predicate.op === 'not') columnsOf(predicate.arg, into);
  else {
    into.add(predicate.column);
    if (predicate.op === 'compareColumns') into.add(predicate.other);
  }
  return into;
}

/** Evaluate against one row; `typeOf` gives each column's Delta type for comparisons. */
export function evaluatePredicate(predicate: Predicate, valueOf: (column: string) => unknown, typeOf: (column: string) => DataType): Truth {
  switch (predicate.op) {
    case 'compare': {
      const value = valueOf(predicate.column);
      if (value === null || value === undefined || predicate.value === null) return null;
      const order = compareValues(value, predicate.value, typeOf(predicate.column));
      if (order === undefined) return null;
      return satisfies(order, predicate.comparison);
    }
    case 'compareColumns': {
      const value = valueOf(predicate.column);
      const other = valueOf(predicate.other);
      if (value === null || value === undefined || other === null || other === undefined) return null;
      const order = compareValues(value, other, typeOf(predicate.column));
      return order === undefined ? null : satisfies(order, predicate.comparison);
    }
    case 'isNull': {
      const value = valueOf(predicate.column);
      const isNull = value === null || value === undefined;
      return predicate.negated ? !isNull : isNull;
    }
    case 'in': {
      const value = valueOf(predicate.column);
      if (value === null || value === undefined) return null;
      let sawNull = false;
      for (const candidate of predicate.values) {
        if (candidate === null) {
          sawNull = true;
          continue;
        }
        if (compareValues(value, candidate, typeOf(predicate.column)) === 0) return !predicate.negated;
      }
      return sawNull ? null : predicate.negated;
    }
    case 'and': {
      const left = evaluatePredicate(predicate.left, valueOf, typeOf);
      if (left === false) return false;
      const right = evaluatePredicate(predicate.right, valueOf, typeOf);
      if (right === false) return false;
      return left === null || right === null ? null : true;
    }
    case 'or': {
      const left = evaluatePredicate(predicate.left, valueOf, typeOf);
      if (left === true) return true;
      const right = evaluatePredicate(predicate.right, valueOf, typeOf);
      if (right === true) return true;
      return left === null || right === null ? null : false;
    }
    case 'not': {
      const inner = evaluatePredicate(predicate.arg, valueOf, typeOf);
      return inner === null ? null : !inner;
    }
  }
}

export function satisfies(order: number, comparison: Comparison): boolean {
  switch (comparison) {
    case '=': return order === 0;
    case '!=': return order !== 0;
    case '<': return order < 0;
    case '<=': return order <= 0;
    case '>': return order > 0;
    case '>=': return order >= 0;
  }
}
