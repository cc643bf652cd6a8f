/**
 * A commit's timestamp (PROTOCOL.md "In-Commit Timestamps"): `commitInfo.inCommitTimestamp`
 * when the table writes them, else the commit file's modification time.
 */
import type { CommitInfo, Metadata } from './actions.ts';

export function commitTimestampOf(commitInfo: CommitInfo | undefined, fileModificationTime: number): number {
  const ict = commitInfo?.inCommitTimestamp;
  return typeof ict === 'number' ? ict : fileModificationTime;
}

/** The first version with in-commit timestamps, when the table has them enabled. */
export function inCommitTimestampsFrom(metadata: Metadata): number | undefined {
  if (metadata.configuration['delta.enableInCommitTimestamps'] !== 'true') return undefined;
  const from = Number(metadata.configuration['delta.inCommitTimestampEnablementVersion'] ?? 0);
  return Number.isFinite(from) ? from : 0;
}
