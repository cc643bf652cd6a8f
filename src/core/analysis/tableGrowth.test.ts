import { describe, expect, it } from 'vitest';
import type { Add, Commit } from '../delta/actions.ts';
import { toTableGrowth } from './tableGrowth.ts';

const add = (path: string, size: number, rows?: number): Add => ({ path, size, partitionValues: {}, modificationTime: 0, dataChange: true, stats: rows === undefined ? undefined : JSON.stringify({ numRecords: rows }) });

describe('table growth', () => {
  it('follows files, bytes and rows through adds and removes', () => {
    const commits: Commit[] = [
      { version: 0, actions: [{ add: add('a', 100, 10) }, { add: add('b', 50, 5) }] },
      { version: 1, actions: [{ remove: { path: 'a', dataChange: true } }, { add: add('c', 70, 7) }] },
    ];
    expect(toTableGrowth(undefined, commits)).toEqual([
      { version: 0, files: 2, bytes: 150, rows: 15 },
      { version: 1, files: 2, bytes: 120, rows: 12 },
    ]);
  });

  it('starts from the earliest snapshot of a cleaned-up log, and gives up on rows without stats', () => {
    const points = toTableGrowth({ version: 10, files: [add('a', 100, 10)] }, [{ version: 11, actions: [{ add: add('b', 1) }] }]);
    expect(points).toEqual([{ version: 10, files: 1, bytes: 100, rows: 10 }, { version: 11, files: 2, bytes: 101, rows: null }]);
  });
});
