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
import { ManualClock } from '../src/core/clock.ts';
import { seededRng } from '../src/core/rng.ts';
import { commitTransaction } from '../src/core/delta/commitTransaction.ts';
import { runCreateTable } from '../src/query/writeExecutor.ts';
import { batchCsv, readBatches, seedSchema } from '../test/seedScenario.ts';

/** Table B of the seed scenario, written by Lakelab, with the CSV batches beside it. */
async function writeSeedTable(target: string): Promise<void> {
  mkdirSync(target, { recursive: true });
  const store = new NodeFsStore(target);
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
  const tx = await runCreateTable({ tableRoot: '', schema: seedSchema, rows: readBatches([1]) }, { store, rng: seededRng(2026), now: () => clock.now() });
  await commitTransaction(store, tx, { clock, engineInfo: 'Lakelab/0.1.0' });
  const batches = join(out, 'seed_batches');
  mkdirSync(batches, { recursive: true });
  for (let b = 1; b <= 5; b++) {
    const { name, text } = batchCsv(b);
    writeFileSync(join(batches, name), text);
  }
}

const root = join(import.meta.dirname, '..');
const out = join(root, 'public', 'samples');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const sample of samples) {
  const target = join(out, sample.name);
  if (sample.source) {
    cpSync(join(root, 'test', 'fixtures', 'delta', sample.source), target, { recursive: true });
    chmodSync(target, 0o755);
  } else {
    await writeSeedTable(target);
  }
  const index = await loadListingIndex(new NodeFsStore(target), { commitTimesFromLog: true });
  writeFileSync(join(target, listingIndexName), `${JSON.stringify(index)}\n`);
}
writeFileSync(
  join(out, 'samples.json'),
  `${JSON.stringify(samples.map(({ name, description }) => ({ name, path: name, description })), null, 2)}\n`,
);
cpSync(join(root, 'test', 'fixtures', 'MANIFEST.md'), join(out, 'ATTRIBUTION.md'));
console.log(`wrote ${samples.length} samples to ${out}`);
