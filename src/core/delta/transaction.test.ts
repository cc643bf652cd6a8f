/** A commit file's bytes: commitInfo first, then one action a line, each line ending in a line break. */
import { describe, expect, it } from 'vitest';
import type { Action, CommitInfo } from './actions.ts';
import { toActionLines, toCommitBytes, withCommitInfo } from './transaction.ts';

const actions: Action[] = [
  { add: { path: 'été.parquet', partitionValues: {}, size: 1, modificationTime: 1, dataChange: true } },
  { remove: { path: 'a.parquet', dataChange: true } },
];
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const lines = (commitInfo: CommitInfo, all: readonly Action[]) => [{ commitInfo }, ...all].map((a) => `${JSON.stringify(a)}\n`).join('');

describe('toCommitBytes', () => {
  it('writes the commitInfo line, ASCII or not, before the action lines, as UTF-8', () => {
    for (const commitInfo of [{ timestamp: 1, operation: 'WRITE' }, { timestamp: 2, operation: 'WRITE', engineInfo: 'Lakelab/sim:日本 😀' }]) {
      for (const all of [[], actions]) {
        const bytes = toCommitBytes(commitInfo, all);
        expect(text(bytes)).toBe(lines(commitInfo, all));
        expect(bytes.length).toBe(new TextEncoder().encode(lines(commitInfo, all)).length);
      }
    }
  });

  it('writes each attempt from the action lines encoded once, and leaves them as they were', () => {
    const encoded = toActionLines(actions);
    const before = encoded.slice();
    for (const timestamp of [1, 2]) expect(text(withCommitInfo({ timestamp, operation: 'WRITE' }, encoded))).toBe(lines({ timestamp, operation: 'WRITE' }, actions));
    expect(encoded).toEqual(before);
  });
});
