/**
 * Log replay (PROTOCOL.md "Action Reconciliation"): adds and removes reconciled by path and
 * deletion-vector id; the newest protocol and metadata win; txn latest per appId;
 * domainMetadata latest per domain, `removed` a tombstone.
 */
import type { Action, Add, DeletionVectorDescriptor, DomainMetadata, Metadata, Protocol, Txn } from './actions.ts';

export interface ReplayState {
  files: Map<string, Add>;
  protocol?: Protocol;
  metadata?: Metadata;
  appTransactions: Map<string, Txn>;
  domainMetadata: Map<string, DomainMetadata>;
}

export function emptyReplayState(): ReplayState {
  return { files: new Map(), appTransactions: new Map(), domainMetadata: new Map() };
}

/** The unique id of a deletion vector (PROTOCOL.md "Deletion Vector Descriptor Schema"). */
export function deletionVectorId(dv: DeletionVectorDescriptor | null | undefined): string {
  if (!dv) return '';
  return `${dv.storageType}${dv.pathOrInlineDv}${dv.offset === undefined || dv.offset === null ? '' : `@${dv.offset}`}`;
}

export function fileKey(path: string, dv: DeletionVectorDescriptor | null | undefined): string {
  return dv ? `${path}\u0000${deletionVectorId(dv)}` : path;
}

/** Apply actions in log order (older first). */
export function applyActions(state: ReplayState, actions: readonly Action[]): void {
  for (const action of actions) {
    if ('add' in action) state.files.set(fileKey(action.add.path, action.add.deletionVector), action.add);
    else if ('remove' in action) state.files.delete(fileKey(action.remove.path, action.remove.deletionVector));
    else if ('metaData' in action) state.metadata = action.metaData;
    else if ('protocol' in action) state.protocol = action.protocol;
    else if ('txn' in action) state.appTransactions.set(action.txn.appId, action.txn);
    else if ('domainMetadata' in action) {
      if (action.domainMetadata.removed) state.domainMetadata.delete(action.domainMetadata.domain);
      else state.domainMetadata.set(action.domainMetadata.domain, action.domainMetadata);
    }
  }
}
