/**
 * How large a scenario may be, checked before anything walks it: nesting (the validation, the
 * schema parse and JSON.stringify all recurse, and overflowed the stack on a document nested a
 * few thousand levels deep), steps and rows (a run simulates every one). A scenario file's size
 * is the CLI's and the page's to check before parsing (maxScenarioBytes).
 */
import { LakeError } from '../core/errors.ts';
import { isDeeperThan } from '../core/jsonDepth.ts';

export const scenarioLimits = {
  /** Nesting of objects and lists in the whole document (a schema level takes three). */
  depth: 64,
  /** Steps over all writers. */
  steps: 10_000,
  /** Rows in the starting table and in every step's rows and merge sources together. */
  rows: 100_000,
  /** Bytes of a scenario file. */
  bytes: 10 * 1024 * 1024,
};

export function checkScenarioLimits(json: unknown): void {
  const fail = (why: string) => new LakeError('InvalidInput', `scenario: ${why}`);
  if (isDeeperThan(json, scenarioLimits.depth)) throw fail(`nested more than ${scenarioLimits.depth} levels deep; a scenario nests at most ${scenarioLimits.depth} levels of objects and lists`);
  if (typeof json !== 'object' || json === null) return;
  const doc = json as { table?: { rows?: unknown }; writers?: unknown };
  let steps = 0;
  let rows = Array.isArray(doc.table?.rows) ? doc.table.rows.length : 0;
  const catalogRows = (doc as { catalog?: { rows?: unknown } }).catalog?.rows;
  if (Array.isArray(catalogRows)) rows += catalogRows.length;
  for (const writer of Array.isArray(doc.writers) ? doc.writers : []) {
    // A writer's Delta steps, and a catalog database writer's transactions.
    for (const list of [(writer as { steps?: unknown })?.steps, (writer as { ducklake?: { steps?: unknown } })?.ducklake?.steps]) {
      if (!Array.isArray(list)) continue;
      steps += list.length;
      for (const step of list) rows += rowsOf(step);
    }
  }
  if (steps > scenarioLimits.steps) throw fail(`${steps.toLocaleString('en')} steps; a scenario has at most ${scenarioLimits.steps.toLocaleString('en')} steps over all its writers`);
  if (rows > scenarioLimits.rows) throw fail(`${rows.toLocaleString('en')} rows; a scenario holds at most ${scenarioLimits.rows.toLocaleString('en')} rows (starting table and catalog, appends, overwrites, merge sources and catalog inserts together)`);
}

function rowsOf(step: unknown): number {
  if (typeof step !== 'object' || step === null) return 0;
  const s = step as { append?: unknown; overwrite?: unknown; merge?: { source?: unknown }; insert?: unknown };
  const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  return count(s.append) + count(s.overwrite) + count(s.merge?.source) + count(s.insert);
}
