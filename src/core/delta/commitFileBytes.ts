/**
 * A transaction's commit file at each attempt of the commit loop. Between attempts only the
 * commitInfo's timestamp changes, so without an in-commit timestamp the rest of the file (the
 * commitInfo line after its timestamp, then the action lines) is encoded once and each
 * attempt writes the timestamp's digits before it. The bytes equal withCommitInfo's.
 */
import type { CommitInfo } from './actions.ts';
import { toCommitInfo, withCommitInfo, type Transaction } from './transaction.ts';

const encoder = new TextEncoder();
/** How every commitInfo line starts: toCommitInfo puts the timestamp first. */
const head = '{"commitInfo":{"timestamp":';

export interface CommitAttemptFile {
  commitInfo: CommitInfo;
  bytes: Uint8Array;
}

/** The commit file for an attempt at `timestamp` (and its in-commit timestamp, when the table writes one). */
export function commitFileBytes(tx: Transaction, engineInfo: string, actionLines: Uint8Array): (timestamp: number, inCommitTimestamp?: number) => CommitAttemptFile {
  let rest: Uint8Array | undefined;
  return (timestamp, inCommitTimestamp) => {
    const commitInfo = toCommitInfo(tx, { timestamp, engineInfo, inCommitTimestamp });
    // An in-commit timestamp sits inside the line's rest; JSON writes a number that is not finite as null.
    if (inCommitTimestamp !== undefined || !Number.isFinite(timestamp)) return { commitInfo, bytes: withCommitInfo(commitInfo, actionLines) };
    rest ??= restAfterTimestamp(tx, engineInfo, actionLines);
    if (!rest) return { commitInfo, bytes: withCommitInfo(commitInfo, actionLines) };
    const start = head + String(timestamp);
    const bytes = new Uint8Array(start.length + rest.length);
    encoder.encodeInto(start, bytes);
    bytes.set(rest, start.length);
    return { commitInfo, bytes };
  };
}

/** The bytes after the timestamp's digits: the rest of the commitInfo line, then the action lines. */
function restAfterTimestamp(tx: Transaction, engineInfo: string, actionLines: Uint8Array): Uint8Array | undefined {
  const line = `${JSON.stringify({ commitInfo: toCommitInfo(tx, { timestamp: 0, engineInfo }) })}\n`;
  if (!line.startsWith(`${head}0`)) return undefined;
  const tail = encoder.encode(line.slice(head.length + 1));
  const rest = new Uint8Array(tail.length + actionLines.length);
  rest.set(tail, 0);
  rest.set(actionLines, tail.length);
  return rest;
}
