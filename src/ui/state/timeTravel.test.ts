/**
 * Time travel by time in the page finds the version `lakelab --timestamp` finds, for the same
 * times (zoneless ones read as UTC), on a table with in-commit timestamps and one without; the
 * link keeps the time as ?ts=.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { explorerOver } from '../../../test/support/explorerHarness.ts';
import { fixturesDir } from '../../../test/support/fixtures.ts';
import { main } from '../../cli/main.ts';
import { toPageLink, toSearch } from './pageLink.ts';
import { parseIsoMs } from '../../core/delta/civilTime.ts';

async function cliVersionAt(dir: string, ts: string): Promise<string> {
  let stderr = '';
  let stdout = '';
  const code = await main(['schema', dir, '--timestamp', ts], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  if (code !== 0) return `error: ${stderr.replace(/^lakelab: \w+: /, '').trim()}`;
  return `version ${/is version (\d+)/.exec(stderr)?.[1]}`;
}

async function pageVersionAt(dir: string, ts: string): Promise<string> {
  const { actions, get } = explorerOver(new NodeFsStore(dir));
  await actions.openTable({ label: 't', link: { sample: 't' }, spec: { kind: 'sample', url: 'unused' }, target: { format: 'delta', root: '' } });
  await actions.timeTravelTo(ts);
  const travel = get().insights.timeTravel;
  if (!travel) return 'nothing';
  if ('error' in travel) return `error: ${travel.error}`;
  expect(get().selectedVersion).toBe(travel.version);
  return `version ${travel.version}`;
}

describe('time travel by time, as the CLI', () => {
  it.each([
    ['delta-rs/cdc_ict_table', ['2026-07-12T10:36:52.175Z', '2026-07-12T10:36:52.174', '2026-07-12 10:36:53', '2023-05-12T06:50:06.883Z', '2030-01-01T00:00:00+02:00', '2000-01-01']],
    ['delta-rs/simple_table', ['2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z']],
  ])('%s', async (table, times) => {
    const dir = join(fixturesDir, table);
    const answers: string[] = [];
    for (const ts of times) {
      const cli = await cliVersionAt(dir, ts);
      expect(await pageVersionAt(dir, ts), ts).toBe(cli);
      answers.push(cli);
    }
    expect(new Set(answers.filter((a) => a.startsWith('version'))).size).toBeGreaterThan(0);
  });

  it('refuses what is not a time, as the CLI does', async () => {
    expect(parseIsoMs('yesterday')).toBeUndefined();
    expect(parseIsoMs('2024-05-01 12:00')).toBe(Date.parse('2024-05-01T12:00:00Z'));
  });

  it('keeps the time in the link as ?ts=, instead of the version', () => {
    expect(toSearch({ sample: 's', version: 2, ts: '2024-05-01T12:00:00Z' })).toBe('?sample=s&ts=2024-05-01T12%3A00%3A00Z');
    expect(toPageLink('?sample=s&ts=2024-05-01T12%3A00%3A00Z')).toEqual({ sample: 's', ts: '2024-05-01T12:00:00Z' });
  });
});
