/**
 * What an earlier export left in the target's Delta log: the last DuckLake snapshot it wrote
 * (commitInfo.ducklake.snapshotId of the latest version), the table it came from, and its files
 * grouped by the entry each came from (add.tags "ducklake.entry" / "ducklake.signature"), so an
 * incremental export appends only the snapshots since and diffs against what is there.
 */
import type { Add, CommitInfo, Metadata, Protocol } from '../../delta/actions.ts';
import type { Id } from '../catalogRows.ts';

export const entryTag = 'ducklake.entry';
export const signatureTag = 'ducklake.signature';
/** An inlined batch written whole, in row_id order, in one file: later deletes can be a deletion vector on it. */
export const wholeTag = 'ducklake.whole';

/** commitInfo.ducklake of every exported commit. */
export interface ExportProvenance {
  catalog: string;
  table: string;
  tableId: Id;
  tableUuid: string | null;
  snapshotId: Id;
  snapshotTime: string;
  changesMade: string | null;
}

export interface ExportedEntry {
  signature: string;
  adds: Add[];
}

export interface PreviousExport {
  version: number;
  provenance: ExportProvenance;
  metadata: Metadata;
  protocol: Protocol;
  inCommitTimestamp: number;
  entries: Map<string, ExportedEntry>;
}

export function provenanceOf(commitInfo: CommitInfo | undefined): ExportProvenance | undefined {
  const value = commitInfo?.ducklake;
  if (!value || typeof value !== 'object') return undefined;
  const p = value as Partial<ExportProvenance>;
  return typeof p.snapshotId === 'number' && typeof p.tableId === 'number' ? (p as ExportProvenance) : undefined;
}

export function toExportedEntries(adds: readonly Add[]): Map<string, ExportedEntry> {
  const out = new Map<string, ExportedEntry>();
  for (const add of adds) {
    const key = add.tags?.[entryTag] ?? `delta:${add.path}`;
    const entry = out.get(key) ?? { signature: add.tags?.[signatureTag] ?? '', adds: [] };
    entry.adds.push(add);
    out.set(key, entry);
  }
  return out;
}
