import { describe, expect, it } from 'vitest';
import { commitFileName, commitKey, lastCheckpointKey, sidecarKey, toLogFile, toVersionName } from './logPaths.ts';

describe('log file names', () => {
  it('parses every kind of file in _delta_log/ (PROTOCOL.md "Delta Log Entries", "Checkpoints")', () => {
    expect(toLogFile('00000000000000000012.json')).toEqual({ kind: 'commit', version: 12 });
    expect(toLogFile('00000000000000000010.checkpoint.parquet')).toEqual({ kind: 'checkpoint', version: 10, format: 'classic' });
    expect(toLogFile('00000000000000000010.checkpoint.0000000002.0000000003.parquet')).toEqual({
      kind: 'checkpoint', version: 10, format: 'multi-part', part: 2, parts: 3,
    });
    expect(toLogFile('00000000000000000008.checkpoint.e5ac4dc4-be27-4106-8a55-609707487f83.json')).toEqual({
      kind: 'checkpoint', version: 8, format: 'v2', uuid: 'e5ac4dc4-be27-4106-8a55-609707487f83', extension: 'json',
    });
    expect(toLogFile('00000000000000000008.checkpoint.e5ac4dc4-be27-4106-8a55-609707487f83.parquet')).toMatchObject({ format: 'v2', extension: 'parquet' });
    expect(toLogFile('00000000000000000003.crc')).toEqual({ kind: 'crc', version: 3 });
    expect(toLogFile('00000000000000000004.00000000000000000009.compacted.json')).toEqual({ kind: 'compacted', fromVersion: 4, toVersion: 9 });
    expect(toLogFile('_last_checkpoint')).toEqual({ kind: 'lastCheckpoint' });
  });

  it('ignores files that are not log entries', () => {
    for (const name of ['12.json', '00000000000000000012.json.tmp', '.00000000000000000012.json.crc', '_autostats', 'part-0.parquet', '00000000000000000001.checkpoint.1.2.parquet']) {
      expect(toLogFile(name)).toBeUndefined();
    }
  });

  it('builds keys under the table root', () => {
    expect(toVersionName(7)).toBe('00000000000000000007');
    expect(commitFileName(12)).toBe('00000000000000000012.json');
    expect(commitKey('tables/t/', 1)).toBe('tables/t/_delta_log/00000000000000000001.json');
    expect(commitKey('', 0)).toBe('_delta_log/00000000000000000000.json');
    expect(lastCheckpointKey('t/')).toBe('t/_delta_log/_last_checkpoint');
    expect(sidecarKey('t/', 'a.parquet')).toBe('t/_delta_log/_sidecars/a.parquet');
  });
});
