/** The page's URL carries the source, the table and the version, so a view can be shared. */
export interface PageLink {
  sample?: string;
  url?: string;
  /** A catalog's table, "schema.table". */
  table?: string;
  /** The data path a catalog's files are read from, given instead of its own. */
  data?: string;
  version?: number;
  /** Time travel: the latest version committed at or before this time (ISO; without a zone, UTC), as the CLI's --timestamp. */
  ts?: string;
  /** The page wrote to the sample: those versions lived in its memory, and a reload loses them. */
  unsaved?: boolean;
  /** A simulator scenario and seed: the link replays the same race. */
  sim?: string;
  seed?: number;
  /** A scenario built in the editor, as base64url JSON (scenarioLink.ts): the link replays it. */
  scenario?: string;
}

export function toPageLink(search: string): PageLink {
  const params = new URLSearchParams(search);
  const link: PageLink = {};
  const sample = params.get('sample');
  const url = params.get('url');
  const version = params.get('v');
  if (sample) link.sample = sample;
  if (url) link.url = url;
  const table = params.get('table');
  const data = params.get('data');
  if (table) link.table = table;
  if (data) link.data = data;
  if (version !== null && /^\d+$/.test(version)) link.version = Number(version);
  const ts = params.get('ts');
  if (ts) link.ts = ts;
  if (params.get('unsaved') === '1') link.unsaved = true;
  const sim = params.get('sim');
  const seed = params.get('seed');
  if (sim) link.sim = sim;
  if (seed !== null && /^\d+$/.test(seed)) link.seed = Number(seed);
  const scenario = params.get('scenario');
  if (scenario) link.scenario = scenario;
  return link;
}

export function toSearch(link: PageLink): string {
  const params = new URLSearchParams();
  if (link.sample) params.set('sample', link.sample);
  if (link.url) params.set('url', link.url);
  if (link.table) params.set('table', link.table);
  if (link.data) params.set('data', link.data);
  if (link.ts) params.set('ts', link.ts);
  else if (link.version !== undefined) params.set('v', String(link.version));
  if (link.unsaved) params.set('unsaved', '1');
  if (link.sim) params.set('sim', link.sim);
  if (link.seed !== undefined) params.set('seed', String(link.seed));
  if (link.scenario) params.set('scenario', link.scenario);
  const text = params.toString();
  return text ? `?${text}` : '';
}
