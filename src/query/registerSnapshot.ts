/**
 * A Delta snapshot as a duckdb table, so SQL can query the table at that version: the scan
 * (deletion vectors applied, partition values filled in, logical names) handed over as Arrow.
 */
import { Table } from 'apache-arrow';
import type { ObjectStore } from '../core/objectStore.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import { planScan } from '../core/delta/planScan.ts';
import { toSqlTableName } from '../core/sqlNames.ts';
import { scanDeltaArrow } from './deltaArrowScan.ts';
import { toArrowTable } from './jsonToArrow.ts';
import type { SqlEngine } from './duckdbEngine.ts';

export interface RegisterSnapshotOptions {
  /** SQL table name; the table folder's name (made an identifier) when omitted. */
  name?: string;
  /** Logical columns to register, all when omitted. */
  columns?: string[];
}

/** Registers the snapshot's rows as table `name` (replacing it) and returns the name. */
export async function registerSnapshot(engine: SqlEngine, store: ObjectStore, snapshot: DeltaSnapshot, options: RegisterSnapshotOptions = {}): Promise<string> {
  const name = options.name ?? toSqlTableName(snapshot.tableRoot);
  const plan = planScan(snapshot, { columns: options.columns });
  const parts: Table[] = [];
  for await (const part of scanDeltaArrow(store, plan)) parts.push(part);
  const columns = plan.columns.map((c) => ({ name: c.logicalName, type: c.type, nullable: c.nullable }));
  const whole = parts.length === 0 ? toArrowTable([], columns) : new Table(parts.flatMap((p) => p.batches));
  await engine.registerArrow(name, whole);
  return name;
}
