/**
 * Data file paths in `add`/`remove` are URI-encoded and relative to the table root, or
 * absolute URIs (PROTOCOL.md "Add File and Remove File"). Turn them into store keys.
 */
import { LakeError } from '../errors.ts';
import { checkKey } from '../objectStore.ts';

export function toDataFileKey(tableRoot: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
    throw new LakeError('Unsupported', `data file "${path}" is an absolute URI; Lakelab reads files inside the table's folder only`);
  }
  let relative: string;
  try {
    relative = decodeURIComponent(path);
  } catch (error) {
    throw new LakeError('Corrupt', `data file path "${path}" is not valid URI encoding`, { cause: error });
  }
  const key = tableRoot + relative;
  const problem = checkKey(key);
  if (problem) throw new LakeError('Corrupt', `data file path "${path}": ${problem}`);
  return key;
}
