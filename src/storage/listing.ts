/** Shared by adapters that list from a full set of keys: sorting, delimiter grouping, paging. */
import type { ListPage, ObjectMeta } from '../core/objectStore.ts';

/**
 * Compare keys by their UTF-8 bytes, as the ObjectStore contract orders them. UTF-8 byte order
 * is code point order; UTF-16 code units agree with it except that surrogates (code points
 * above U+FFFF) must sort after U+E000-U+FFFF, which `weight` arranges.
 */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return weight(x) - weight(y);
  }
  return a.length - b.length;
}

function weight(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/** One level of a flat listing: objects directly under `prefix`, and the sub-folder prefixes. */
export function groupByDelimiter(metas: ObjectMeta[], prefix: string): { objects: ObjectMeta[]; prefixes: string[] } {
  const objects: ObjectMeta[] = [];
  const prefixes = new Set<string>();
  for (const meta of metas) {
    const rest = meta.key.slice(prefix.length);
    const at = rest.indexOf('/');
    if (at >= 0) prefixes.add(prefix + rest.slice(0, at + 1));
    else objects.push(meta);
  }
  return { objects, prefixes: [...prefixes] };
}

/** Sort and page a listing; the folder prefixes come with the first page. */
export function* toListPages(objects: ObjectMeta[], prefixes: string[], pageSize: number): Iterable<ListPage> {
  const sorted = [...objects].sort((a, b) => compareKeys(a.key, b.key));
  const folders = [...prefixes].sort(compareKeys);
  if (sorted.length === 0) {
    yield { objects: [], prefixes: folders };
    return;
  }
  for (let i = 0; i < sorted.length; i += pageSize) {
    yield { objects: sorted.slice(i, i + pageSize), prefixes: i === 0 ? folders : [] };
  }
}
