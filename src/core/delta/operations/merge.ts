/**
 * MERGE with delta-rs's builder vocabulary, as plain data, and the read set delta-rs derives
 * for it (operations/merge/filter.rs): no early filter with any not-matched-by-source clause
 * or with streamed execution (the Python default), so the whole table is read; otherwise the
 * merge predicate generalised from the source (partition columns -> IN the source's values,
 * other columns -> BETWEEN the source's min and max; other source relations dropped).
 */
import { LakeError } from '../../errors.ts';
import type { DeltaSnapshot } from '../snapshot.ts';
import type { DataType } from '../schemaTypes.ts';
import { parsePredicate } from '../parsePredicate.ts';
import { columnsOf, type Literal, type Predicate } from '../predicate.ts';
import { compareValues } from '../compareValues.ts';

export type MergeClause =
  | { kind: 'whenMatchedUpdate'; set: Record<string, string>; condition?: string }
  | { kind: 'whenMatchedUpdateAll'; condition?: string }
  | { kind: 'whenMatchedDelete'; condition?: string }
  | { kind: 'whenNotMatchedInsert'; values: Record<string, string>; condition?: string }
  | { kind: 'whenNotMatchedInsertAll'; condition?: string }
  | { kind: 'whenNotMatchedBySourceUpdate'; set: Record<string, string>; condition?: string }
  | { kind: 'whenNotMatchedBySourceDelete'; condition?: string };

export interface MergeSpec {
  /** e.g. "t.filename = s.filename" */
  predicate: string;
  sourceAlias: string;
  targetAlias: string;
  clauses: MergeClause[];
  /** delta-rs Python's `streamed_exec` (default true): no early filter, the whole table is read. */
  streamedExec?: boolean;
}

/** The merge predicate split into the equalities a hash join uses and the rest. */
export interface MergeJoin {
  keys: { target: string; source: string }[];
  /** Other conditions, on aliased columns ("t.x > 1", "s.y = 'a'"). */
  residual: Predicate[];
}

export function planMergeJoin(spec: MergeSpec): MergeJoin {
  const keys: MergeJoin['keys'] = [];
  const residual: Predicate[] = [];
  const columnOn = (name: string, alias: string) => (name.startsWith(`${alias}.`) && !name.slice(alias.length + 1).includes('.') ? name.slice(alias.length + 1) : undefined);
  for (const part of conjunctsOf(parsePredicate(spec.predicate))) {
    if (part.op === 'compareColumns' && part.comparison === '=') {
      const key = (onTarget: string, onSource: string) => {
        const target = columnOn(onTarget, spec.targetAlias);
        const source = columnOn(onSource, spec.sourceAlias);
        return target !== undefined && source !== undefined ? { target, source } : undefined;
      };
      const found = key(part.column, part.other) ?? key(part.other, part.column);
      if (found) {
        keys.push(found);
        continue;
      }
    }
    residual.push(part);
  }
  if (keys.length === 0) throw new LakeError('InvalidInput', `the merge predicate "${spec.predicate}" needs at least one equality between ${spec.targetAlias}.<column> and ${spec.sourceAlias}.<column>`);
  return { keys, residual };
}

/** The parts of a predicate joined by its top-level ANDs. */
function conjunctsOf(predicate: Predicate): Predicate[] {
  return predicate.op === 'and' ? [...conjunctsOf(predicate.left), ...conjunctsOf(predicate.right)] : [predicate];
}

/**
 * The early filter delta-rs records as the merge's read predicate, over target columns
 * (unaliased); undefined when the merge reads the whole table.
 */
export function planMergeEarlyFilter(spec: MergeSpec, join: MergeJoin, snapshot: DeltaSnapshot, source: readonly Record<string, unknown>[] | ((column: string) => readonly unknown[])): Predicate | undefined {
  if (spec.streamedExec !== false) return undefined;
  if (spec.clauses.some((c) => c.kind.startsWith('whenNotMatchedBySource'))) return undefined;
  const types = new Map<string, DataType>(snapshot.schema.fields.map((f) => [f.name, f.type]));
  const partitions = new Set(snapshot.metadata.partitionColumns);
  const parts: Predicate[] = [];
  for (const key of join.keys) {
    const type = types.get(key.target) ?? 'string';
    const values = (typeof source === 'function' ? source(key.source) : source.map((r) => r[key.source])).filter((v) => v !== null && v !== undefined) as Literal[];
    if (values.length === 0) return { op: 'isNull', column: key.target, negated: false }; // nothing can match
    if (partitions.has(key.target)) {
      parts.push({ op: 'in', column: key.target, values: [...new Set(values.map(String))], negated: false });
    } else {
      let min = values[0] as Literal;
      let max = values[0] as Literal;
      for (const v of values) {
        if ((compareValues(v, min, type) ?? 0) < 0) min = v;
        if ((compareValues(v, max, type) ?? 0) > 0) max = v;
      }
      parts.push({ op: 'and', left: { op: 'compare', column: key.target, comparison: '>=', value: min }, right: { op: 'compare', column: key.target, comparison: '<=', value: max } });
    }
  }
  for (const condition of join.residual) {
    const columns = [...columnsOf(condition)];
    if (columns.every((c) => c.startsWith(`${spec.targetAlias}.`))) parts.push(stripAlias(condition, spec.targetAlias));
  }
  return parts.reduce((left, right) => ({ op: 'and', left, right }));
}

export function stripAlias(predicate: Predicate, alias: string): Predicate {
  const strip = (column: string) => (column.startsWith(`${alias}.`) ? column.slice(alias.length + 1) : column);
  switch (predicate.op) {
    case 'and': case 'or':
      return { ...predicate, left: stripAlias(predicate.left, alias), right: stripAlias(predicate.right, alias) };
    case 'not':
      return { op: 'not', arg: stripAlias(predicate.arg, alias) };
    case 'compareColumns':
      return { ...predicate, column: strip(predicate.column), other: strip(predicate.other) };
    default:
      return { ...predicate, column: strip(predicate.column) };
  }
}

/** Predicate text as delta-rs records it in operationParameters (names backtick-quoted where they need it); parsePredicate reads it back. */
export function toPredicateText(predicate: Predicate): string {
  const literal = (v: Literal) => (typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));
  const name = (column: string) => column.split('.').map((part) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(part) && !keywords.has(part.toUpperCase()) ? part : `\`${part.replace(/`/g, '``')}\``)).join('.');
  switch (predicate.op) {
    case 'and': return `${toPredicateText(predicate.left)} AND ${toPredicateText(predicate.right)}`;
    case 'or': return `(${toPredicateText(predicate.left)} OR ${toPredicateText(predicate.right)})`;
    case 'not': return `NOT (${toPredicateText(predicate.arg)})`;
    case 'isNull': return `${name(predicate.column)} IS ${predicate.negated ? 'NOT ' : ''}NULL`;
    case 'in': return `${name(predicate.column)} ${predicate.negated ? 'NOT ' : ''}IN (${predicate.values.map(literal).join(', ')})`;
    case 'compare': return `${name(predicate.column)} ${predicate.comparison} ${literal(predicate.value)}`;
    case 'compareColumns': return `${name(predicate.column)} ${predicate.comparison} ${name(predicate.other)}`;
  }
}

/** Words the predicate grammar reads as keywords or values: a column so named is quoted. */
const keywords = new Set(['AND', 'OR', 'NOT', 'IS', 'IN', 'NULL', 'TRUE', 'FALSE', 'DATE', 'TIMESTAMP', 'TIMESTAMP_NTZ']);
