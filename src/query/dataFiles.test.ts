/** Data files' stats columns follow the table's properties, as delta-rs reads them. */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../storage/memoryStore.ts';
import { WriteHarness } from '../../test/support/writeHarness.ts';
import { loadCommit } from '../core/delta/loadCommits.ts';
import { runAppend, runCreateTable } from './writeExecutor.ts';

describe('stats columns from table properties', () => {
  it('honour delta.dataSkippingNumIndexedCols and delta.dataSkippingStatsColumns', async () => {
    const schema = { type: 'struct' as const, fields: ['a', 'b', 'c'].map((name) => ({ name, type: 'long' as const, nullable: true, metadata: {} })) };
    const statsKeys = async (configuration: Record<string, string>) => {
      const h = new WriteHarness(new MemoryStore());
      await h.committed(await runCreateTable({ tableRoot: '', schema, configuration }, h.context));
      await h.committed(await runAppend(await h.snapshot(), [{ a: 1, b: 2, c: 3 }], h.context));
      const add = (await loadCommit(h.store, '', 1)).actions.flatMap((a) => ('add' in a ? [a.add] : []))[0]!;
      return Object.keys(JSON.parse(add.stats!).minValues);
    };
    expect(await statsKeys({})).toEqual(['a', 'b', 'c']);
    expect(await statsKeys({ 'delta.dataSkippingNumIndexedCols': '1' })).toEqual(['a']);
    expect(await statsKeys({ 'delta.dataSkippingNumIndexedCols': '-1' })).toEqual(['a', 'b', 'c']);
    expect(await statsKeys({ 'delta.dataSkippingNumIndexedCols': '1', 'delta.dataSkippingStatsColumns': 'c,b' })).toEqual(['b', 'c']);
  });
});

describe('struct columns', () => {
  it('are written, read back, and get nested stats (fields counted as leaf columns)', async () => {
    const schema = { type: 'struct' as const, fields: [
      { name: 'id', type: 'long' as const, nullable: false, metadata: {} },
      { name: 's', type: { type: 'struct' as const, fields: [
        { name: 'a', type: 'long' as const, nullable: true, metadata: {} },
        { name: 'b', type: 'string' as const, nullable: true, metadata: {} },
      ] }, nullable: true, metadata: {} },
      { name: 'after', type: 'integer' as const, nullable: true, metadata: {} },
    ] };
    const rows = [
      { id: 1, s: { a: 5, b: 'x' }, after: 1 },
      { id: 2, s: null, after: 2 },
      { id: 3, s: '{"a": -2, "b": null}', after: 3 },
    ];
    const h = new WriteHarness(new MemoryStore());
    await h.committed(await runCreateTable({ tableRoot: '', schema, configuration: { 'delta.dataSkippingNumIndexedCols': '3' } }, h.context));
    await h.committed(await runAppend(await h.snapshot(), rows, h.context));
    const back = (await h.rows()).sort((x, y) => Number(x.id) - Number(y.id));
    expect(back).toEqual([
      { id: 1, s: { a: 5, b: 'x' }, after: 1 },
      { id: 2, s: null, after: 2 },
      { id: 3, s: { a: -2, b: null }, after: 3 },
    ]);
    const add = (await loadCommit(h.store, '', 1)).actions.flatMap((a) => ('add' in a ? [a.add] : []))[0]!;
    // Three leaf columns: id, s.a, s.b; `after` is the fourth and gets none.
    expect(JSON.parse(add.stats!)).toEqual({
      numRecords: 3,
      minValues: { id: 1, s: { a: -2, b: 'x' } },
      maxValues: { id: 3, s: { a: 5, b: 'x' } },
      nullCount: { id: 0, s: { a: 1, b: 2 } },
    });
    await expect(runAppend(await h.snapshot(), [{ id: 4, s: 7 }], h.context)).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('"s"') });
  });
});
