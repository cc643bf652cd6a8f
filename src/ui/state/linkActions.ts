/**
 * Following the page's link on load: the table it names (a URL or a sample) at its version,
 * or the first sample. What cannot be followed is said once, in the notice, never by opening
 * another table in silence.
 */
import type { ExplorerStore, OpenTable, SampleEntry } from './explorerStore.ts';
import type { PageLink } from './pageLink.ts';
import { sampleTable, urlTable } from './tableSources.ts';
import { toUnknownSampleNotice } from './linkNotices.ts';

interface Opener {
  loadSamples(): Promise<SampleEntry[]>;
  openTable(table: OpenTable, version?: number, options?: { writesLost?: boolean }): Promise<void>;
  /** Time travel to a time (the link's ts), once the table is open. */
  timeTravelTo?(text: string): Promise<void>;
}

export function createLinkActions(store: ExplorerStore, opener: Opener, base?: string) {
  async function openLink(link: PageLink): Promise<void> {
    const before = store.getState().table;
    const samples = await opener.loadSamples();
    // The person opened a table while the samples list loaded: theirs stays.
    if (store.getState().table !== before) return;
    const choice = { table: link.table, data: link.data };
    const thenTravel = async () => {
      if (link.ts) await opener.timeTravelTo?.(link.ts);
    };
    if (link.url) return opener.openTable(urlTable(link.url, choice), link.ts ? undefined : link.version).then(thenTravel);
    if (link.sample) {
      const sample = samples.find((s) => s.name === link.sample);
      if (sample) return opener.openTable(sampleTable(sample, base, choice), link.ts ? undefined : link.version, { writesLost: link.unsaved }).then(thenTravel);
      // Without the list (it failed to load, and says so) there is nothing to compare with.
      if (store.getState().samples.status === 'ready') store.setState({ notice: toUnknownSampleNotice(link.sample, samples.map((s) => s.name)) });
      return;
    }
    const first = samples[0];
    if (first) return opener.openTable(sampleTable(first, base));
  }

  return { openLink };
}
