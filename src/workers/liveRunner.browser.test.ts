/** Live mode in real Chromium: writer workers racing on a real folder (the origin-private file system). */
import { describe, expect, it } from 'vitest';
import { runLive } from './liveRunner.ts';
import { LocalFolderStore } from '../storage/localFolderStore.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { parquetCodec } from '../query/parquetRows.ts';

/** A fresh folder in the origin-private file system, removed afterwards. */
async function inScratchFolder(test: (folder: FileSystemDirectoryHandle) => Promise<void>): Promise<void> {
  const root = await navigator.storage.getDirectory();
  const name = `live-${crypto.randomUUID()}`;
  const folder = await root.getDirectoryHandle(name, { create: true });
  try {
    await test(folder);
  } finally {
    await root.removeEntry(name, { recursive: true });
  }
}

const tableIn = (folder: FileSystemDirectoryHandle) => loadSnapshot(new LocalFolderStore(folder), '', { codec: parquetCodec });

describe('live mode', () => {
  it('eight appender workers race on a real folder, all commit, and the folder holds the Delta table', () => inScratchFolder(async (folder) => {
    const result = await runLive('blind-appenders', { target: { kind: 'folder', folder } });
    expect(result.live).toBe(true);
    const errors = result.trace.filter((event) => JSON.stringify(event).includes('error'));
    expect({ outcomes: Object.values(result.outcomes), errors }).toEqual({ outcomes: Array(8).fill('committed'), errors: [] });
    expect(result.invariantViolations).toEqual([]);
    const snapshot = await tableIn(folder);
    expect(snapshot.version).toBe(8);
    expect(snapshot.files.length).toBe(9);
  }), 120_000);

  it('starts from a served sample: the workers append on top of the table PySpark wrote', () => inScratchFolder(async (folder) => {
    const scenario = {
      version: 1, name: 'live-from-sample', title: 'x', explanation: 'x', table: { fixture: 'basic_append' },
      writers: [1, 2].map((w) => ({ name: `appender-${w}`, steps: [{ read: 'HEAD' }, { append: [{ letter: 'x', number: 10 + w, a_float: 0.5 }] }] })),
    };
    const result = await runLive(scenario, { target: { kind: 'folder', folder }, samplesUrl: new URL('/samples/', location.href).href });
    expect(result.outcomes).toEqual({ 'appender-1': 'committed', 'appender-2': 'committed' });
    expect(result.finalVersion).toBe(3);
    expect(result.invariantViolations).toEqual([]);
    const snapshot = await tableIn(folder);
    expect(snapshot.version).toBe(3);
    expect(snapshot.files.length).toBe(4);
  }), 120_000);

  it('refuses a folder that already holds a table, and leaves it as it was', () => inScratchFolder(async (folder) => {
    await runLive('blind-appenders', { target: { kind: 'folder', folder } });
    const before = await tableIn(folder);
    await expect(runLive('blind-appenders', { target: { kind: 'folder', folder } })).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('already holds a Delta table') });
    const after = await tableIn(folder);
    expect(after.version).toBe(before.version);
    expect(after.files.map((f) => f.path).sort()).toEqual(before.files.map((f) => f.path).sort());
  }), 120_000);
});
