import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { planScan } from '../core/delta/planScan.ts';
import { parquetCodec } from './parquetRows.ts';
import { scanDeltaArrow } from './deltaArrowScan.ts';
import { toJsonValues } from './jsonValues.ts';
import { readTableRows } from '../../test/readTableRows.ts';
import { canonicalRows } from '../../test/canonicalRows.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'delta');

describe('scans as Arrow', () => {
  for (const table of ['delta-rs/table-with-dv-small', 'dat/multi_partitioned/delta', 'delta-rs/delta-2.2.0-partitioned-types']) {
    it(`${table}: Arrow tables with logical names and the table's types hold the rows the reader returns`, async () => {
      const store = new NodeFsStore(join(fixtures, table));
      const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
      const plan = planScan(snapshot);
      const rows: Record<string, unknown>[] = [];
      for await (const arrow of scanDeltaArrow(store, plan)) {
        expect(arrow.schema.fields.map((f) => f.name)).toEqual(snapshot.schema.fields.map((f) => f.name));
        const columns = plan.columns.map((c) => toJsonValues(arrow.getChild(c.logicalName)!, c.type, { path: c.logicalName }));
        for (let r = 0; r < arrow.numRows; r++) rows.push(Object.fromEntries(plan.columns.map((c, i) => [c.logicalName, columns[i]?.[r] ?? null])));
      }
      expect(canonicalRows(rows)).toEqual(canonicalRows(await readTableRows(store, { codec: parquetCodec })));
    });
  }
});
