/** Read a whole table at a version as JSON rows, the way the CLI's scan does. */
import type { ObjectStore } from '../src/core/objectStore.ts';
import type { ParquetCodec } from '../src/core/parquetCodec.ts';
import { loadSnapshot } from '../src/core/delta/loadSnapshot.ts';
import { planScan } from '../src/core/delta/planScan.ts';
import { scanDelta } from '../src/query/deltaScan.ts';
import { toJsonRows } from '../src/query/jsonValues.ts';

export async function readTableRows(store: ObjectStore, options: { version?: number; codec: ParquetCodec; tableRoot?: string }) {
  const snapshot = await loadSnapshot(store, options.tableRoot ?? '', { version: options.version, codec: options.codec });
  const plan = planScan(snapshot);
  const rows: Record<string, unknown>[] = [];
  for await (const batch of scanDelta(store, plan)) for (const row of toJsonRows(batch)) rows.push(row);
  return rows;
}
