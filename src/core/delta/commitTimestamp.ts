/**
 * A commit's times. Its own time, as delta-rs's `history()` and DESCRIBE HISTORY give it and the
 * history and snapshots show: `commitInfo.inCommitTimestamp` where the table writes in-commit
 * timestamps, else `commitInfo.timestamp` (the writer's clock), else the commit file's
 * modification time. Time travel by timestamp follows PROTOCOL.md ("In-Commit Timestamps")
 * instead: in-commit timestamps from `delta.inCommitTimestampEnablementVersion` on, file
 * modification times before (timeTravel.ts).
 */
import type { CommitInfo, Metadata } from './actions.ts';

export function commitTimestampOf(commitInfo: CommitInfo | undefined, fileModificationTime: number): number {
  const ict = inCommitTimestampOf(commitInfo);
  if (ict !== undefined) return ict;
  const own = commitInfo?.timestamp;
  return typeof own === 'number' && Number.isFinite(own) ? own : fileModificationTime;
}

export function inCommitTimestampOf(commitInfo: CommitInfo | undefined): number | undefined {
  const ict = commitInfo?.inCommitTimestamp;
  return typeof ict === 'number' && Number.isFinite(ict) ? ict : undefined;
}

/** The first version with in-commit timestamps, when the table has them enabled. */
export function inCommitTimestampsFrom(metadata: Metadata): number | undefined {
  if (metadata.configuration['delta.enableInCommitTimestamps'] !== 'true') return undefined;
  const from = Number(metadata.configuration['delta.inCommitTimestampEnablementVersion'] ?? 0);
  return Number.isFinite(from) ? from : 0;
}
