/**
 * A Delta table's state at one version, as a value. Built by loadSnapshot.ts (log segment +
 * replay); read by scans, the explorer, and the commit path (conflict checks, plans).
 */
import type { TimeTravel } from './timeTravel.ts';
import type { Add, CommitInfo, DomainMetadata, Metadata, Protocol, Txn } from './actions.ts';
import type { StructType } from './schemaTypes.ts';

/** Which files a snapshot was built from. */
export interface LogSegment {
  /** The checkpoint replay started from, if any. */
  checkpoint?: {
    version: number;
    kind: 'classic' | 'multi-part' | 'v2';
    /** Keys of the checkpoint files read (parts, or the top-level file then its sidecars). */
    files: string[];
  };
  /** Keys of the JSON commits replayed after the checkpoint, in version order. */
  commitFiles: string[];
  /** The version requested (or resolved from a timestamp). */
  version: number;
}

export interface DeltaSnapshot {
  /** Key prefix of the table in its store ('' or ending in '/'). */
  readonly tableRoot: string;
  readonly version: number;
  readonly protocol: Protocol;
  readonly metadata: Metadata;
  /** The logical schema (metadata.schemaString parsed). */
  readonly schema: StructType;
  /** Active files, keyed by path + deletion-vector id, in a stable order. */
  readonly files: readonly Add[];
  /** Latest txn per appId. */
  readonly appTransactions: ReadonlyMap<string, Txn>;
  /** Latest domain metadata per domain, tombstones dropped. */
  readonly domainMetadata: ReadonlyMap<string, DomainMetadata>;
  /** The commit's own time (commitTimestamp.ts): in-commit timestamp, else commitInfo.timestamp, else file mtime. */
  readonly timestamp: number;
  /** commitInfo of `version` itself, when its JSON commit was read. */
  readonly commitInfo?: CommitInfo;
  /** How a timestamp was resolved to `version`, when the snapshot was asked for by time. */
  readonly timeTravel?: TimeTravel;
  readonly logSegment: LogSegment;
}
