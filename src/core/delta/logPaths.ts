/**
 * Names of the files in `_delta_log/` (PROTOCOL.md "Delta Log Entries", "Checkpoints",
 * "Log Compaction Files"), parsed from listed keys into typed entries.
 */
export const logFolder = '_delta_log/';

export type LogFile =
  | { kind: 'commit'; version: number }
  | { kind: 'checkpoint'; version: number; format: 'classic' }
  | { kind: 'checkpoint'; version: number; format: 'multi-part'; part: number; parts: number }
  | { kind: 'checkpoint'; version: number; format: 'v2'; uuid: string; extension: 'json' | 'parquet' }
  | { kind: 'crc'; version: number }
  | { kind: 'compacted'; fromVersion: number; toVersion: number }
  | { kind: 'lastCheckpoint' };

const commitPattern = /^(\d{20})\.json$/;
const classicPattern = /^(\d{20})\.checkpoint\.parquet$/;
const multiPartPattern = /^(\d{20})\.checkpoint\.(\d{10})\.(\d{10})\.parquet$/;
const v2Pattern = /^(\d{20})\.checkpoint\.([0-9a-fA-F-]{36})\.(json|parquet)$/;
const crcPattern = /^(\d{20})\.crc$/;
const compactedPattern = /^(\d{20})\.(\d{20})\.compacted\.json$/;

/** Parse a file name inside `_delta_log/` (no folder); undefined for files that are not log files. */
export function toLogFile(name: string): LogFile | undefined {
  let m = commitPattern.exec(name);
  if (m) return { kind: 'commit', version: Number(m[1]) };
  m = classicPattern.exec(name);
  if (m) return { kind: 'checkpoint', version: Number(m[1]), format: 'classic' };
  m = multiPartPattern.exec(name);
  if (m) return { kind: 'checkpoint', version: Number(m[1]), format: 'multi-part', part: Number(m[2]), parts: Number(m[3]) };
  m = v2Pattern.exec(name);
  if (m) return { kind: 'checkpoint', version: Number(m[1]), format: 'v2', uuid: m[2] ?? '', extension: m[3] === 'json' ? 'json' : 'parquet' };
  m = crcPattern.exec(name);
  if (m) return { kind: 'crc', version: Number(m[1]) };
  m = compactedPattern.exec(name);
  if (m) return { kind: 'compacted', fromVersion: Number(m[1]), toVersion: Number(m[2]) };
  if (name === '_last_checkpoint') return { kind: 'lastCheckpoint' };
  return undefined;
}

export function toVersionName(version: number): string {
  return String(version).padStart(20, '0');
}

export function commitKey(tableRoot: string, version: number): string {
  return `${tableRoot}${logFolder}${toVersionName(version)}.json`;
}

export function lastCheckpointKey(tableRoot: string): string {
  return `${tableRoot}${logFolder}_last_checkpoint`;
}

export function sidecarKey(tableRoot: string, path: string): string {
  return `${tableRoot}${logFolder}_sidecars/${path}`;
}

/** The file name of a commit, as error messages name it. */
export function commitFileName(version: number): string {
  return `${toVersionName(version)}.json`;
}
