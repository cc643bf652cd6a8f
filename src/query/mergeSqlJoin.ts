/**
 * MERGE's join in duckdb-wasm: the source registered once, each target file's rows (only the
 * columns the predicate names, plus a row number) registered in turn, and the merge predicate
 * run as the ON clause of an inner join under the merge's own aliases: its equalities as they
 * are, the rest as predicateSql.ts renders the parsed predicate. The clauses are then applied
 * to the matches by the executor, exactly as with the TypeScript hash join.
 */
import { quoteIdentifier } from '../core/sqlNames.ts';
import type { SqlEngine } from './duckdbEngine.ts';
import { toArrowTable, type ColumnSpec } from './jsonToArrow.ts';
import { mergeColumnTypes, predicateColumns, type MatchInputs, type MergeMatcher } from './mergeMatch.ts';
import { toDuckdbPredicate } from './predicateSql.ts';

const rowColumn = '__lakelab_row';
let joins = 0;

export async function sqlMatcher(engine: SqlEngine, inputs: MatchInputs): Promise<MergeMatcher> {
  const { spec, join, source } = inputs;
  const typeOf = mergeColumnTypes(inputs);
  const columns = predicateColumns(spec, join);
  const run = ++joins;
  const sourceTable = `__lakelab_merge_source_${run}`;
  const targetTable = `__lakelab_merge_target_${run}`;
  const sourceSpecs: ColumnSpec[] = [...columns.source].map((name) => ({ name, type: typeOf(`${spec.sourceAlias}.${name}`), nullable: true }));
  const targetSpecs: ColumnSpec[] = [...columns.target].map((name) => ({ name, type: typeOf(`${spec.targetAlias}.${name}`), nullable: true }));
  const numbered = (columnSpecs: ColumnSpec[]) => [...columnSpecs, { name: rowColumn, type: 'integer' as const, nullable: false }];
  const pick = (row: Record<string, unknown>, specs: ColumnSpec[], index: number) => {
    const out: Record<string, unknown> = { [rowColumn]: index };
    for (const column of specs) out[column.name] = row[column.name];
    return out;
  };
  await engine.registerArrow(sourceTable, toArrowTable(source.map((row, i) => pick(row, sourceSpecs, i)), numbered(sourceSpecs)));
  const t = quoteIdentifier(spec.targetAlias);
  const s = quoteIdentifier(spec.sourceAlias);
  // A name under an alias is that side's column; a bare one is the target's (as valuesUnderAliases reads it).
  const sqlOf = (column: string) => {
    const parts = column.split('.');
    const aliased = parts.length > 1 && (parts[0] === spec.sourceAlias || parts[0] === spec.targetAlias);
    return [aliased ? quoteIdentifier(parts[0] ?? '') : t, ...(aliased ? parts.slice(1) : parts).map(quoteIdentifier)].join('.');
  };
  const on = [
    ...join.keys.map((k) => `${t}.${quoteIdentifier(k.target)} = ${s}.${quoteIdentifier(k.source)}`),
    ...join.residual.map((p) => toDuckdbPredicate(p, { sqlOf, typeOf })),
  ].join(' AND ');
  const sql = `SELECT ${t}.${rowColumn} AS target_row, ${s}.${rowColumn} AS source_row
    FROM ${quoteIdentifier(targetTable)} AS ${t} JOIN ${quoteIdentifier(sourceTable)} AS ${s}
    ON ${on} ORDER BY target_row, source_row`;
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
