/**
 * Delta log actions, named and shaped exactly as the protocol writes them
 * (PROTOCOL.md, "Actions"). An Action is the JSON object of one log line: `{"add": {...}}`.
 * Parsing and validation live in parseActions.ts; these are the types everything shares.
 */

/** PROTOCOL.md "Deletion Vector Descriptor Schema". */
export interface DeletionVectorDescriptor {
  /** 'u' relative path from a UUID, 'i' inline, 'p' absolute path. */
  storageType: 'u' | 'i' | 'p';
  pathOrInlineDv: string;
  offset?: number;
  sizeInBytes: number;
  cardinality: number;
  maxRowIndex?: number;
}

/** PROTOCOL.md "Add File and Remove File". `path` is a URI-encoded relative path or absolute URI. */
export interface Add {
  path: string;
  partitionValues: Record<string, string | null>;
  size: number;
  modificationTime: number;
  dataChange: boolean;
  /** A JSON string with numRecords, minValues, maxValues, nullCount. */
  stats?: string | null;
  tags?: Record<string, string> | null;
  deletionVector?: DeletionVectorDescriptor | null;
  baseRowId?: number | null;
  defaultRowCommitVersion?: number | null;
  clusteringProvider?: string | null;
  /** Checkpoints written with delta.checkpoint.writeStatsAsStruct. */
  stats_parsed?: Record<string, unknown> | null;
  partitionValues_parsed?: Record<string, unknown> | null;
}

export interface Remove {
  path: string;
  deletionTimestamp?: number | null;
  dataChange: boolean;
  extendedFileMetadata?: boolean | null;
  partitionValues?: Record<string, string | null> | null;
  size?: number | null;
  stats?: string | null;
  tags?: Record<string, string> | null;
  deletionVector?: DeletionVectorDescriptor | null;
  baseRowId?: number | null;
  defaultRowCommitVersion?: number | null;
}

/** PROTOCOL.md "Change Metadata". */
export interface Metadata {
  id: string;
  name?: string | null;
  description?: string | null;
  format: { provider: string; options?: Record<string, string> | null };
  schemaString: string;
  partitionColumns: string[];
  createdTime?: number | null;
  configuration: Record<string, string>;
}

/** PROTOCOL.md "Protocol Evolution". Features only with reader 3 / writer 7. */
export interface Protocol {
  minReaderVersion: number;
  minWriterVersion: number;
  readerFeatures?: string[] | null;
  writerFeatures?: string[] | null;
}

/** PROTOCOL.md "Commit Provenance Information": free-form, these fields by convention. */
export interface CommitInfo {
  timestamp?: number;
  inCommitTimestamp?: number;
  operation?: string;
  operationParameters?: Record<string, unknown>;
  operationMetrics?: Record<string, unknown>;
  readVersion?: number;
  isolationLevel?: string;
  isBlindAppend?: boolean;
  engineInfo?: string;
  clientVersion?: string;
  [field: string]: unknown;
}

/** PROTOCOL.md "Transaction Identifiers". */
export interface Txn {
  appId: string;
  version: number;
  lastUpdated?: number | null;
}

/** PROTOCOL.md "Domain Metadata". */
export interface DomainMetadata {
  domain: string;
  configuration: string;
  removed: boolean;
}

/** PROTOCOL.md "Add CDC File". */
export interface Cdc {
  path: string;
  partitionValues: Record<string, string | null>;
  size: number;
  dataChange: boolean;
  tags?: Record<string, string> | null;
}

/** PROTOCOL.md "Checkpoint Metadata" (V2 checkpoints). */
export interface CheckpointMetadata {
  version: number;
  tags?: Record<string, string> | null;
}

/** PROTOCOL.md "Sidecar File Information" (V2 checkpoints). */
export interface Sidecar {
  path: string;
  sizeInBytes: number;
  modificationTime: number;
  tags?: Record<string, string> | null;
}

export type Action =
  | { add: Add }
  | { remove: Remove }
  | { metaData: Metadata }
  | { protocol: Protocol }
  | { commitInfo: CommitInfo }
  | { txn: Txn }
  | { domainMetadata: DomainMetadata }
  | { cdc: Cdc }
  | { checkpointMetadata: CheckpointMetadata }
  | { sidecar: Sidecar };

export type ActionType =
  | 'add' | 'remove' | 'metaData' | 'protocol' | 'commitInfo'
  | 'txn' | 'domainMetadata' | 'cdc' | 'checkpointMetadata' | 'sidecar';

export const actionTypes: readonly ActionType[] = [
  'add', 'remove', 'metaData', 'protocol', 'commitInfo',
  'txn', 'domainMetadata', 'cdc', 'checkpointMetadata', 'sidecar',
];

/** One commit of the log, as a value: its version and its actions in file order. */
export interface Commit {
  version: number;
  actions: readonly Action[];
  /** Modification time of the commit file (ms), where known. */
  fileModificationTime?: number;
}

/** The commit's `commitInfo` action, if it has one. */
export function commitInfoOf(actions: readonly Action[]): CommitInfo | undefined {
  for (const action of actions) if ('commitInfo' in action) return action.commitInfo;
  return undefined;
}
