/**
 * MERGE, columnar: the source as Arrow columns (mergeSource.ts), each file the merge reads (its
 * early filter's files, or all of them) as Arrow columns (fileColumns.ts), joined in duckdb-wasm
 * when the context has an engine, else by a hash join over the key columns (mergeMatch.ts);
 * clauses applied in order as delta-rs applies them, to row numbers; files with changed rows
 * rewritten buffer to buffer (rewriteColumns.ts) or, where the table has deletion vectors,
 * marked in one (mergeRewrite.ts); unmatched source rows inserted. Metrics named as delta-rs's.
 */
import { LakeError } from '../core/errors.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import type { DataType } from '../core/delta/schemaTypes.ts';
import { toRewriteActions, filesToRead } from '../core/delta/operations/rewrite.ts';
import { planMergeEarlyFilter, planMergeJoin, toPredicateText, type MergeClause, type MergeJoin, type MergeSpec } from '../core/delta/operations/merge.ts';
import { evaluatePredicate, type Predicate } from '../core/delta/predicate.ts';
import { parsePredicate } from '../core/delta/parsePredicate.ts';
import { toReadContext } from '../core/delta/operations/readTransaction.ts';
import { planScan } from '../core/delta/planScan.ts';
import { toColumnMappingMode } from '../core/delta/columnMapping.ts';
import type { Transaction } from '../core/delta/transaction.ts';
import { columnTypes, hashMatcher, PairValues, predicateColumns } from './mergeMatch.ts';
import { sqlMatcher } from './mergeSqlJoin.ts';
import { isArrowSource, toMergeSource, type MergeSource, type MergeSourceInput } from './mergeSource.ts';
import { loadFileColumns } from './fileColumns.ts';
import { buildColumns, type Assignment } from './rewriteColumns.ts';
import { toWriteColumns } from './writeColumns.ts';
import { writeColumnFiles } from './columnDataFiles.ts';
import { DELETE, FileRewriter, type RowSamples } from './fileRewriter.ts';
import type { Row } from './tableRows.ts';
import { requireWritable, type WriteContext } from './writeContext.ts';

export interface MergeResult {
  transaction: Transaction;
  metrics: Record<string, number>;
  /** A few rows of each kind, for a preview before committing. */
  samples: { inserted: Row[]; updated: Row[]; deleted: Row[] };
  /** Where the source was joined with the table. */
  joinedIn: 'duckdb-wasm' | 'TypeScript';
}

const multipleMatches = 'Cannot perform Merge as multiple source rows matched and attempted to modify the same target row in the Delta table in possibly conflicting ways';

export async function runMerge(snapshot: DeltaSnapshot, spec: MergeSpec, sourceInput: MergeSourceInput, context: WriteContext): Promise<MergeResult> {
  const started = context.now();
  requireWritable(snapshot, spec.clauses.some((c) => c.kind.includes('Delete') || c.kind.includes('Update')));
  const types = new Map<string, DataType>(snapshot.schema.fields.map((f) => [f.name, f.type]));
  const typeOf = columnTypes(types);
  const join = planMergeJoin(spec);
  const source = toMergeSource(sourceInput, join, types);
  requirePredicateColumns(spec, join, types, source);
  const earlyFilter = planMergeEarlyFilter(spec, join, snapshot, isArrowSource(sourceInput) ? (column) => Array.from({ length: source.length }, (_, i) => source.jsonAt(column, i)) : sourceInput);
  const conditions = new Map<MergeClause, Predicate>(spec.clauses.flatMap((c) => (c.condition ? [[c, parsePredicate(c.condition)] as [MergeClause, Predicate]] : [])));
  const mode = toColumnMappingMode(snapshot.metadata);
  const columns = toWriteColumns(snapshot);
  const inputs = { spec, join, source, types, columns, mode };
  const matcher = context.joinEngine ? await sqlMatcher(context.joinEngine, inputs) : hashMatcher(inputs);
  try {
    const pair = new PairValues(spec, source);
    const holds = (clause: MergeClause, at: PairValues = pair) => {
      const condition = conditions.get(clause);
      return !condition || evaluatePredicate(condition, at.valueOf, typeOf) === true;
    };
    const matched = spec.clauses.filter((c) => c.kind.startsWith('whenMatched'));
    const bySource = spec.clauses.filter((c) => c.kind.startsWith('whenNotMatchedBySource'));
    const notMatched = spec.clauses.filter((c) => c.kind === 'whenNotMatchedInsert' || c.kind === 'whenNotMatchedInsertAll');
    const all = allColumns(snapshot, spec.sourceAlias);
    const assignments: Assignment[] = spec.clauses.map((c) => (c.kind === 'whenMatchedUpdateAll' || c.kind === 'whenNotMatchedInsertAll' ? all : 'set' in c ? c.set : 'values' in c ? c.values : {}));
    const clauseIndex = new Map(spec.clauses.map((c, i) => [c, i]));
    const isDelete = (c: MergeClause) => c.kind === 'whenMatchedDelete' || c.kind === 'whenNotMatchedBySourceDelete';
    const unknownColumn = (column: string) => new LakeError('InvalidInput', `the merge sets column "${column}", which the table does not have`);

    const candidates = filesToRead(snapshot, earlyFilter);
    const plan = planScan(snapshot);
    const matchedSource = new Uint8Array(source.length);
    const counts = { inserted: 0, updated: 0, deleted: 0, copied: 0 };
    const samples: RowSamples = { inserted: [], updated: [], deleted: [] };
    const rewriter = new FileRewriter(snapshot, columns, context, samples);
    let scanMs = 0;

    for (const file of candidates) {
      const scanStart = context.now();
      const target = await loadFileColumns(context.store, snapshot, plan, file, columns);
      scanMs += context.now() - scanStart;
      const { targetRows, sourceRows } = await matcher.matchFile(target);
      // Per target row: -1 kept, else the clause applied; and the source row it was applied with.
      const action = new Int32Array(target.length).fill(-1);
      const actionSource = new Int32Array(target.length).fill(-1);
      let changed = 0;
      let p = 0;
      for (let t = 0; t < target.length; t++) {
        // Without a not-matched-by-source clause only matched rows can change: go to the next one.
        if (bySource.length === 0) {
          if (p >= targetRows.length) break;
          t = targetRows[p] as number;
        }
        const first = p;
        while (p < targetRows.length && targetRows[p] === t) matchedSource[sourceRows[p++] as number] = 1;
        const count = p - first;
        // Several source rows for one target row only matter when a matched clause would change it.
        if (count > 1 && matched.some((c) => {
          for (let q = first; q < p; q++) if (holds(c, pair.at(target, t, sourceRows[q] as number))) return true;
          return false;
        })) {
          throw new LakeError('InvalidInput', multipleMatches);
        }
        const s = count > 0 ? (sourceRows[first] as number) : -1;
        const clauses = s >= 0 ? matched : bySource;
        if (clauses.length === 0) continue;
        pair.at(target, t, s);
        const clause = clauses.find((c) => holds(c));
        if (!clause) continue;
        changed++;
        action[t] = isDelete(clause) ? DELETE : (clauseIndex.get(clause) as number);
        actionSource[t] = s;
      }
      if (changed === 0) continue;
      const outcome = await rewriter.rewrite(target, action, actionSource, assignments, { targetAlias: spec.targetAlias, sourceAlias: spec.sourceAlias, source, unknownColumn });
      counts.deleted += outcome.deleted;
      counts.updated += outcome.updated;
      counts.copied += outcome.copied;
    }

    const insertRows: number[] = [];
    const insertClauses: number[] = [];
    for (let s = 0; s < source.length; s++) {
      if (matchedSource[s]) continue;
      pair.at(undefined, -1, s);
      const clause = notMatched.find((c) => holds(c));
      if (!clause) continue;
      insertRows.push(s);
      insertClauses.push(clauseIndex.get(clause) as number);
    }
    await rewriter.finish();
    const insertStart = context.now();
    const inserted = insertRows.length;
    const insertAssignments = assignments.map((a) => Object.fromEntries(columns.map((c) => [c.name, a[c.name] ?? 'null'])));
    const rows = { length: inserted, target: new Int32Array(inserted).fill(-1), source: Int32Array.from(insertRows), assignment: Int32Array.from(insertClauses) };
    const insertData = buildColumns(rows, insertAssignments, { columns, mode, targetAlias: spec.targetAlias, sourceAlias: spec.sourceAlias, source, unknownColumn });
    const insertAdds = await writeColumnFiles(snapshot, columns, { length: inserted, data: insertData }, context);
    samples.inserted.push(...rewriter.samplesOf(insertData, inserted));
    const rewriteMs = rewriter.rewriteMs + context.now() - insertStart;
    counts.inserted = inserted;

    const added = rewriter.filesAdded + insertAdds.length;
    const metrics = {
      num_source_rows: source.length,
      num_target_rows_inserted: counts.inserted,
      num_target_rows_updated: counts.updated,
      num_target_rows_deleted: counts.deleted,
      num_target_rows_copied: counts.copied,
      num_output_rows: counts.inserted + counts.updated + counts.copied,
      num_target_files_added: added,
      num_target_files_removed: rewriter.filesRemoved,
      ...rewriter.deletionVectorMetrics(),
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
      actions: toRewriteActions(rewriter.rewrites, insertAdds, context.now()),
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
function requirePredicateColumns(spec: MergeSpec, join: MergeJoin, types: ReadonlyMap<string, DataType>, source: MergeSource): void {
  const named = predicateColumns(spec, join);
  for (const column of named.source) {
    if (source.length > 0 && !source.names.has(column)) {
      throw new LakeError('InvalidInput', `the merge predicate names ${spec.sourceAlias}.${column}, which the source does not have; it has: ${[...source.names].join(', ')}`);
    }
  }
  for (const column of named.target) {
    if (!types.has(column)) throw new LakeError('InvalidInput', `the merge predicate names ${spec.targetAlias}.${column}, which the table does not have; it has: ${[...types.keys()].join(', ')}`);
  }
}
