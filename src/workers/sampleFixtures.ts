/**
 * Fixtures in the page: the app's built-in samples, served under public/samples. samples.json
 * names them; each is read through HttpStore and its listing index.
 */
import { LakeError } from '../core/errors.ts';
import { HttpStore } from '../storage/httpStore.ts';
import { readFixtureFiles, type FixtureFiles, type FixtureLoader } from '../sim/fixtureTable.ts';

/** Loads samples once per loader: keep one per worker. */
export function sampleFixtures(samplesUrl: string, fetcher?: typeof fetch): FixtureLoader {
  const base = samplesUrl.endsWith('/') ? samplesUrl : `${samplesUrl}/`;
  let list: Promise<{ name: string; path: string }[]> | undefined;
  const loaded = new Map<string, Promise<FixtureFiles>>();
  const samples = () => (list ??= loadSampleList(base, fetcher).catch((error: unknown) => {
    list = undefined;
    throw error;
  }));
  return {
    names: async () => (await samples()).map((s) => s.name),
    load: async (name) => {
      let files = loaded.get(name);
      if (!files) {
        const sample = (await samples()).find((s) => s.name === name);
        if (!sample) throw new LakeError('NotFound', `no sample "${name}" in ${base}samples.json`);
        files = readFixtureFiles(new HttpStore(new URL(sample.path.endsWith('/') ? sample.path : `${sample.path}/`, base).href, { fetch: fetcher }));
        loaded.set(name, files);
        files.catch(() => loaded.delete(name));
      }
      return files;
    },
  };
}

async function loadSampleList(base: string, fetcher?: typeof fetch): Promise<{ name: string; path: string }[]> {
  const parsed = JSON.parse(new TextDecoder().decode(await new HttpStore(base, { fetch: fetcher }).get('samples.json'))) as unknown;
  if (!Array.isArray(parsed)) throw new LakeError('Corrupt', `${base}samples.json: expected a list of samples`);
  return parsed as { name: string; path: string }[];
}
