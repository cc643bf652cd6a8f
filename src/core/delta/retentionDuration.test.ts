import { describe, expect, it } from 'vitest';
import { toRetentionMs } from './retentionDuration.ts';

describe('toRetentionMs', () => {
  it('reads delta.deletedFileRetentionDuration as delta-rs does', () => {
    expect(toRetentionMs(undefined)).toBe(604_800_000);
    expect(toRetentionMs('interval 1 week')).toBe(604_800_000);
    expect(toRetentionMs('interval 36 hours')).toBe(36 * 3_600_000);
    expect(toRetentionMs('2 days')).toBe(2 * 86_400_000);
    expect(() => toRetentionMs('soon')).toThrow(/is not an interval/);
  });
});
