/** How each kind of source becomes an OpenTable the worker can open. */
import type { OpenTable, SampleEntry } from './explorerStore.ts';

/** Samples are static tables under public/samples, served with a listing index. */
export function sampleTable(sample: SampleEntry, base: string = globalThis.location?.href ?? 'http://localhost/'): OpenTable {
  const url = new URL(sample.path.endsWith('/') ? sample.path : `${sample.path}/`, new URL('samples/', base)).href;
  return { label: sample.name, link: { sample: sample.name }, spec: { kind: 'sample', url }, tableRoot: '' };
}

export function urlTable(url: string): OpenTable {
  const normalised = url.endsWith('/') ? url : `${url}/`;
  return { label: url, link: { url }, spec: { kind: 'http', url: normalised }, tableRoot: '' };
}

/**
 * Files from <input webkitdirectory> or a drop carry paths like "folder/table/_delta_log/0.json".
 * Returns the tables among them: each folder that holds a _delta_log.
 */
export function findTableRoots(relativePaths: string[]): string[] {
  const roots = new Set<string>();
  for (const path of relativePaths) {
    const at = path.indexOf('_delta_log/');
    if (at >= 0 && (at === 0 || path[at - 1] === '/')) roots.add(path.slice(0, at));
  }
  return [...roots].sort();
}
