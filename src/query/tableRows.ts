/** Rows of a snapshot's files as JSON-form values (all columns, logical names), file by file. */
import type { ObjectStore } from '../core/objectStore.ts';
import type { Add } from '../core/delta/actions.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import { planScan } from '../core/delta/planScan.ts';
import { toDataFileKey } from '../core/delta/dataPaths.ts';
import type { ScanPlan } from '../core/delta/scanPlan.ts';
import { scanDelta } from './deltaScan.ts';
import { toJsonRows, type JsonValue } from './jsonValues.ts';

export type Row = Record<string, JsonValue>;

export class SnapshotRows {
  private readonly plan: ScanPlan;

  constructor(private readonly store: ObjectStore, private readonly snapshot: DeltaSnapshot) {
    this.plan = planScan(snapshot);
  }

  async ofFile(add: Add): Promise<Row[]> {
    const key = toDataFileKey(this.snapshot.tableRoot, add.path);
    const files = this.plan.files.filter((f) => f.key === key && (f.deletionVector?.pathOrInlineDv ?? '') === (add.deletionVector?.pathOrInlineDv ?? ''));
    const rows: Row[] = [];
    for await (const batch of scanDelta(this.store, { ...this.plan, files })) for (const row of toJsonRows(batch)) rows.push(row);
    return rows;
  }

  async all(): Promise<Row[]> {
    const rows: Row[] = [];
    for await (const batch of scanDelta(this.store, this.plan)) for (const row of toJsonRows(batch)) rows.push(row);
    return rows;
  }
}
