/**
 * The page's fixtures: the served samples, read over HTTP through their listing index. Here a
 * fetch serves public/samples from disk, as the dev server does.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../storage/memoryStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { runScenario } from '../sim/runScenario.ts';
import { scenarioLibrary } from '../sim/scenarioLibrary.ts';
import { folderFixtures } from '../cli/fixtureFolders.ts';
import { simOperations } from './simOperationsNode.ts';
import { sampleFixtures } from './sampleFixtures.ts';

const publicDir = join(import.meta.dirname, '..', '..', 'public');
const requested: string[] = [];
const servePublic: typeof fetch = async (input) => {
  const path = decodeURIComponent(new URL(String(input)).pathname);
  requested.push(path);
  const file = join(publicDir, path);
  return existsSync(file) && statSync(file).isFile() ? new Response(readFileSync(file)) : new Response('not found', { status: 404 });
};
const samplesUrl = 'http://lakelab.test/samples/';
const deps = { makeStore: (clock: { now(): number }) => new MemoryStore({ clock }), operations: simOperations, settle: () => new Promise<void>((resolve) => setImmediate(resolve)) };

beforeAll(async () => {
  await loadParquetWasm();
});

describe('the served samples as fixtures', () => {
  it('names the samples samples.json lists, and loads a sample without its listing index, once', async () => {
    const loader = sampleFixtures(samplesUrl, servePublic);
    const names = await loader.names();
    expect(names).toContain('basic_append');
    expect(names).toContain('seed_merge');
    const files = await loader.load('basic_append');
    expect([...files.keys()].sort()).toEqual([...(await folderFixtures().load('basic_append')).keys()].sort());
    expect(files.has('lakelab-index.json')).toBe(false);
    const before = requested.length;
    await loader.load('basic_append');
    expect(requested.length).toBe(before);
  });

  it('gives the same trace as the files read from disk', async () => {
    const scenario = scenarioLibrary.find((s) => s.name === 'spark-table-file-stats')!;
    const overHttp = await runScenario(scenario, 5, { ...deps, fixtures: sampleFixtures(samplesUrl, servePublic) });
    const fromDisk = await runScenario(scenario, 5, { ...deps, fixtures: folderFixtures() });
    expect(overHttp.trace).toEqual(fromDisk.trace);
    expect(overHttp.outcomes).toEqual({ 'fix-low': 'committed', 'fix-high': 'committed', trim: 'ConcurrentAppend' });
  });

  it('lists only the samples when a scenario names a test fixture the page does not serve', async () => {
    const scenario = { ...scenarioLibrary.find((s) => s.name === 'spark-table-file-stats')!, table: { fixture: 'delta-rs/simple_table' } };
    await expect(runScenario(scenario, 1, { ...deps, fixtures: sampleFixtures(samplesUrl, servePublic) }))
      .rejects.toThrow(/no fixture "delta-rs\/simple_table"; available: simple_table, seed_merge, with_schema_change, /);
  });
});
