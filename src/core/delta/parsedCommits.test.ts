/** Commits parsed once per store: shared only while the bytes are the same, and frozen. */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { maxSharedCommitBytes, parseSharedCommit, shareParsedCommits, sharedCommitBytesPerStore } from './parsedCommits.ts';
import { commitKey } from './logPaths.ts';

const encoder = new TextEncoder();
const commit = (operation: string) => encoder.encode(`${JSON.stringify({ commitInfo: { operation } })}\n${JSON.stringify({ remove: { path: 'a.parquet' } })}\n`);
const key = commitKey('', 1);
const sharingStore = () => {
  const store = new MemoryStore();
  shareParsedCommits(store);
  return store;
};

describe('parseSharedCommit', () => {
  it('parses afresh on every read from a store that did not ask to share (a history reads each commit once)', () => {
    const store = new MemoryStore();
    const first = parseSharedCommit(store, key, commit('WRITE'), '1.json');
    expect(parseSharedCommit(store, key, commit('WRITE'), '1.json')).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(false);
  });

  it('gives every read of the same bytes the same actions, frozen at every depth', () => {
    const store = sharingStore();
    const first = parseSharedCommit(store, key, commit('WRITE'), '1.json');
    expect(parseSharedCommit(store, key, commit('WRITE'), '1.json')).toBe(first);
    expect(first).toEqual([{ commitInfo: { operation: 'WRITE' } }, { remove: { path: 'a.parquet', dataChange: true } }]);
    expect(() => (first as unknown[]).push({})).toThrow(TypeError);
    expect(() => { (first[1] as { remove: { path: string } }).remove.path = 'b.parquet'; }).toThrow(TypeError);
  });

  it('parses again when the bytes under a key changed, and shares nothing between stores', () => {
    const store = sharingStore();
    const first = parseSharedCommit(store, key, commit('WRITE'), '1.json');
    const rewritten = parseSharedCommit(store, key, commit('DELETE'), '1.json');
    expect(rewritten).not.toBe(first);
    expect(rewritten[0]).toEqual({ commitInfo: { operation: 'DELETE' } });
    expect(parseSharedCommit(sharingStore(), key, commit('DELETE'), '1.json')).not.toBe(rewritten);
  });

  it('tells apart bytes one byte apart, in a whole word or in the last few, and compares views that start off a 4-byte boundary', () => {
    const store = sharingStore();
    // 71 bytes: 17 whole words, then 3; the blank last line ends in a space or a tab.
    const withEnd = (operation: string, end: string) => encoder.encode(`${new TextDecoder().decode(commit(operation))} ${end}`);
    const bytes = withEnd('WRITE', ' ');
    expect(bytes.length).toBe(71);
    for (const other of [withEnd('WRITF', ' '), withEnd('WRITE', '\t')]) {
      const shared = parseSharedCommit(store, key, bytes, '1.json');
      expect(parseSharedCommit(store, key, bytes.slice(), '1.json')).toBe(shared);
      expect(other.length).toBe(bytes.length);
      expect(parseSharedCommit(store, key, other, '1.json')).not.toBe(shared);
    }
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const again = parseSharedCommit(store, key, shifted.subarray(1), '1.json');
    expect(parseSharedCommit(store, key, bytes, '1.json')).toBe(again);
  });

  it('keeps its own copy: bytes changed after the read do not pass for the commit parsed', () => {
    const store = sharingStore();
    const bytes = commit('WRITE');
    const first = parseSharedCommit(store, key, bytes, '1.json');
    bytes.set(encoder.encode('{"commitInfo":{"operation":"MERGE"}}'), 0);
    expect(parseSharedCommit(store, key, bytes, '1.json')).not.toBe(first);
  });

  it('forgets the first commits parsed once a store holds more than its budget of commit bytes', () => {
    const store = sharingStore();
    const padded = (version: number) => encoder.encode(`${JSON.stringify({ commitInfo: { operation: 'WRITE', version, padding: 'x'.repeat(maxSharedCommitBytes - 100) } })}\n`);
    const count = Math.ceil(sharedCommitBytesPerStore / (maxSharedCommitBytes - 50)) + 1;
    const first = Array.from({ length: count }, (_, v) => parseSharedCommit(store, commitKey('', v), padded(v), `${v}.json`));
    expect(parseSharedCommit(store, commitKey('', count - 1), padded(count - 1), 'last.json')).toBe(first[count - 1]);
    expect(parseSharedCommit(store, commitKey('', 0), padded(0), '0.json')).not.toBe(first[0]);
  });

  it('parses a large commit on every read, and an error names the file each time', () => {
    const store = sharingStore();
    const large = encoder.encode(`${JSON.stringify({ commitInfo: { operation: 'WRITE', padding: 'x'.repeat(maxSharedCommitBytes) } })}\n`);
    expect(parseSharedCommit(store, key, large, '1.json')).not.toBe(parseSharedCommit(store, key, large, '1.json'));
    const broken = encoder.encode('{"commitInfo":\n');
    expect(() => parseSharedCommit(store, key, broken, '1.json')).toThrow(/1\.json line 1/);
    expect(() => parseSharedCommit(store, key, broken, 'again.json')).toThrow(/again\.json line 1/);
  });
});
