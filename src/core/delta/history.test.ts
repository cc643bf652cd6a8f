import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { fixturesDir } from '../../../test/support/fixtures.ts';
import { loadCommit, loadHistory } from './history.ts';

const table = join(fixturesDir, 'delta-rs', 'simple_table');
const logDir = join(table, '_delta_log');
const commitFiles = readdirSync(logDir).filter((f) => /^\d{20}\.json$/.test(f)).sort();
const commitInfoOf = (file: string) =>
  readFileSync(join(logDir, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).find((a) => 'commitInfo' in a)?.commitInfo;

describe('loadHistory', () => {
  it("has one entry per commit, newest first, with its commitInfo, its own time and its file's time", async () => {
    const history = await loadHistory(new NodeFsStore(table), '');
    expect(history.map((h) => h.version)).toEqual(commitFiles.map((f) => Number(f.slice(0, 20))).reverse());
    for (const entry of history) {
      const file = commitFiles[entry.version] ?? '';
      expect(entry.commitInfo).toEqual(commitInfoOf(file));
      expect(Math.abs(entry.fileModificationTime - statSync(join(logDir, file)).mtimeMs)).toBeLessThan(1);
      expect(entry.timestamp).toBe((commitInfoOf(file) as { timestamp: number }).timestamp);
    }
  });

  it('stops at the limit', async () => {
    const history = await loadHistory(new NodeFsStore(table), '', { limit: 2 });
    expect(history.map((h) => h.version)).toEqual([commitFiles.length - 1, commitFiles.length - 2]);
  });

  it('lists only the commits a vacuumed table still has', async () => {
    const history = await loadHistory(new NodeFsStore(join(fixturesDir, 'delta-rs', 'checkpoints_vacuumed')), '');
    expect(history.map((h) => h.version)).toEqual([12, 11, 10, 9, 8, 7, 6, 5]);
  });
});

describe('loadCommit', () => {
  it('reads one commit as actions', async () => {
    const commit = await loadCommit(new NodeFsStore(table), '', 0);
    const lines = readFileSync(join(logDir, commitFiles[0] ?? ''), 'utf8').split('\n').filter(Boolean);
    expect(commit.version).toBe(0);
    expect(commit.actions).toHaveLength(lines.length);
  });

  it('is NotFound for a commit that does not exist', async () => {
    await expect(loadCommit(new NodeFsStore(table), '', 999)).rejects.toMatchObject({ code: 'NotFound' });
  });
});
