import { describe, expect, it } from 'vitest';
import { formatSpan } from './Swimlane.tsx';

describe('the swimlane time axis', () => {
  it('reads milliseconds, seconds, minutes and hours', () => {
    expect(formatSpan(1180)).toBe('1180 ms');
    expect(formatSpan(60_286)).toBe('60.3 s');
    expect(formatSpan(600_000)).toBe('10 min');
    expect(formatSpan(46_860_225)).toBe('13 h 1 min');
  });
});
