import { describe, expect, it } from 'vitest';
import { describeActionCounts } from './commitActions.ts';

describe('a commit in the Log view', () => {
  it('counts its actions by type, in the order they first appear', () => {
    const actions = [{ commitInfo: {} }, { remove: {} }, ...Array.from({ length: 1200 }, () => ({ add: {} })), { remove: {} }];
    expect(describeActionCounts(actions)).toBe('1,203 actions: 1 commitInfo, 2 remove, 1,200 add');
    expect(describeActionCounts([{ commitInfo: {} }])).toBe('1 action: 1 commitInfo');
    expect(describeActionCounts([])).toBe('0 actions');
  });
});
