import { describe, expect, it } from 'vitest';
import { labelOf, swimlaneKey } from './swimlaneKey.ts';
import type { TraceEvent } from '../../sim/trace.ts';

const at = (kind: TraceEvent['kind'], extra: Partial<TraceEvent> = {}): TraceEvent => ({ t: 0, writer: 'w', kind, ...extra });

describe('the swimlane key', () => {
  it('names only the kinds of event the trace has, with one entry for the minor steps', () => {
    const key = swimlaneKey([at('read'), at('think'), at('planned'), at('attempt'), at('committed', { version: 1 }), at('attempt'), at('conflict')]);
    expect(key.map((e) => e.words)).toEqual(['read a version', 'commit attempt', 'committed', 'conflict', 'other steps (think, plan, check)']);
  });

  it('labels the decisive events: the version committed, the conflict kind, what happened to a lease', () => {
    expect(labelOf(at('committed', { version: 3 }))).toBe('v3');
    expect(labelOf(at('conflict', { conflictKind: 'ConcurrentDeleteRead' }))).toBe('ConcurrentDeleteRead');
    expect(labelOf(at('lease-broken'))).toBe('lease broken');
    expect(labelOf(at('read', { version: 0 }))).toBeUndefined();
  });
});
