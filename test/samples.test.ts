/** The built-in samples are real tables whose listing indexes match the files served. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAll } from '../src/core/objectStore.ts';
import { NodeFsStore } from '../src/storage/nodeFsStore.ts';
import { listingIndexName, type ListingIndex } from '../src/storage/httpStore.ts';
import { samples } from '../scripts/samples.ts';
import { toDataFileKey } from '../src/core/delta/dataPaths.ts';
import { toUrlPath } from '../src/storage/urlPaths.ts';

const samplesDir = join(import.meta.dirname, '..', 'public', 'samples');
const fixturesDir = join(import.meta.dirname, 'fixtures', 'delta');

/** The commitInfo timestamp of a commit file, read here with JSON.parse line by line. */
function commitTimestamp(path: string): number | undefined {
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const action = JSON.parse(line) as { commitInfo?: { timestamp?: number } };
    if (action.commitInfo?.timestamp !== undefined) return action.commitInfo.timestamp;
  }
  return undefined;
}

describe('built-in samples', () => {
  it('lists every sample in samples.json', () => {
    const listed = JSON.parse(readFileSync(join(samplesDir, 'samples.json'), 'utf8')) as { name: string }[];
    expect(listed.map((s) => s.name)).toEqual(samples.map((s) => s.name));
    expect(listed.every((s) => typeof (s as { description?: string }).description === 'string')).toBe(true);
    for (const entry of listed as { name: string; path: string; format?: string; catalog?: string }[]) {
      expect(existsSync(join(samplesDir, entry.path, entry.format === 'ducklake' ? entry.catalog ?? '' : '_delta_log')), entry.name).toBe(true);
    }
  });

  it('credits every copied table and ships the licences', () => {
    const attribution = readFileSync(join(samplesDir, 'ATTRIBUTION.md'), 'utf8');
    for (const sample of samples.filter((s) => s.source || s.ducklake)) expect(attribution).toContain(`| ${sample.name} |`);
    expect(readFileSync(join(samplesDir, 'LICENSE-dat.txt'), 'utf8')).toBe(readFileSync(join(fixturesDir, 'dat', 'LICENSE'), 'utf8'));
    expect(readFileSync(join(samplesDir, 'LICENSE-delta-rs.txt'), 'utf8')).toBe(readFileSync(join(fixturesDir, 'delta-rs', 'LICENSE'), 'utf8'));
  });

  for (const sample of samples) {
    it(`${sample.name}: the listing index matches the files (rebuild with npx tsx scripts/buildSamples.ts)`, async () => {
      const dir = join(samplesDir, sample.name);
      const index = JSON.parse(readFileSync(join(dir, listingIndexName), 'utf8')) as ListingIndex;
      const onDisk = (await listAll(new NodeFsStore(dir), '')).filter((o) => o.key !== listingIndexName);
      expect(index.objects.map((o) => [o.key, o.size])).toEqual(onDisk.map((o) => [o.key, o.size]));
      for (const object of index.objects) expect(statSync(join(dir, object.key)).size).toBe(object.size);
      // Commits carry their commitInfo time (git keeps no file times; history shows commit times).
      for (const object of index.objects.filter((o) => /^_delta_log\/\d{20}\.json$/.test(o.key))) {
        const timestamp = commitTimestamp(join(dir, object.key));
        if (timestamp !== undefined) expect(object.lastModified, object.key).toBe(timestamp);
      }
      // add.path -> key (decoded once) is the file's name on disk; the key's URL finds that name
      // again under decodeURI (vite and sirv) and under a full decoding (nginx, http.server).
      for (const object of index.objects.filter((o) => /^_delta_log\/\d{20}\.json$/.test(o.key))) {
        for (const line of readFileSync(join(dir, object.key), 'utf8').split('\n').filter(Boolean)) {
          const action = JSON.parse(line) as { add?: { path: string }; remove?: { path: string } };
          const path = action.add?.path ?? action.remove?.path;
          if (path === undefined) continue;
          const key = toDataFileKey('', path);
          expect(existsSync(join(dir, key)), `${object.key}: ${path}`).toBe(true);
          expect(decodeURI(toUrlPath(key))).toBe(key);
          expect(toUrlPath(key).split('/').map(decodeURIComponent).join('/')).toBe(key);
        }
      }
      for (const file of sample.ducklake?.files ?? []) {
        const copied = index.objects.filter((o) => o.key === file.to || o.key.startsWith(`${file.to}/`));
        expect(copied.length, file.to).toBeGreaterThan(0);
        for (const object of copied) {
          const from = join(import.meta.dirname, 'fixtures', 'ducklake', file.from, object.key.slice(file.to.length));
          expect(readFileSync(join(dir, object.key)).equals(readFileSync(from)), object.key).toBe(true);
        }
      }
      if (sample.source) {
        for (const object of index.objects) {
          expect(readFileSync(join(dir, object.key)).equals(readFileSync(join(fixturesDir, sample.source, object.key))), object.key).toBe(true);
        }
      }
    });
  }
});
