/**
 * A scan as Arrow tables, one per data file, typed by the table's Delta schema (not each file's
 * Parquet types), with logical names, partition columns filled in and deleted rows dropped:
 * what SQL engines and exports take.
 */
import type { Table } from 'apache-arrow';
import type { ObjectStore } from '../core/objectStore.ts';
import type { ScanPlan } from '../core/delta/scanPlan.ts';
import { scanDelta, type ScanOptions } from './deltaScan.ts';
import { toJsonRows } from './jsonValues.ts';
import { toArrowTable } from './jsonToArrow.ts';

export async function* scanDeltaArrow(store: ObjectStore, plan: ScanPlan, options: ScanOptions = {}): AsyncIterable<Table> {
  const columns = plan.columns.map((c) => ({ name: c.logicalName, type: c.type, nullable: c.nullable }));
  for await (const batch of scanDelta(store, plan, options)) {
    yield toArrowTable(toJsonRows(batch), columns);
  }
}
