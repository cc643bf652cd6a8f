/**
 * A table's URL must name its folder (the one holding `_delta_log/`). People paste the log
 * folder, a commit file, a data file or a web page instead: say what to give, with the URL.
 */
import { LakeError } from '../core/errors.ts';

const fileExtension = /\.(parquet|json|crc|bin|csv|txt|html?|checkpoint)$/i;

/** The problem with `url` as a table's address, or undefined when it may be one. */
export function checkTableUrl(url: string): LakeError | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // HttpStore says what an address must look like
  }
  const shown = `${parsed.origin}${parsed.pathname}`;
  const segments = parsed.pathname.split('/');
  if (segments[segments.length - 1] === '') segments.pop();
  const at = segments.indexOf('_delta_log');
  const folder = (upTo: number) => `${parsed.origin}${segments.slice(0, upTo).join('/')}/`;
  if (at >= 0) {
    const what = at === segments.length - 1 ? "the table's log folder" : "a file in the table's log";
    return new LakeError('InvalidInput', `${shown} is ${what}, not the table: give the table's folder, ${folder(at)}`);
  }
  const last = segments[segments.length - 1] ?? '';
  if (/\.html?$/i.test(last)) {
    return new LakeError('InvalidInput', `${shown} is a web page, not a table: give the address of the table's folder (the one holding _delta_log/)`);
  }
  if (fileExtension.test(last)) {
    // A data file sits under its partition folders (`letter=a/`): the table is above them.
    let root = segments.length - 1;
    while (root > 1 && /^[^=]+=/.test(decodeSegment(segments[root - 1] ?? ''))) root--;
    return new LakeError('InvalidInput', `${shown} is a file, not a table: give the table's folder (the one holding _delta_log/), probably ${folder(root)}`);
  }
  return undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
