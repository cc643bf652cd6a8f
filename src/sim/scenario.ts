/**
 * A scenario: a small, versioned JSON file (its format below). The starting table, the isolation level,
 * store latencies, and for each writer a script of steps. Validated with messages that name
 * the offending path.
 */
import { LakeError } from '../core/errors.ts';
import type { StructType } from '../core/delta/schemaTypes.ts';
import { parseSchema } from '../core/delta/schema.ts';
import type { IsolationLevel } from '../core/delta/transaction.ts';
import type { MergeClause } from '../core/delta/operations/merge.ts';
import type { Latency, StoreCall } from './simulatedStore.ts';
import type { LeasePlan } from './leaseWriter.ts';
import type { CatalogPlan } from './catalogWriter.ts';
import { validateStepBody, validateStoreModel, validateWriterOptions } from './scenarioParts.ts';
import { checkScenarioLimits } from './scenarioLimits.ts';

export type Row = Record<string, unknown>;

export type Step =
  | { read: 'HEAD' | number }
  | { think: number }
  | { append: Row[]; txn?: { appId: string; version: number } }
  | { overwrite: Row[]; where?: string }
  | { delete: string }
  | { update: { set: Record<string, string>; where?: string } }
  | { merge: { source: Row[]; on: string; clauses: MergeClause['kind'][]; streamedExec?: boolean } }
  | { setProperties: Record<string, string> }
  | { optimize: true };

export interface WriterScript {
  name: string;
  steps: Step[];
  /** A DuckLake-style run guarded by a blob lease on the catalog, instead of Delta steps. */
  lease?: LeasePlan;
  /** Transactions on the DuckLake catalog database, racing for snapshot ids, instead of Delta steps. */
  ducklake?: CatalogPlan;
  /** The writer dies at this step (0-based): a write step after writing its data files, before committing; any other step before it runs. */
  crashAtStep?: number;
  /** Commit retries when the version is taken (delta-rs: 15). */
  maxRetries?: number;
  /** After a conflict: stop (as delta-rs does), or read HEAD again and redo the write, up to `recomputeLimit` times. */
  onConflict?: 'fail' | 'recompute';
  recomputeLimit?: number;
}

/** The starting table written from rows at version 0. */
export interface RowsTable { schema: StructType; partitionColumns?: string[]; rows: Row[]; properties?: Record<string, string> }

/**
 * The starting table copied from a fixture: an existing Delta table (one of the app's samples,
 * or in Node any table under test/fixtures), at its latest version or at `version`.
 */
export interface FixtureTable { fixture: string; version?: number }

export const isFixtureTable = (table: Scenario['table']): table is FixtureTable => 'fixture' in table;

export interface Scenario {
  version: 1;
  name: string;
  title: string;
  /** What it teaches, in a paragraph. */
  explanation: string;
  table: RowsTable | FixtureTable;
  isolationLevel?: IsolationLevel;
  latency?: Partial<Record<StoreCall, Latency>> & { default?: Latency };
  /** Store faults drawn from the seed: a share of calls fail (a Network error) or stall. */
  faults?: { fail?: number; delay?: number; maxDelayMs?: number; calls?: StoreCall[] };
  writers: WriterScript[];
  /** The DuckLake catalog lease writers and catalog (ducklake) writers work on: its table, columns and starting rows (a real SQLite catalog in the simulated store). */
  catalog?: import('./simCatalog.ts').CatalogSpec;
  /** The outcome each writer must reach: 'committed', 'exhausted' or a conflict kind. */
  expect?: Record<string, string>;
}

const stepKinds = ['read', 'think', 'append', 'overwrite', 'delete', 'update', 'merge', 'setProperties', 'optimize'];
const isolationLevels = ['Serializable', 'WriteSerializable', 'SnapshotIsolation'];

export function validateScenario(json: unknown): Scenario {
  const fail = (path: string, why: string) => new LakeError('InvalidInput', `scenario ${path}: ${why}`);
  checkScenarioLimits(json);
  if (typeof json !== 'object' || json === null) throw fail('', 'must be a JSON object');
  const s = json as Record<string, unknown>;
  if (s.version !== 1) throw fail('.version', 'must be 1 (the scenario format this Lakelab reads)');
  for (const key of ['name', 'title', 'explanation']) if (typeof s[key] !== 'string') throw fail(`.${key}`, 'must be a string');
  const table = s.table as Record<string, unknown> | undefined;
  if (!table || typeof table !== 'object') throw fail('.table', 'must describe the starting table: { schema, rows } or { fixture }');
  const validTable = toTable(table, fail);
  if (s.isolationLevel !== undefined && !isolationLevels.includes(String(s.isolationLevel))) throw fail('.isolationLevel', `must be one of ${isolationLevels.join(', ')}`);
  if (!Array.isArray(s.writers) || s.writers.length === 0) throw fail('.writers', 'must list at least one writer');
  if (s.writers.length > 64) throw fail('.writers', `at most 64 writers, got ${s.writers.length}`);
  const names = new Set<string>();
  s.writers.forEach((w, i) => {
    if (typeof w !== 'object' || w === null || Array.isArray(w)) throw fail(`.writers[${i}]`, 'must be an object with a name and steps');
    const writer = w as Record<string, unknown>;
    if (typeof writer.name !== 'string' || writer.name === '') throw fail(`.writers[${i}].name`, 'must be a non-empty string');
    if (names.has(writer.name)) throw fail(`.writers[${i}].name`, `"${writer.name}" is used twice`);
    names.add(writer.name);
    if (!Array.isArray(writer.steps)) throw fail(`.writers[${i}].steps`, 'must be a list');
    validateWriterOptions(writer, `.writers[${i}]`, fail);
    writer.steps.forEach((step, j) => {
      if (typeof step !== 'object' || step === null || Array.isArray(step)) throw fail(`.writers[${i}].steps[${j}]`, `must be one of ${stepKinds.map((k) => `{${k}: ...}`).join(', ')}`);
      // A step is one kind, with its companion: txn beside append, where beside overwrite.
      const keys = Object.keys(step as object).filter((k) => !(k === 'txn' && 'append' in (step as object)) && !(k === 'where' && 'overwrite' in (step as object)));
      if (keys.length !== 1 || !stepKinds.includes(keys[0]!)) throw fail(`.writers[${i}].steps[${j}]`, `must be one of ${stepKinds.map((k) => `{${k}: ...}`).join(', ')}`);
      const value = (step as Record<string, unknown>)[keys[0]!];
      if (keys[0] === 'read' && value !== 'HEAD' && !(Number.isInteger(value) && (value as number) >= 0)) throw fail(`.writers[${i}].steps[${j}].read`, 'must be "HEAD" or a version number');
      if (keys[0] === 'think' && !(typeof value === 'number' && value >= 0)) throw fail(`.writers[${i}].steps[${j}].think`, 'must be milliseconds (a number)');
      validateStepBody(keys[0]!, value, step as Record<string, unknown>, `.writers[${i}].steps[${j}]`, fail);
    });
  });
  validateStoreModel(s, fail);
  return { ...(s as unknown as Scenario), table: validTable };
}

function toTable(table: Record<string, unknown>, fail: (path: string, why: string) => LakeError): Scenario['table'] {
  if ('fixture' in table) {
    const extra = ['rows', 'schema', 'partitionColumns', 'properties'].filter((k) => k in table);
    if (extra.length > 0) throw fail('.table', `give either a fixture or rows, not both: a fixture brings its own schema, partitioning, rows and properties (remove ${extra.map((k) => `"${k}"`).join(', ')})`);
    if (typeof table.fixture !== 'string' || table.fixture === '') throw fail('.table.fixture', 'must name a fixture table, e.g. "basic_append"');
    if (table.version !== undefined && !(Number.isInteger(table.version) && (table.version as number) >= 0)) throw fail('.table.version', 'must be a version number of the fixture');
    return table.version === undefined ? { fixture: table.fixture } : { fixture: table.fixture, version: table.version as number };
  }
  if ('version' in table) throw fail('.table.version', 'starts from a version of a fixture: give "fixture" too, or remove it');
  const schema = typeof table.schema === 'string' ? parseSchema(table.schema) : parseSchema(JSON.stringify(table.schema));
  if (!Array.isArray(table.rows)) throw fail('.table.rows', 'must be a list of rows (or give a "fixture" instead)');
  return { ...(table as unknown as RowsTable), schema };
}
