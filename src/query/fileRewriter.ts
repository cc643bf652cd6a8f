/**
 * What happens to one data file a DELETE, UPDATE or MERGE changed: its kept and updated rows
 * written as new files, column by column (rewriteColumns.ts, columnDataFiles.ts), and the file
 * removed; or, where the table has deletion vectors enabled and the change touches at most
 * `deletionVectorMaxShare` of the file's rows, the file kept with a deletion vector marking the
 * changed rows, and only the updated rows written anew. Writes may go on while the next file is
 * read, when the encoder works off this thread (pipeline()). With the counts, the few sample rows a
 * preview shows, and the time it took.
 */
import { makeVector, type Data } from 'apache-arrow';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import type { FileRewrite } from '../core/delta/operations/rewrite.ts';
import { toColumnMappingMode, type ColumnMappingMode } from '../core/delta/columnMapping.ts';
import type { LakeError } from '../core/errors.ts';
import { buildColumns, type Assignment } from './rewriteColumns.ts';
import { interleave } from './arrowInterleave.ts';
import { writeColumnFiles } from './columnDataFiles.ts';
import type { FileColumns, Slots } from './fileColumns.ts';
import type { MergeSource } from './mergeSource.ts';
import { toJsonValues, type JsonValue } from './jsonValues.ts';
import type { WriteColumn } from './writeColumns.ts';
import type { WriteContext } from './writeContext.ts';
import type { Row } from './tableRows.ts';
import type { Add } from '../core/delta/actions.ts';
import { joinKey } from '../core/objectStore.ts';
import { randomUuid } from '../core/rng.ts';
import { loadDeletionVector } from '../core/delta/deletionVector.ts';
import { mergeDeletedRows, planDeletionVectorFile } from '../core/delta/deletionVectorWrite.ts';

/**
 * A change to at most this share of a file's live rows is recorded in a deletion vector; more,
 * and the file is rewritten (docs/decisions/0021). Rewriting costs reading and writing the whole
 * file once; a deletion vector costs every later reader the rows it hides, until compaction.
 */
export const deletionVectorMaxShare = 0.25;

/** Writes deletion vectors only where the table has them enabled and its protocol lists the feature. */
export function writesDeletionVectors(snapshot: DeltaSnapshot): boolean {
  const { protocol, metadata } = snapshot;
  return metadata.configuration['delta.enableDeletionVectors'] === 'true'
    && (protocol.writerFeatures ?? []).includes('deletionVectors') && (protocol.readerFeatures ?? []).includes('deletionVectors');
}

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
  /** New data files written, and files removed from the table (a file kept under a deletion vector is neither). */
  filesAdded = 0;
  filesRemoved = 0;
  private readonly mode: ColumnMappingMode;
  private readonly deletionVectors: boolean;
  private readonly marked: { add: Add; rows: number[] }[] = [];
  private readonly updatedRows: { data: Map<string, Data>; length: number }[] = [];
  /** Rewritten files' writes not yet awaited (pipeline()). */
  private readonly writing: Promise<void>[] = [];

  constructor(private readonly snapshot: DeltaSnapshot, private readonly columns: readonly WriteColumn[], private readonly context: WriteContext, private readonly samples: RowSamples) {
    this.mode = toColumnMappingMode(snapshot.metadata);
    this.deletionVectors = writesDeletionVectors(snapshot);
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
    if (this.deletionVectors && deleted + updated <= file.length * deletionVectorMaxShare) {
      await this.mark(file, action, actionSource, assignments, aliases, updated);
      this.rewriteMs += this.context.now() - start;
      return { deleted, updated, copied: 0 };
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
    const rewrite: FileRewrite = { removed: file.add, added: [] };
    this.rewrites.push(rewrite);
    this.filesRemoved++;
    const written = writeColumnFiles(this.snapshot, this.columns, { length, data, partition: setsPartition ? undefined : file.partition }, this.context).then((added) => {
      rewrite.added = added;
      this.filesAdded += added.length;
    });
    await this.pipeline(written);
    this.rewriteMs += this.context.now() - start;
    return { deleted, updated, copied: length - updated };
  }

  /**
   * With an encoder that works off this thread, up to its concurrency files' writes go on while
   * the caller reads and rebuilds the next file; finish() waits for them. Without, each write is
   * done before rewrite() returns, as the simulator's traces need.
   */
  private async pipeline(written: Promise<void>): Promise<void> {
    const concurrency = this.context.dataFileEncoder?.concurrency ?? 0;
    written.catch(() => undefined);
    this.writing.push(written);
    while (this.writing.length > concurrency) await this.writing.shift();
  }

  private async drain(): Promise<void> {
    while (this.writing.length > 0) await this.writing.shift();
  }

  /** The changed rows hidden by a deletion vector (the file's earlier one included); the updated rows kept to be written with finish(). */
  private async mark(file: FileColumns, action: Int32Array, actionSource: Int32Array, assignments: readonly Assignment[], aliases: RewriteAliases, updated: number): Promise<void> {
    const changed: number[] = [];
    const rows = { length: updated, target: new Int32Array(updated), source: new Int32Array(updated), assignment: new Int32Array(updated) };
    for (let t = 0, k = 0; t < file.length; t++) {
      if (action[t] === KEEP) continue;
      changed.push(file.positions[t] as number);
      if ((action[t] as number) < 0) continue;
      rows.target[k] = t;
      rows.source[k] = actionSource[t] as number;
      rows.assignment[k] = action[t] as number;
      k++;
    }
    const data = updated === 0 ? undefined : buildColumns(rows, assignments, { columns: this.columns, mode: this.mode, file, ...aliases });
    for (let k = 0; data && k < updated && this.samples.updated.length < sampleSize; k++) this.samples.updated.push(this.rowAt((c) => ({ data: data.get(c.name) as Data, row: k })));
    const before = file.add.deletionVector ? await loadDeletionVector(this.context.store, file.add.deletionVector, this.snapshot.tableRoot) : [];
    if (data) this.updatedRows.push({ data, length: updated });
    this.marked.push({ add: file.add, rows: mergeDeletedRows(before, changed) });
  }

  /** The updated rows of every file marked, written together (not a small file per file). */
  private async writeUpdatedRows(): Promise<Add[]> {
    if (this.updatedRows.length === 0) return [];
    const length = this.updatedRows.reduce((n, u) => n + u.length, 0);
    const which = new Uint16Array(length);
    const rows = new Int32Array(length);
    let k = 0;
    this.updatedRows.forEach((u, i) => { for (let r = 0; r < u.length; r++, k++) { which[k] = i; rows[k] = r; } });
    const data = new Map(this.columns.map((c) => [c.name, this.updatedRows.length === 1
      ? (this.updatedRows[0]?.data.get(c.name) as Data)
      : interleave(c.arrowType, this.updatedRows.map((u) => u.data.get(c.name) as Data), { which, rows, length })]));
    return writeColumnFiles(this.snapshot, this.columns, { length, data }, this.context);
  }

  /** Writes the updated rows of the files marked, then the one deletion vector file for them, and records their new adds. Call once, after the last file. */
  async finish(): Promise<void> {
    const start = this.context.now();
    await this.drain();
    if (this.marked.length === 0) {
      this.rewriteMs += this.context.now() - start;
      return;
    }
    const added = await this.writeUpdatedRows();
    this.filesAdded += added.length;
    const dvFile = planDeletionVectorFile(this.marked.map((m) => m.rows), randomUuid(this.context.rng));
    await this.context.store.put(joinKey(this.snapshot.tableRoot, dvFile.path), dvFile.bytes);
    const now = this.context.now();
    this.marked.forEach((m, i) => {
      const kept: Add = { ...m.add, modificationTime: now, dataChange: true, deletionVector: dvFile.descriptors[i], stats: withLooseBounds(m.add.stats) };
      this.rewrites.push({ removed: m.add, added: i === 0 ? [kept, ...added] : [kept] });
    });
    this.rewriteMs += this.context.now() - start;
  }

  /** Deletion-vector figures for the metrics, on tables that write them (Spark's numDeletionVectorsAdded and numDeletionVectorsUpdated). */
  deletionVectorMetrics(): Record<string, number> {
    if (!this.deletionVectors) return {};
    const updated = this.marked.filter((m) => m.add.deletionVector).length;
    return { num_deletion_vectors_added: this.marked.length - updated, num_deletion_vectors_updated: updated };
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

/** Stats of a file under a deletion vector bound its rows but are no longer tight (PROTOCOL.md "Per-file Statistics"). */
function withLooseBounds(stats: string | null | undefined): string | null | undefined {
  if (!stats) return stats;
  return JSON.stringify({ ...(JSON.parse(stats) as object), tightBounds: false });
}

function updatedIn(action: Int32Array, assignment: number): boolean {
  return action.includes(assignment);
}
