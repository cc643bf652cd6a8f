/**
 * Builds the app's built-in samples under public/samples/: real fixture tables copied
 * unchanged, each with the listing index a static server needs, and samples.json.
 * Run: npx tsx scripts/buildSamples.ts
 */
import { chmodSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeFsStore } from '../src/storage/nodeFsStore.ts';
import { listingIndexName } from '../src/storage/httpStore.ts';
import { loadListingIndex } from '../src/storage/listingIndex.ts';
import { samples } from './samples.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'public', 'samples');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const sample of samples) {
  const target = join(out, sample.name);
  cpSync(join(root, 'test', 'fixtures', 'delta', sample.source), target, { recursive: true });
  chmodSync(target, 0o755);
  const index = await loadListingIndex(new NodeFsStore(target), { commitTimesFromLog: true });
  writeFileSync(join(target, listingIndexName), `${JSON.stringify(index)}\n`);
}
writeFileSync(
  join(out, 'samples.json'),
  `${JSON.stringify(samples.map(({ name, description }) => ({ name, path: name, description })), null, 2)}\n`,
);
cpSync(join(root, 'test', 'fixtures', 'MANIFEST.md'), join(out, 'ATTRIBUTION.md'));
console.log(`wrote ${samples.length} samples to ${out}`);
