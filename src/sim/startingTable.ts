/**
 * Writes a scenario's starting table into a store before any writer starts: from rows (a CREATE
 * committed as version 0) or copied from a fixture. Returns the version the writers start at.
 */
import type { ObjectStore } from '../core/objectStore.ts';
import type { Clock } from '../core/clock.ts';
import type { Rng } from '../core/rng.ts';
import { commitTransaction } from '../core/delta/commitTransaction.ts';
import { isFixtureTable, type Scenario } from './scenario.ts';
import type { SimOperations } from './simOperations.ts';
import { copyFixture, type FixtureLoader } from './fixtureTable.ts';
import { simEngineInfo } from './runWriter.ts';

export interface StartingTableEnvironment {
  operations: SimOperations;
  /** Data file names of a table written from rows. */
  rng: Rng;
  /** Virtual time 0 in the deterministic engine, real time when live. */
  clock: Pick<Clock, 'now'>;
  fixtures?: FixtureLoader;
}

export async function writeStartingTable(store: ObjectStore, table: Scenario['table'], env: StartingTableEnvironment): Promise<number> {
  if (isFixtureTable(table)) return copyFixture(store, table, env.fixtures);
  const create = await env.operations.createTable(
    { tableRoot: '', schema: table.schema, partitionColumns: table.partitionColumns, configuration: table.properties, rows: table.rows },
    { store, rng: env.rng, now: () => env.clock.now() },
  );
  const created = await commitTransaction(store, create, { clock: env.clock, engineInfo: simEngineInfo('setup') });
  if (created.status !== 'committed') throw new Error('the starting table could not be created');
  return 0;
}
