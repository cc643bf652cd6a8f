/**
 * Builds the app's built-in samples under public/samples/: real fixture tables copied
 * unchanged, each with the listing index a static server needs, and samples.json.
 * Run: npx tsx scripts/buildSamples.ts
 */
import { chmodSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** Where each fixture source comes from, and the licence that travels with its tables. */
const origins = [
  {
    folder: 'dat',
    title: 'Delta Acceptance Testing (delta-incubator/dat)',
    licence: 'MIT',
    from: '`out/reader_tests/generated/<case>/delta` at commit 5b772f79c9c945580bc18819a41f0c6d61bbb0a8, written by PySpark with Delta Lake',
  },
  {
    folder: 'delta-rs',
    title: 'delta-rs test data (delta-io/delta-rs)',
    licence: 'Apache-2.0',
    from: '`crates/test/tests/data/<table>` at commit 2c996fa9bc1a765f6d829ce3b40008710a4888d7, written by delta-rs, Spark and Databricks',
  },
];

function writeAttribution(): void {
  const lines = [
    '# Built-in samples: where they come from',
    '',
    'Every Delta sample but `seed_merge` is a real Delta table written by another engine, copied byte for',
    'byte (only `lakelab-index.json`, the listing a static server needs, is added). Licences below',
    'travel with the tables. `seed_merge` and `seed_batches` are written by Lakelab',
    '(scripts/buildSamples.ts). Rebuild everything with `npx tsx scripts/buildSamples.ts`.',
  ];
  for (const origin of origins) {
    const licenceFile = `LICENSE-${origin.folder}.txt`;
    cpSync(join(root, 'test', 'fixtures', 'delta', origin.folder, 'LICENSE'), join(out, licenceFile));
    lines.push('', `## ${origin.title}, ${origin.licence} ([${licenceFile}](${licenceFile}))`, '', `From ${origin.from}.`, '');
    lines.push('| sample | source | what it shows |', '|---|---|---|');
    for (const sample of samples.filter((s) => s.source?.startsWith(`${origin.folder}/`))) {
      lines.push(`| ${sample.name} | ${sample.source?.slice(origin.folder.length + 1)} | ${sample.description} |`);
    }
  }
  lines.push('', '## DuckLake catalogs written by DuckDB with the ducklake extension', '');
  lines.push('Written by DuckDB v1.5.5 with the duckdb/ducklake extension (MIT) from the `script.sql` copied beside each (Lakelab\'s test fixtures,', '`test/fixtures/ducklake/`, MANIFEST.md there); catalog and data files copied byte for byte.', '');
  lines.push('| sample | source | what it shows |', '|---|---|---|');
  for (const sample of samples.filter((s) => s.ducklake)) {
    lines.push(`| ${sample.name} | ${sample.ducklake?.files.map((f) => `${f.from} -> ${f.to}`).join(', ')} | ${sample.description} |`);
  }
  writeFileSync(join(out, 'ATTRIBUTION.md'), `${lines.join('\n')}\n`);
}

const root = join(import.meta.dirname, '..');
const out = join(root, 'public', 'samples');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const sample of samples) {
  const target = join(out, sample.name);
  if (sample.ducklake) {
    for (const file of sample.ducklake.files) {
      mkdirSync(dirname(join(target, file.to)), { recursive: true });
      cpSync(join(root, 'test', 'fixtures', 'ducklake', file.from), join(target, file.to), { recursive: true, preserveTimestamps: true });
    }
  } else if (sample.source) {
    // Fixture times (checkout times) are kept, so a rebuild does not change every index.
    cpSync(join(root, 'test', 'fixtures', 'delta', sample.source), target, { recursive: true, preserveTimestamps: true });
    chmodSync(target, 0o755);
  } else {
    await writeSeedTable(target);
  }
  const index = await loadListingIndex(new NodeFsStore(target), { commitTimesFromLog: true });
  writeFileSync(join(target, listingIndexName), `${JSON.stringify(index)}\n`);
}
writeFileSync(
  join(out, 'samples.json'),
  `${JSON.stringify(samples.map(({ name, description, ducklake }) => ({
    name, path: name, description, ...(ducklake ? { format: 'ducklake', catalog: ducklake.catalog, ...(ducklake.dataPath ? { dataPath: ducklake.dataPath } : {}) } : {}),
  })), null, 2)}\n`,
);
writeAttribution();
console.log(`wrote ${samples.length} samples to ${out}`);
