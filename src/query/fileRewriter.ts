/**
 * What happens to one data file a DELETE, UPDATE or MERGE changed: its kept and updated rows
 * written as new files, column by column (rewriteColumns.ts, columnDataFiles.ts), and the file
 * removed; with the counts, the few sample rows a preview shows, and the time it took.
 */
import { makeVector, type Data } from 'apache-arrow';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import type { FileRewrite } from '../core/delta/operations/rewrite.ts';
import { toColumnMappingMode, type ColumnMappingMode } from '../core/delta/columnMapping.ts';
import type { LakeError } from '../core/errors.ts';
import { buildColumns, type Assignment } from './rewriteColumns.ts';
import { writeColumnFiles } from './columnDataFiles.ts';
import type { FileColumns, Slots } from './fileColumns.ts';
import type { MergeSource } from './mergeSource.ts';
import { toJsonValues, type JsonValue } from './jsonValues.ts';
import type { WriteColumn } from './writeColumns.ts';
import type { WriteContext } from './writeContext.ts';
import type { Row } from './tableRows.ts';

export interface RowSamples { inserted: Row[]; updated: Row[]; deleted: Row[] }

const sampleSize = 20;

/** Per target row: KEEP, DELETE, or the index of the assignment that changes it. */
export const KEEP = -1;
export const DELETE = -2;

export interface RewriteAliases {
  targetAlias: string;
  sourceAlias?: string;
  source?: MergeSource;
  unknownColumn: (column: string) => LakeError;
}

export class FileRewriter {
  readonly rewrites: FileRewrite[] = [];
  rewriteMs = 0;
  private readonly mode: ColumnMappingMode;

  constructor(private readonly snapshot: DeltaSnapshot, private readonly columns: readonly WriteColumn[], private readonly context: WriteContext, private readonly samples: RowSamples) {
    this.mode = toColumnMappingMode(snapshot.metadata);
  }

  /** `action[t]` per kept row of the file; `actionSource[t]` the source row a merge clause was applied with (-1: none). */
  async rewrite(file: FileColumns, action: Int32Array, actionSource: Int32Array, assignments: readonly Assignment[], aliases: RewriteAliases): Promise<{ deleted: number; updated: number; copied: number }> {
    const start = this.context.now();
    let deleted = 0;
    let updated = 0;
    for (let t = 0; t < file.length; t++) {
      if (action[t] === DELETE) {
        deleted++;
        if (this.samples.deleted.length < sampleSize) this.samples.deleted.push(this.rowAt((c) => slotAt(file.slots(c.name), t)));
      } else if ((action[t] as number) >= 0) updated++;
    }
    const length = file.length - deleted;
    const rows = { length, target: new Int32Array(length), source: new Int32Array(length), assignment: new Int32Array(length) };
    const updatedAt: number[] = [];
    for (let t = 0, k = 0; t < file.length; t++) {
      if (action[t] === DELETE) continue;
      rows.target[k] = t;
      rows.source[k] = actionSource[t] as number;
      rows.assignment[k] = action[t] as number;
      if ((action[t] as number) >= 0 && updatedAt.length < sampleSize) updatedAt.push(k);
      k++;
    }
    const data = buildColumns(rows, assignments, { columns: this.columns, mode: this.mode, file, ...aliases });
    for (const k of updatedAt) if (this.samples.updated.length < sampleSize) this.samples.updated.push(this.rowAt((c) => ({ data: data.get(c.name) as Data, row: k })));
    const setsPartition = this.columns.some((c) => c.isPartition && assignments.some((a, i) => c.name in a && updatedIn(action, i)));
    const added = await writeColumnFiles(this.snapshot, this.columns, { length, data, partition: setsPartition ? undefined : file.partition }, this.context);
    this.rewrites.push({ removed: file.add, added });
    this.rewriteMs += this.context.now() - start;
    return { deleted, updated, copied: length - updated };
  }

  /** Deletion-vector figures for the metrics (none yet: every changed file is rewritten). */
  deletionVectorMetrics(): Record<string, number> {
    return {};
  }

  /** The first rows of columns just built, as JSON rows (the preview's samples). */
  samplesOf(data: ReadonlyMap<string, Data>, length: number): Row[] {
    return Array.from({ length: Math.min(sampleSize, length) }, (_, k) => this.rowAt((c) => ({ data: data.get(c.name) as Data, row: k })));
  }

  private rowAt(at: (column: WriteColumn) => { data: Data; row: number }): Row {
    const row: Record<string, JsonValue> = {};
    for (const column of this.columns) {
      const { data, row: r } = at(column);
      row[column.name] = toJsonValues(makeVector(data.slice(r, 1)), column.type, { path: column.name }, this.mode)[0] ?? null;
    }
    return row;
  }
}

function slotAt(slots: Slots, row: number): { data: Data; row: number } {
  return { data: slots.sources[slots.which ? (slots.which[row] as number) : 0] as Data, row: slots.rows ? (slots.rows[row] as number) : 0 };
}

function updatedIn(action: Int32Array, assignment: number): boolean {
  return action.includes(assignment);
}
