/**
 * The columns of rewritten rows, built buffer to buffer: each output row is a target row kept
 * as it is, or changed by one assignment set (an UPDATE's SET, a MERGE clause's), or a source
 * row inserted by one. For every column, each output row names the Data and the row its value
 * comes from (the target's column, a source column, a literal), and arrowInterleave.ts copies
 * them in one pass. No row ever becomes a JavaScript object.
 */
import type { Data } from 'apache-arrow';
import { LakeError } from '../core/errors.ts';
import type { ColumnMappingMode } from '../core/delta/columnMapping.ts';
import { interleave } from './arrowInterleave.ts';
import type { FileColumns, Slots } from './fileColumns.ts';
import type { MergeSource } from './mergeSource.ts';
import { parseSetExpression, resolveAlias, type SetExpression } from './setExpressions.ts';
import { toConstantData, type WriteColumn } from './writeColumns.ts';

/** Column name -> expression text; a column left out keeps the target row's value (null when inserting). */
export type Assignment = Readonly<Record<string, string>>;

export interface OutputRows {
  length: number;
  /** Per output row: the target row (-1: none, an insert), the source row (-1: none) and the assignment (-1: kept as it is). */
  target: Int32Array;
  source: Int32Array;
  assignment: Int32Array;
}

export interface BuildContext {
  columns: readonly WriteColumn[];
  mode: ColumnMappingMode;
  targetAlias: string;
  sourceAlias?: string;
  file?: FileColumns;
  source?: MergeSource;
  /** How a set naming a column the table lacks is refused. */
  unknownColumn: (column: string) => LakeError;
}

export function buildColumns(rows: OutputRows, assignments: readonly Assignment[], context: BuildContext): Map<string, Data> {
  const known = new Set(context.columns.map((c) => c.name));
  const used = new Set<number>();
  for (let k = 0; k < rows.length; k++) if ((rows.assignment[k] as number) >= 0) used.add(rows.assignment[k] as number);
  const parsed = assignments.map((a, i) => {
    if (!used.has(i)) return new Map<string, { text: string; expression: SetExpression }>();
    for (const column of Object.keys(a)) if (!known.has(column)) throw context.unknownColumn(column);
    return new Map(Object.entries(a).map(([column, text]) => [column, { text, expression: parseSetExpression(text) }]));
  });
  const out = new Map<string, Data>();
  for (const column of context.columns) out.set(column.name, buildColumn(column, rows, parsed, context));
  return out;
}

type Side = 'target' | 'source' | 'constant';
const [targetSide, sourceSide, constantSide] = [0, 1, 2];

function buildColumn(column: WriteColumn, rows: OutputRows, parsed: readonly Map<string, { text: string; expression: SetExpression }>[], context: BuildContext): Data {
  const groups: Slots[] = [];
  const bases: number[] = [];
  let base = 0;
  const add = (slots: Slots) => {
    const at = groups.indexOf(slots);
    if (at >= 0) return at;
    groups.push(slots);
    bases.push(base);
    base += slots.sources.length;
    return groups.length - 1;
  };
  let nullGroup = -1;
  const nulls = () => (nullGroup >= 0 ? nullGroup : (nullGroup = add({ sources: [toConstantData(null, column, context.mode)], which: null, rows: null })));
  const ownGroup = context.file ? add(context.file.slots(column.name)) : -1;
  const kept: [number, Side] = ownGroup >= 0 ? [ownGroup, 'target'] : [nulls(), 'constant'];
  const byAssignment = parsed.map((set): [number, Side, string?] => {
    const entry = set.get(column.name);
    if (!entry) return context.file ? kept : [nulls(), 'constant'];
    const { text, expression } = entry;
    if (expression.kind === 'invalid') throw expression.error;
    if (expression.kind === 'literal') return [add({ sources: [toConstantData(expression.value, column, context.mode)], which: null, rows: null }), 'constant'];
    const side = resolveAlias(text, expression, context.targetAlias, context.sourceAlias);
    if (side === 'source') {
      const slots = context.source?.slots(expression.column, column, context.mode);
      return slots ? [add(slots), 'source', text] : [nulls(), 'constant'];
    }
    const exists = context.columns.some((c) => c.name === expression.column);
    return context.file && exists ? [add(context.file.slots(expression.column, column)), 'target'] : [nulls(), 'constant'];
  });
  // Per assignment (index 0: none, the row kept): its group, and the side whose row it reads.
  const choices = [kept, ...byAssignment];
  const groupOf = Int32Array.from(choices, ([g]) => g);
  const sideOf = Uint8Array.from(choices, ([, side]) => (side === 'target' ? targetSide : side === 'source' ? sourceSide : constantSide));
  const groupWhich = groups.map((g) => g.which);
  const groupRows = groups.map((g) => g.rows);
  const which = new Uint16Array(rows.length);
  const picked = new Int32Array(rows.length);
  let identity = groups.length === 1 && ownGroup === 0;
  // Rows kept from the file, most of a rewrite's, in a loop of their own.
  const keptFromFile = groupOf[0] === ownGroup && sideOf[0] === targetSide;
  const ownWhich = keptFromFile ? groupWhich[ownGroup] : null;
  const ownRows = keptFromFile ? groupRows[ownGroup] : null;
  const ownBase = keptFromFile ? (bases[ownGroup] as number) : 0;
  for (let k = 0; k < rows.length; k++) {
    if (keptFromFile && (rows.assignment[k] as number) < 0) {
      const r = rows.target[k] as number;
      which[k] = ownBase + (ownWhich ? (ownWhich[r] as number) : 0);
      picked[k] = ownRows ? (ownRows[r] as number) : 0;
      if (identity && (which[k] !== 0 || picked[k] !== k)) identity = false;
      continue;
    }
    const choice = (rows.assignment[k] as number) + 1;
    const g = groupOf[choice] as number;
    const side = sideOf[choice] as number;
    if (g !== ownGroup || side !== targetSide) identity = false;
    const r = side === targetSide ? (rows.target[k] as number) : side === sourceSide ? (rows.source[k] as number) : 0;
    // A not-matched-by-source clause has no source row: its source alias is unknown there, as delta-rs's planner says.
    if (r < 0) throw new LakeError('InvalidInput', `"${((choices[choice] as [number, Side, string?])[2] ?? '').trim()}": unknown alias "${context.sourceAlias ?? ''}"`);
    const slotWhich = groupWhich[g];
    const slotRows = groupRows[g];
    which[k] = (bases[g] as number) + (slotWhich ? (slotWhich[r] as number) : 0);
    picked[k] = slotRows ? (slotRows[r] as number) : 0;
    if (identity && (which[k] !== 0 || picked[k] !== k)) identity = false;
  }
  const sources = groups.flatMap((g) => g.sources);
  if (identity && sources.length === 1 && (sources[0] as Data).length === rows.length) return sources[0] as Data;
  return interleave(column.arrowType, sources, { which: sources.length === 1 ? null : which, rows: picked, length: rows.length });
}
