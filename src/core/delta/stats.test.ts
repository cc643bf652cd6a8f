import { describe, expect, it } from 'vitest';
import { parseStats } from './stats.ts';

describe('parseStats', () => {
  it('parses the JSON stats string', () => {
    const stats = '{"numRecords":3,"minValues":{"id":1,"s":{"x":"a"}},"maxValues":{"id":9},"nullCount":{"id":0},"tightBounds":true}';
    expect(parseStats({ stats })).toEqual({ numRecords: 3, minValues: { id: 1, s: { x: 'a' } }, maxValues: { id: 9 }, nullCount: { id: 0 }, tightBounds: true });
  });

  it('uses stats_parsed from checkpoints when the string is absent', () => {
    expect(parseStats({ stats_parsed: { numRecords: 5, minValues: { id: 0 } } })).toMatchObject({ numRecords: 5, minValues: { id: 0 } });
    expect(parseStats({ stats: null, stats_parsed: { numRecords: 7 } })?.numRecords).toBe(7);
  });

  it('is undefined without stats, and for stats it cannot read (skipping is only an optimisation)', () => {
    expect(parseStats({})).toBeUndefined();
    expect(parseStats({ stats: '' })).toBeUndefined();
    expect(parseStats({ stats: '{"numRecords": 3' })).toBeUndefined();
  });

  it('accepts numRecords written as a string, and drops one that is not a number', () => {
    expect(parseStats({ stats: '{"numRecords":"12"}' })?.numRecords).toBe(12);
    expect(parseStats({ stats: '{"numRecords":"many","minValues":{}}' })).toEqual({ numRecords: undefined, minValues: {} });
  });

  it('parses each action once', () => {
    const add = { stats: '{"numRecords":1}' };
    expect(parseStats(add)).toBe(parseStats(add));
  });
});
