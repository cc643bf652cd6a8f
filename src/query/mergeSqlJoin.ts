/**
 * MERGE's join in duckdb-wasm: the source's predicate columns registered once, each target
 * file's predicate columns (the kept rows, plus a row number) registered in turn, straight from
 * their Arrow buffers, and the merge predicate run as the ON clause of an inner join under the
 * merge's own aliases: its equalities as they are, the rest as predicateSql.ts renders the
 * parsed predicate. The clauses are then applied to the matches by the executor, exactly as with
 * the TypeScript hash join.
 */
import { Field, Int32, Schema, Table, makeData, makeVector, type Vector } from 'apache-arrow';
import { quoteIdentifier } from '../core/sqlNames.ts';
import type { SqlEngine } from './duckdbEngine.ts';
import { consecutiveRows, interleave } from './arrowInterleave.ts';
import { mergeColumnTypes, predicateColumns, type MatchInputs, type MergeMatcher } from './mergeMatch.ts';
import { toDuckdbPredicate } from './predicateSql.ts';
import type { WriteColumn } from './writeColumns.ts';

const rowColumn = '__lakelab_row';
let joins = 0;

export async function sqlMatcher(engine: SqlEngine, inputs: MatchInputs): Promise<MergeMatcher> {
  const { spec, join, source, columns } = inputs;
  const typeOf = mergeColumnTypes(inputs);
  const named = predicateColumns(spec, join);
  const run = ++joins;
  const sourceTable = `__lakelab_merge_source_${run}`;
  const targetTable = `__lakelab_merge_target_${run}`;
  const numbered = (vectors: [string, Vector][], length: number) => {
    const rows = makeVector(makeData({ type: new Int32(), length, data: consecutiveRows(0, length) }));
    const all: [string, Vector][] = [...vectors, [rowColumn, rows]];
    return new Table(new Schema(all.map(([name, v]) => new Field(name, v.type, true))), Object.fromEntries(all));
  };
  const sourceVectors = [...named.source].flatMap((name): [string, Vector][] => {
    const vector = source.vector(name);
    return vector ? [[name, vector]] : [];
  });
  await engine.registerArrow(sourceTable, numbered(sourceVectors, source.length));
  const targetColumns = [...named.target].map((name) => columns.find((c) => c.name === name) as WriteColumn);
  const t = quoteIdentifier(spec.targetAlias);
  const s = quoteIdentifier(spec.sourceAlias);
  // A name under an alias is that side's column; a bare one is the target's (as PairValues reads it).
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
  const none = { targetRows: new Int32Array(0), sourceRows: new Int32Array(0) };
  return {
    async matchFile(target) {
      if (target.length === 0 || source.length === 0) return none;
      const vectors = targetColumns.map((c): [string, Vector] => {
        const slots = target.slots(c.name);
        return [c.name, makeVector(interleave(c.arrowType, slots.sources, { which: slots.which, rows: slots.rows, length: target.length }))];
      });
      await engine.registerArrow(targetTable, numbered(vectors, target.length));
      const result = await engine.query(sql);
      const targetRows = result.getChild('target_row')?.toArray() as Int32Array | undefined;
      const sourceRows = result.getChild('source_row')?.toArray() as Int32Array | undefined;
      if (!targetRows || !sourceRows) throw new Error('bug: the merge join returned no row numbers');
      return { targetRows, sourceRows };
    },
    async close() {
      await engine.drop(targetTable);
      await engine.drop(sourceTable);
    },
  };
}
