/**
 * The checker's own replay of a Delta log, written for the check and sharing nothing with
 * Lakelab's reader: commit files by name, one JSON action per line, add and remove by path.
 * It reads only what Lakelab writes (no checkpoints, no deletion vectors) and reports
 * anything else as a problem.
 */
import type { RawObject, RawTable } from './rawTable.ts';

export interface ReplayedAdd {
  path: string;
  size: number;
  partitionValues: Record<string, string | null>;
}

export interface ReplayedVersion {
  version: number;
  txnId?: string;
  operation?: string;
  readVersion?: number;
  /** The active files after this version, by path. */
  files: Map<string, ReplayedAdd>;
}

export interface Replay {
  versions: ReplayedVersion[];
  problems: string[];
}

const commitName = /^_delta_log\/(\d{20})\.json$/;

export async function replayLog(table: RawTable, objects: RawObject[]): Promise<Replay> {
  const problems: string[] = [];
  const numbers = objects.flatMap((o) => {
    const m = commitName.exec(o.key);
    return m ? [Number(m[1])] : [];
  }).sort((a, b) => a - b);
  numbers.forEach((n, i) => {
    if (n !== i) problems.push(`versions are not contiguous: expected ${i}, found ${n}`);
  });
  const versions: ReplayedVersion[] = [];
  let files = new Map<string, ReplayedAdd>();
  for (const version of numbers) {
    const text = new TextDecoder().decode(await table.read(`_delta_log/${String(version).padStart(20, '0')}.json`));
    files = new Map(files);
    const entry: ReplayedVersion = { version, files };
    text.split('\n').filter((line) => line.trim() !== '').forEach((line, i) => {
      let action: Record<string, Record<string, unknown>>;
      try {
        action = JSON.parse(line) as typeof action;
      } catch {
        problems.push(`version ${version} line ${i + 1} is not JSON`);
        return;
      }
      const [type] = Object.keys(action);
      const body = action[type ?? ''] ?? {};
      if (type === 'commitInfo') {
        entry.txnId = typeof body.txnId === 'string' ? body.txnId : undefined;
        entry.operation = typeof body.operation === 'string' ? body.operation : undefined;
        entry.readVersion = typeof body.readVersion === 'number' ? body.readVersion : undefined;
      } else if (type === 'add') {
        if (body.deletionVector) problems.push(`version ${version}: add ${String(body.path)} has a deletion vector, which this check does not read`);
        files.set(decodeURIComponent(String(body.path)), { path: decodeURIComponent(String(body.path)), size: Number(body.size), partitionValues: (body.partitionValues ?? {}) as Record<string, string | null> });
      } else if (type === 'remove') {
        const path = decodeURIComponent(String(body.path));
        if (!files.has(path)) problems.push(`version ${version} removes ${path}, which is not active`);
        files.delete(path);
      } else if (type !== 'protocol' && type !== 'metaData' && type !== 'txn') {
        problems.push(`version ${version} line ${i + 1}: an action "${type}" this check does not expect`);
      }
    });
    versions.push(entry);
  }
  return { versions, problems };
}
