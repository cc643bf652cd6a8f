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
