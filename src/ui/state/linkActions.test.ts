/** Following a page link: what the store holds, and what the page says once, for links that cannot be followed as they are. */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { MemoryStore } from '../../storage/memoryStore.ts';
import type { SourceSpec, TableMethod } from '../../workers/protocol.ts';
import { explorerOver, ready } from '../../../test/support/explorerHarness.ts';
import { canonicalRows } from '../../../test/canonicalRows.ts';
import { fixtureTable } from '../../../test/support/fixtures.ts';
import { toSearch } from './pageLink.ts';
import type { SampleEntry } from './explorerStore.ts';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'delta');
const samples = [
  { name: 'simple_table', path: 'simple_table', description: '' },
  { name: 'basic_append', path: 'basic_append', description: '' },
];
const bySample = (source: SourceSpec) =>
  new NodeFsStore(join(fixtures, 'url' in source && source.url.includes('basic_append') ? 'dat/basic_append/delta' : 'delta-rs/simple_table'));
const expected = (v: number) => readFileSync(join(fixtures, 'delta-rs-expected', 'simple_table', `v${v}`, 'rows.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('following the page link', () => {
  it('says a sample does not exist, names the samples there are, and opens nothing', async () => {
    const calls: TableMethod[] = [];
    const { actions, get } = explorerOver(bySample, { samples, calls });
    await actions.openLink({ sample: 'simple_tabel', version: 2 });
    expect(get().notice).toEqual({ level: 'error', message: 'There is no sample "simple_tabel". The samples are simple_table, basic_append: pick one.' });
    expect(get().table).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('leaves a table the person opened while the samples list was loading (the first sample does not replace it)', async () => {
    let listed: (list: SampleEntry[]) => void = () => {};
    const fetchSamples = () => new Promise<SampleEntry[]>((resolve) => (listed = resolve));
    const { actions, get } = explorerOver(bySample, { samples, fetchSamples });
    const following = actions.openLink({});
    await actions.openTable({ label: 'basic_append', link: {}, spec: { kind: 'http', url: 'http://127.0.0.1:9/basic_append' }, target: { format: 'delta' as const, root: '' } });
    listed(samples);
    await following;
    expect(get().table?.label).toBe('basic_append');
    expect(get().latestVersion).toEqual({ status: 'ready', value: 1 });
  });

  it('opens the first sample when the link names none', async () => {
    const { actions, get } = explorerOver(bySample, { samples });
    await actions.openLink({});
    expect(get().table?.label).toBe('simple_table');
    expect(get().notice).toBeUndefined();
  });

  it('says once that the linked version does not exist, with the versions there are, and shows the latest', async () => {
    const { actions, get } = explorerOver(bySample, { samples });
    await actions.openLink({ sample: 'simple_table', version: 99 });
    expect(get().notice).toEqual({ level: 'warning', message: "The link's version 99 does not exist: the table has versions 0 to 4. Showing version 4, the latest." });
    expect(get().selectedVersion).toBe(4);
    expect(get().snapshot.status).toBe('ready');
    expect(canonicalRows(ready(get().rows).rows)).toEqual(canonicalRows(expected(4)));
  });

  it('says the same for a table opened by URL', async () => {
    const { actions, get } = explorerOver(bySample, { samples });
    await actions.openLink({ url: 'http://127.0.0.1:9/simple_table', version: 7 });
    expect(get().notice?.message).toBe("The link's version 7 does not exist: the table has versions 0 to 4. Showing version 4, the latest.");
  });

  it('after a reload, says the writes made to a sample lived in memory and are gone', async () => {
    const { actions, get } = explorerOver(bySample, { samples });
    await actions.openLink({ sample: 'simple_table', version: 6, unsaved: true });
    expect(get().notice).toEqual({
      level: 'warning',
      message: "The versions written to simple_table in this page lived in its memory and are gone: a built-in sample is read again from the server when the page loads, and the server's copy ends at version 4. Version 6 is one of them: showing version 4.",
    });
    expect(get().selectedVersion).toBe(4);
    // The reloaded sample has no writes of its own yet.
    expect(get().table?.link.unsaved).toBeUndefined();
    await actions.openLink({ sample: 'simple_table', version: 2, unsaved: true });
    expect(get().notice?.message).toMatch(/are gone: .* ends at version 4\.$/);
    expect(get().selectedVersion).toBe(2);
    expect(canonicalRows(ready(get().rows).rows)).toEqual(canonicalRows(expected(2)));
  });

  it('marks the link of a sample the page wrote to, so a reload can say what was lost', async () => {
    const memory = new MemoryStore();
    for (const [key, entry] of await fixtureTable('delta-rs/simple_table')) memory.putWithTime(key, entry.data, entry.lastModified);
    const { actions, get } = explorerOver(memory, { samples });
    await actions.openLink({ sample: 'simple_table' });
    expect(get().table?.link).toEqual({ sample: 'simple_table' });
    await actions.previewWrite({ operation: 'delete', readVersion: 'HEAD', predicate: 'id = 5' });
    await actions.commitWrite();
    expect(get().selectedVersion).toBe(5);
    expect(toSearch({ ...get().table!.link, version: get().selectedVersion })).toBe('?sample=simple_table&v=5&unsaved=1');
  });

  it('says a failing version once, in the snapshot, not again for its rows', async () => {
    const { actions, get } = explorerOver(bySample, { samples });
    await actions.openLink({ sample: 'simple_table' });
    await actions.selectVersion(42);
    expect(get().snapshot).toMatchObject({ status: 'error', code: 'NotFound' });
    expect(get().rows).toEqual({ status: 'idle' });
  });
});
