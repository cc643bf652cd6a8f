/** Live mode in real Chromium: writer workers racing on a real folder (the origin-private file system). */
import { describe, expect, it } from 'vitest';
import { runLive } from './liveRunner.ts';
import { LocalFolderStore } from '../storage/localFolderStore.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { parquetCodec } from '../query/parquetRows.ts';

describe('live mode', () => {
  it('eight appender workers race on a real folder, all commit, and the folder holds the Delta table', async () => {
    const root = await navigator.storage.getDirectory();
    const name = `live-${Date.now()}`;
    const folder = await root.getDirectoryHandle(name, { create: true });
    try {
      const result = await runLive('blind-appenders', { folder });
      expect(result.live).toBe(true);
      const errors = result.trace.filter((event) => JSON.stringify(event).includes('error'));
      expect({ outcomes: Object.values(result.outcomes), errors }).toEqual({ outcomes: Array(8).fill('committed'), errors: [] });
      expect(result.invariantViolations).toEqual([]);
      const snapshot = await loadSnapshot(new LocalFolderStore(folder), '', { codec: parquetCodec });
      expect(snapshot.version).toBe(8);
      expect(snapshot.files.length).toBe(9);
    } finally {
      await root.removeEntry(name, { recursive: true });
    }
  }, 120_000);
});
