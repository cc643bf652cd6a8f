/**
 * MERGE's join in duckdb-wasm: the source registered once, each target file's rows (only the
 * columns the predicate names, plus a row number) registered in turn, and the merge predicate
 * run as the ON clause of an inner join under the merge's own aliases. The clauses are then
 * applied to the matches by the executor, exactly as with the TypeScript hash join.
 */
import type { DataType } from '../core/delta/schemaTypes.ts';
import { quoteIdentifier } from '../core/sqlNames.ts';
import type { SqlEngine } from './duckdbEngine.ts';
import { toArrowTable, type ColumnSpec } from './jsonToArrow.ts';
import { predicateColumns, type MatchInputs, type MergeMatcher } from './mergeMatch.ts';

const rowColumn = '__lakelab_row';
let joins = 0;

export async function sqlMatcher(engine: SqlEngine, inputs: MatchInputs): Promise<MergeMatcher> {
  const { spec, source, types } = inputs;
  const columns = predicateColumns(inputs.spec, inputs.join);
  const run = ++joins;
  const sourceTable = `__lakelab_merge_source_${run}`;
  const targetTable = `__lakelab_merge_target_${run}`;
  const sourceSpecs: ColumnSpec[] = [...columns.source].map((name) => ({ name, type: sourceType(name, inputs), nullable: true }));
  const targetSpecs: ColumnSpec[] = [...columns.target].map((name) => ({ name, type: types.get(name) ?? 'string', nullable: true }));
  const numbered = (columnSpecs: ColumnSpec[]) => [...columnSpecs, { name: rowColumn, type: 'integer' as const, nullable: false }];
  const pick = (row: Record<string, unknown>, specs: ColumnSpec[], index: number) => {
    const out: Record<string, unknown> = { [rowColumn]: index };
    for (const column of specs) out[column.name] = row[column.name];
    return out;
  };
  await engine.registerArrow(sourceTable, toArrowTable(source.map((row, i) => pick(row, sourceSpecs, i)), numbered(sourceSpecs)));
  const t = quoteIdentifier(spec.targetAlias);
  const s = quoteIdentifier(spec.sourceAlias);
  const sql = `SELECT ${t}.${rowColumn} AS target_row, ${s}.${rowColumn} AS source_row
    FROM ${quoteIdentifier(targetTable)} AS ${t} JOIN ${quoteIdentifier(sourceTable)} AS ${s}
    ON (${toDuckdbPredicate(spec.predicate)}) ORDER BY target_row, source_row`;
  return {
    async matchFile(targetRows) {
      const matches: number[][] = targetRows.map(() => []);
      if (targetRows.length === 0 || source.length === 0) return matches;
      await engine.registerArrow(targetTable, toArrowTable(targetRows.map((row, i) => pick(row, targetSpecs, i)), numbered(targetSpecs)));
      const result = await engine.query(sql);
      const targetIndex = result.getChild('target_row')?.toArray() as Int32Array | undefined;
      const sourceIndex = result.getChild('source_row')?.toArray() as Int32Array | undefined;
      if (!targetIndex || !sourceIndex) throw new Error('bug: the merge join returned no row numbers');
      for (let i = 0; i < targetIndex.length; i++) matches[targetIndex[i] as number]?.push(sourceIndex[i] as number);
      return matches;
    },
    async close() {
      await engine.drop(targetTable);
      await engine.drop(sourceTable);
    },
  };
}

/** A source column compares as the target column it is joined with, else as the target's column of its name, else as its values suggest. */
function sourceType(name: string, { join, source, types }: MatchInputs): DataType {
  const partner = join.keys.find((k) => k.source === name);
  const known = types.get(partner?.target ?? name);
  if (known) return known;
  const values = source.map((row) => row[name]).filter((v) => v !== null && v !== undefined);
  if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.length > 0 && values.every((v) => typeof v === 'bigint')) return 'long';
  if (values.length > 0 && values.every((v) => typeof v === 'number')) return 'double';
  return 'string';
}

/** delta-rs (DataFusion) quotes identifiers with backticks; DuckDB with double quotes. */
function toDuckdbPredicate(predicate: string): string {
  return predicate.replace(/`([^`]*)`/g, (_, name: string) => quoteIdentifier(name));
}
