/**
 * MERGE, copy-on-write: the source joined with the files the merge reads (its early filter's
 * files, or all of them) in duckdb-wasm when the context has an engine, else by a hash join in
 * TypeScript (mergeMatch.ts); clauses applied in order as delta-rs applies them, files with
 * changed rows rewritten, unmatched source rows inserted. Metrics named as delta-rs's.
 */
import { LakeError } from '../core/errors.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import type { DataType } from '../core/delta/schemaTypes.ts';
import { toRewriteActions, filesToRead, type FileRewrite } from '../core/delta/operations/rewrite.ts';
import { planMergeEarlyFilter, planMergeJoin, toPredicateText, type MergeClause, type MergeJoin, type MergeSpec } from '../core/delta/operations/merge.ts';
import { evaluatePredicate, type Predicate } from '../core/delta/predicate.ts';
import { parsePredicate } from '../core/delta/parsePredicate.ts';
import { toReadContext } from '../core/delta/operations/readTransaction.ts';
import type { Transaction } from '../core/delta/transaction.ts';
import { columnTypes, hashMatcher, predicateColumns, valuesUnderAliases } from './mergeMatch.ts';
import { sqlMatcher } from './mergeSqlJoin.ts';
import { SnapshotRows, type Row } from './tableRows.ts';
import { requireWritable, writeRowsFor, type WriteContext } from './writeContext.ts';
import { toSetValue } from './setExpressions.ts';

export interface MergeResult {
  transaction: Transaction;
  metrics: Record<string, number>;
  /** A few rows of each kind, for a preview before committing. */
  samples: { inserted: Row[]; updated: Row[]; deleted: Row[] };
  /** Where the source was joined with the table. */
  joinedIn: 'duckdb-wasm' | 'TypeScript';
}

const sampleSize = 20;

export async function runMerge(snapshot: DeltaSnapshot, spec: MergeSpec, source: readonly Record<string, unknown>[], context: WriteContext): Promise<MergeResult> {
  const started = context.now();
  requireWritable(snapshot, spec.clauses.some((c) => c.kind.includes('Delete') || c.kind.includes('Update')));
  const types = new Map<string, DataType>(snapshot.schema.fields.map((f) => [f.name, f.type]));
  const typeOf = columnTypes(types);
  const join = planMergeJoin(spec);
  requirePredicateColumns(spec, join, types, source);
  const earlyFilter = planMergeEarlyFilter(spec, join, snapshot, source);
  const conditions = new Map<MergeClause, Predicate>(spec.clauses.flatMap((c) => (c.condition ? [[c, parsePredicate(c.condition)] as [MergeClause, Predicate]] : [])));
  const matcher = context.joinEngine
    ? await sqlMatcher(context.joinEngine, { spec, join, source, types })
    : hashMatcher({ spec, join, source, types });
  try {
    const holds = (clause: MergeClause, target: Row | undefined, sourceRow: Record<string, unknown> | undefined) => {
      const condition = conditions.get(clause);
      return !condition || evaluatePredicate(condition, valuesUnderAliases(spec, target, sourceRow), typeOf) === true;
    };
    const setValues = (base: Row, set: Record<string, string>, sourceRow: Record<string, unknown> | undefined): Row => {
      const out: Row = { ...base };
      for (const [column, expression] of Object.entries(set)) {
        if (!types.has(column)) throw new LakeError('InvalidInput', `the merge sets column "${column}", which the table does not have`);
        out[column] = toSetValue(expression, base, spec.targetAlias, sourceRow && { alias: spec.sourceAlias, row: sourceRow }) as Row[string];
      }
      return out;
    };

    const candidates = filesToRead(snapshot, earlyFilter);
    const rows = new SnapshotRows(context.store, snapshot);
    const matchedSource = new Uint8Array(source.length);
    const counts = { inserted: 0, updated: 0, deleted: 0, copied: 0 };
    const samples: MergeResult['samples'] = { inserted: [], updated: [], deleted: [] };
    const rewrites: FileRewrite[] = [];
    let scanMs = 0;
    let rewriteMs = 0;
    const matched = spec.clauses.filter((c) => c.kind.startsWith('whenMatched'));
    const bySource = spec.clauses.filter((c) => c.kind.startsWith('whenNotMatchedBySource'));
    const notMatched = spec.clauses.filter((c) => c.kind === 'whenNotMatchedInsert' || c.kind === 'whenNotMatchedInsertAll');

    for (const file of candidates) {
      const scanStart = context.now();
      const fileRows = await rows.ofFile(file);
      scanMs += context.now() - scanStart;
      const output: Row[] = [];
      let changed = 0;
      let updatedHere = 0;
      const fileMatches = await matcher.matchFile(fileRows);
      for (const [rowIndex, target] of fileRows.entries()) {
        const matches = fileMatches[rowIndex] ?? [];
        for (const i of matches) matchedSource[i] = 1;
        // Several source rows for one target row only matter when a matched clause would change it.
        if (matches.length > 1 && matched.some((c) => matches.some((i) => holds(c, target, source[i])))) {
          throw new LakeError('InvalidInput', 'Cannot perform Merge as multiple source rows matched and attempted to modify the same target row in the Delta table in possibly conflicting ways');
        }
        const sourceIndex = matches[0];
        const sourceRow = sourceIndex === undefined ? undefined : source[sourceIndex];
        const clause = (sourceRow ? matched : bySource).find((c) => holds(c, target, sourceRow));
        if (!clause) {
          output.push(target);
          continue;
        }
        changed++;
        if (clause.kind === 'whenMatchedDelete' || clause.kind === 'whenNotMatchedBySourceDelete') {
          counts.deleted++;
          if (samples.deleted.length < sampleSize) samples.deleted.push(target);
          continue;
        }
        const set = clause.kind === 'whenMatchedUpdateAll' ? allColumns(snapshot, spec.sourceAlias) : 'set' in clause ? clause.set : {};
        const updated = setValues(target, set, sourceRow);
        counts.updated++;
        updatedHere++;
        if (samples.updated.length < sampleSize) samples.updated.push(updated);
        output.push(updated);
      }
      if (changed === 0) continue;
      counts.copied += output.length - updatedHere;
      const rewriteStart = context.now();
      rewrites.push({ removed: file, added: await writeRowsFor(snapshot, output, context) });
      rewriteMs += context.now() - rewriteStart;
    }

    const inserts: Row[] = [];
    source.forEach((sourceRow, i) => {
      if (matchedSource[i]) return;
      const clause = notMatched.find((c) => holds(c, undefined, sourceRow));
      if (!clause) return;
      const values = clause.kind === 'whenNotMatchedInsertAll' ? allColumns(snapshot, spec.sourceAlias) : clause.kind === 'whenNotMatchedInsert' ? clause.values : {};
      const empty: Row = Object.fromEntries(snapshot.schema.fields.map((f) => [f.name, null]));
      const inserted = setValues(empty, values, sourceRow);
      inserts.push(inserted);
      if (samples.inserted.length < sampleSize) samples.inserted.push(inserted);
    });
    counts.inserted = inserts.length;
    const insertStart = context.now();
    const insertAdds = await writeRowsFor(snapshot, inserts, context);
    rewriteMs += context.now() - insertStart;

    const added = rewrites.reduce((n, r) => n + r.added.length, 0) + insertAdds.length;
    const metrics = {
      num_source_rows: source.length,
      num_target_rows_inserted: counts.inserted,
      num_target_rows_updated: counts.updated,
      num_target_rows_deleted: counts.deleted,
      num_target_rows_copied: counts.copied,
      num_output_rows: counts.inserted + counts.updated + counts.copied,
      num_target_files_added: added,
      num_target_files_removed: rewrites.length,
      execution_time_ms: context.now() - started,
      scan_time_ms: scanMs,
      rewrite_time_ms: rewriteMs,
    };
    const describe = (clauses: MergeClause[]) => JSON.stringify(clauses.map((c) => ({ actionType: c.kind.replace(/^when(NotMatchedBySource|NotMatched|Matched)/, '').replace(/All$/, '').toLowerCase(), ...(c.condition ? { predicate: c.condition } : {}) })));
    const operationParameters: Record<string, unknown> = {
      predicate: spec.predicate,
      matchedPredicates: describe(matched),
      notMatchedPredicates: describe(notMatched),
      notMatchedBySourcePredicates: describe(bySource),
    };
    if (earlyFilter) operationParameters.mergePredicate = toPredicateText(earlyFilter);
    const transaction: Transaction = {
      ...toReadContext(snapshot, 'MERGE', context.isolationLevel),
      operationParameters,
      operationMetrics: metrics,
      readFiles: candidates.map((f) => f.path),
      readPredicate: earlyFilter,
      readPredicateText: earlyFilter ? toPredicateText(earlyFilter) : undefined,
      readWholeTable: !earlyFilter,
      actions: toRewriteActions(rewrites, insertAdds, context.now()),
      isBlindAppend: false,
    };
    return { transaction, metrics, samples, joinedIn: context.joinEngine ? 'duckdb-wasm' : 'TypeScript' };
  } finally {
    await matcher.close();
  }
}

function allColumns(snapshot: DeltaSnapshot, sourceAlias: string): Record<string, string> {
  return Object.fromEntries(snapshot.schema.fields.map((f) => [f.name, `${sourceAlias}.${f.name}`]));
}

/** A column the merge predicate names must exist on its side, or every row would silently fail to match. */
function requirePredicateColumns(spec: MergeSpec, join: MergeJoin, types: ReadonlyMap<string, DataType>, source: readonly Record<string, unknown>[]): void {
  const sourceColumns = new Set(source.flatMap((row) => Object.keys(row)));
  const named = predicateColumns(spec, join);
  for (const column of named.source) {
    if (source.length > 0 && !sourceColumns.has(column)) {
      throw new LakeError('InvalidInput', `the merge predicate names ${spec.sourceAlias}.${column}, which the source does not have; it has: ${[...sourceColumns].join(', ')}`);
    }
  }
  for (const column of named.target) {
    if (!types.has(column)) throw new LakeError('InvalidInput', `the merge predicate names ${spec.targetAlias}.${column}, which the table does not have; it has: ${[...types.keys()].join(', ')}`);
  }
}
