/**
 * The Delta files a DuckLake snapshot's table is made of, as entries keyed by what they come
 * from (`file:<data_file_id>`, `inlined:<table>:<snapshot>`), each with a signature of what
 * the Delta side must show for it: which rows are hidden (deletion vector), whether the file can
 * be referenced in place or its rows must be written out (a column added with a default the
 * file lacks, a file added from outside with a name mapping, or, at reader version 1, any
 * deleted row, rename or type change). Two snapshots' entries differ where a commit must say so.
 */
import type { DucklakeCatalog } from '../catalog.ts';
import type { Id } from '../catalogRows.ts';
import { toColumnTree, type DucklakeField, type DucklakeType } from '../columnTree.ts';
import { filesAt, type FileAtSnapshot, type TableFiles } from '../tableFiles.ts';
import { fileReadsAs } from './fileReadsAs.ts';
import { hiddenBatchRows, hiddenRows, type ExportFacts, type InlinedBatch } from './exportFacts.ts';

export type EntrySource = { kind: 'file'; file: FileAtSnapshot } | { kind: 'inlined'; batch: InlinedBatch };

export interface ExportEntry {
  key: string;
  source: EntrySource;
  /** Positions (of the file, or of the batch in row_id order) the snapshot does not see. */
  hidden: number[];
  rowCount: number;
  /** The rows must be written out rather than the file referenced. */
  mustWrite: boolean;
  signature: string;
}

export interface EntryContext {
  catalog: DucklakeCatalog;
  tableId: Id;
  files: TableFiles;
  facts: ExportFacts;
  batches: readonly InlinedBatch[];
  readerVersion: 1 | 3;
  /** Each column id's physical name (column mapping). */
  physical: (id: Id) => string;
}

export function entriesAt(context: EntryContext, snapshotId: Id, fields: readonly DucklakeField[]): Map<string, ExportEntry> {
  const out = new Map<string, ExportEntry>();
  const now = shapeOf(fields, context.readerVersion === 1);
  for (const file of filesAt(context.files, snapshotId)) {
    const hidden = hiddenRows(file, snapshotId, context.facts);
    const footer = context.facts.fileSchemas?.get(file.dataFile.data_file_id);
    const written = toColumnTree(context.catalog.columns, context.tableId, file.dataFile.begin_snapshot, context.catalog.name);
    const readsAs = footer
      ? fileReadsAs(footer, fields, context.readerVersion === 3, context.physical)
      : !needsFill(written, fields) && sameShape(written, fields, context.readerVersion === 1);
    const mustWrite = file.dataFile.mapping_id !== null || !readsAs || (context.readerVersion === 1 && hidden.length > 0);
    add(out, `file:${file.dataFile.data_file_id}`, { kind: 'file', file }, hidden, file.dataFile.record_count, mustWrite, now);
  }
  for (const batch of context.batches) {
    const hidden = hiddenBatchRows(batch, snapshotId);
    if (hidden === undefined) continue;
    add(out, batch.key, { kind: 'inlined', batch }, hidden, batch.rows.length, context.readerVersion === 1 && hidden.length > 0, now);
  }
  return out;
}

function add(out: Map<string, ExportEntry>, key: string, source: EntrySource, hidden: number[], rowCount: number, mustWrite: boolean, shape: string): void {
  if (hidden.length >= rowCount) return;
  out.set(key, { key, source, hidden, rowCount, mustWrite, signature: `${mustWrite ? 'w' : 'p'}:${hidden.length}:${hashRows(hidden)}:${mustWrite ? hashText(shape) : ''}` });
}

/** A column the snapshot has, with a non-null initial default, that the file was written without. */
function needsFill(written: readonly DucklakeField[], fields: readonly DucklakeField[]): boolean {
  const had = new Set<Id>();
  const visit = (f: DucklakeField) => {
    had.add(f.id);
    childrenOf(f.type).forEach(visit);
  };
  written.forEach(visit);
  const missing = (f: DucklakeField): boolean => (!had.has(f.id) && f.initialDefault !== null && f.initialDefault !== 'NULL') || childrenOf(f.type).some(missing);
  return fields.some(missing);
}

function childrenOf(type: DucklakeType): DucklakeField[] {
  return type.kind === 'struct' ? type.fields : type.kind === 'list' ? [type.element] : type.kind === 'map' ? [type.key, type.value] : [];
}

/** Field ids and types (and names, without column mapping): what a reader matches a file by. */
function shapeOf(fields: readonly DucklakeField[], withNames: boolean): string {
  return fields.map((f) => fieldShape(f, withNames)).sort().join(';');
}

function fieldShape(f: DucklakeField, withNames: boolean): string {
  const type = f.type.kind === 'primitive' ? f.type.name : `${f.type.kind}(${childrenOf(f.type).map((c) => fieldShape(c, withNames)).join(',')})`;
  return `${f.id}${withNames ? `:${f.name}` : ''}:${type}`;
}

/** The columns the file was written with and the snapshot still has read the same (same type, and name without column mapping). */
function sameShape(written: readonly DucklakeField[], fields: readonly DucklakeField[], withNames: boolean): boolean {
  const then = new Map(written.map((f) => [f.id, fieldShape(f, withNames)]));
  return fields.every((f) => !then.has(f.id) || then.get(f.id) === fieldShape(f, withNames));
}

export function hashRows(rows: readonly number[]): string {
  let h = 0x811c9dc5;
  for (const row of rows) {
    h ^= row & 0xffff;
    h = Math.imul(h, 0x01000193) >>> 0;
    h ^= row >>> 16;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
}

function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
}
