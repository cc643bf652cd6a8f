import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { scanDelta } from '../../query/deltaScan.ts';
import { toJsonRows } from '../../query/jsonValues.ts';
import { fixturesDir } from '../../../test/support/fixtures.ts';
import { loadSnapshot } from './loadSnapshot.ts';
import { planScan } from './planScan.ts';
import { parsePredicate } from './parsePredicate.ts';
import { parseSchema } from './schema.ts';
import { checkTypeChanges, isSupportedWidening } from './typeWidening.ts';
import { toTypedPartitionValue } from './partitionValues.ts';

describe('type widening', () => {
  it('allows the changes the protocol lists (and the integer-to-decimal ones Delta Spark writes)', () => {
    const allowed: [string, string][] = [
      ['byte', 'short'], ['byte', 'long'], ['short', 'integer'], ['integer', 'long'], ['float', 'double'], ['byte', 'double'],
      ['short', 'double'], ['integer', 'double'], ['date', 'timestamp_ntz'], ['decimal(10,2)', 'decimal(20,2)'], ['decimal(10,2)', 'decimal(20,5)'],
      ['decimal(6, 2)', 'decimal(10, 4)'], ['integer', 'decimal(10,0)'], ['integer', 'decimal(11,1)'], ['long', 'decimal(20,0)'], ['long', 'decimal(21,1)'],
      ['byte', 'decimal(4,1)'], ['short', 'decimal(6,1)'],
    ];
    for (const [from, to] of allowed) expect(isSupportedWidening(from, to), `${from} -> ${to}`).toBe(true);
    const refused: [string, string][] = [
      ['long', 'integer'], ['long', 'double'], ['double', 'float'], ['decimal(10,1)', 'decimal(11,3)'], ['decimal(10,2)', 'decimal(12,1)'],
      ['integer', 'decimal(9,0)'], ['integer', 'decimal(12,3)'], ['long', 'decimal(20,1)'], ['byte', 'decimal(3,1)'], ['timestamp', 'timestamp_ntz'],
      ['date', 'timestamp'], ['string', 'long'], ['integer', 'string'],
    ];
    for (const [from, to] of refused) expect(isSupportedWidening(from, to), `${from} -> ${to}`).toBe(false);
  });

  it('refuses a table recording a change it cannot read, naming the column, at any depth', () => {
    const schema = parseSchema(JSON.stringify({ type: 'struct', fields: [
      { name: 'ok', type: 'long', nullable: true, metadata: { 'delta.typeChanges': [{ fromType: 'integer', toType: 'long' }] } },
      { name: 's', type: { type: 'struct', fields: [
        { name: 'm', type: { type: 'map', keyType: 'string', valueType: 'double', valueContainsNull: true }, nullable: true,
          metadata: { 'delta.typeChanges': [{ fromType: 'long', toType: 'double', fieldPath: 'value' }] } },
      ] }, nullable: true, metadata: {} },
    ] }));
    expect(checkTypeChanges(schema.fields.slice(0, 1))).toBeUndefined();
    expect(checkTypeChanges(schema.fields)).toMatchObject({ code: 'Unsupported', message: 'column "s.m (value)" changed type from long to double, which is not a type widening Lakelab reads' });
  });

  it('types a partition value written before a date became a timestamp_ntz', () => {
    expect(toTypedPartitionValue('2024-09-09', 'timestamp_ntz', 'p')).toBe(1725840000000000n);
  });

  it('does not skip files on the stats of a widened column: 3.4f reads as 3.4000000953674316, its stat says 3.4', async () => {
    const store = new NodeFsStore(join(fixturesDir, 'delta-kernel-rs', 'type-widening'));
    const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
    const rows = async (where: string) => {
      const predicate = parsePredicate(where);
      const out: Record<string, unknown>[] = [];
      for await (const batch of scanDelta(store, planScan(snapshot, { predicate }), { rowFilter: predicate })) out.push(...toJsonRows(batch));
      return out;
    };
    expect((await rows('float_double = 3.4000000953674316')).map((r) => r.byte_long)).toEqual([1]);
    expect((await rows("date_timestamp_ntz = '2024-09-09T00:00:00'")).map((r) => r.byte_long)).toEqual([1]);
    expect((await rows('byte_decimal > 100')).map((r) => r.byte_decimal)).toEqual(['123.4']);
  });
});
