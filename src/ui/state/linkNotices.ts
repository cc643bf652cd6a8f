/** What the page says, once, when its link cannot be followed as it is. */
import type { Notice } from './explorerStore.ts';
import type { TableTerms } from '../../core/table.ts';

export function toUnknownSampleNotice(name: string, samples: readonly string[]): Notice {
  return { level: 'error', message: `There is no sample "${name}". The samples are ${samples.join(', ')}: pick one.` };
}

/** `problem` is the reader's own words ("version 9 does not exist: the table has versions 0 to 4"). */
export function toMissingVersionNotice(problem: string, latest: number, terms: Pick<TableTerms, 'version'> = { version: 'version' }): Notice {
  return { level: 'warning', message: `The link's ${problem}. Showing ${terms.version} ${latest}, the latest.` };
}

/** A sample is copied into the page's memory; a write to it is gone once the page reloads. */
export function toLostWritesNotice(label: string, latest: number, linkVersion: number | undefined): Notice {
  const shown = linkVersion !== undefined && linkVersion > latest ? ` Version ${linkVersion} is one of them: showing version ${latest}.` : '';
  return {
    level: 'warning',
    message: `The versions written to ${label} in this page lived in its memory and are gone: a built-in sample is read again from the server when the page loads, and the server's copy ends at version ${latest}.${shown}`,
  };
}
