/** The built-in samples are real tables whose listing indexes match the files served. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAll } from '../src/core/objectStore.ts';
import { NodeFsStore } from '../src/storage/nodeFsStore.ts';
import { listingIndexName, type ListingIndex } from '../src/storage/httpStore.ts';
import { samples } from '../scripts/samples.ts';

const samplesDir = join(import.meta.dirname, '..', 'public', 'samples');

describe('built-in samples', () => {
  it('lists every sample in samples.json', () => {
    const listed = JSON.parse(readFileSync(join(samplesDir, 'samples.json'), 'utf8')) as { name: string }[];
    expect(listed.map((s) => s.name)).toEqual(samples.map((s) => s.name));
    expect(listed.every((s) => typeof (s as { description?: string }).description === 'string')).toBe(true);
  });

  for (const sample of samples) {
    it(`${sample.name}: the listing index matches the files (rebuild with npx tsx scripts/buildSamples.ts)`, async () => {
      const dir = join(samplesDir, sample.name);
      const index = JSON.parse(readFileSync(join(dir, listingIndexName), 'utf8')) as ListingIndex;
      const onDisk = (await listAll(new NodeFsStore(dir), '')).filter((o) => o.key !== listingIndexName);
      expect(index.objects.map((o) => [o.key, o.size])).toEqual(onDisk.map((o) => [o.key, o.size]));
      for (const object of index.objects) expect(statSync(join(dir, object.key)).size).toBe(object.size);
    });
  }
});
