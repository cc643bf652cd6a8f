import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatIsoMs, parseIsoMs } from './civilTime.ts';

describe('ISO times without a Date', () => {
  it("writes what Date's toISOString writes, and reads it back", () => {
    fc.assert(fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), (ms) => {
      expect(formatIsoMs(ms)).toBe(new Date(ms).toISOString());
      expect(parseIsoMs(formatIsoMs(ms))).toBe(ms);
    }), { numRuns: 2000 });
  });

  it('reads zones and zoneless times (UTC) as Date.parse reads their UTC form, and refuses what is not a time', () => {
    expect(parseIsoMs('2026-01-01T01:00:00+01:00')).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(parseIsoMs('2026-01-01 12:30')).toBe(Date.parse('2026-01-01T12:30:00Z'));
    expect(parseIsoMs('2026-01-01')).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(parseIsoMs('1969-12-31T23:59:59.999Z')).toBe(-1);
    expect(parseIsoMs('yesterday')).toBeUndefined();
    expect(parseIsoMs('')).toBeUndefined();
  });
});
