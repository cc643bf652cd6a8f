import type { TraceEvent, TraceKind } from '../../sim/trace.ts';

/** What each kind of trace event looks like on the swimlane, and what the key calls it. */
const looks: Partial<Record<TraceKind, { colour: string; words: string }>> = {
  read: { colour: 'var(--accent)', words: 'read a version' },
  attempt: { colour: 'var(--muted)', words: 'commit attempt' },
  versionTaken: { colour: 'orange', words: 'version taken: checks, then the next' },
  recompute: { colour: 'orange', words: 'recompute and retry' },
  committed: { colour: 'var(--add)', words: 'committed' },
  conflict: { colour: 'var(--remove)', words: 'conflict' },
  exhausted: { colour: 'var(--remove)', words: 'gave up (retries spent)' },
  error: { colour: 'var(--remove)', words: 'error' },
  'lease-acquired': { colour: 'var(--accent)', words: 'lease acquired' },
  'lease-renewed': { colour: 'var(--accent)', words: 'lease renewed' },
  'lease-refused': { colour: 'var(--remove)', words: 'lease refused' },
  'lease-broken': { colour: 'orange', words: 'lease broken' },
  'lease-released': { colour: 'var(--add)', words: 'lease released' },
  'lease-lost': { colour: 'var(--remove)', words: 'lease lost' },
  crash: { colour: 'var(--remove)', words: 'crash' },
};
const otherWords = 'other steps (think, plan, check)';

export function colourOf(kind: TraceKind): string {
  return looks[kind]?.colour ?? 'var(--muted)';
}

/** The decisive events, drawn larger and labelled when the trace is short enough to read. */
export function isDecisive(kind: TraceKind): boolean {
  return ['committed', 'conflict', 'exhausted', 'crash', 'lease-refused', 'lease-broken'].includes(kind);
}

/** A decisive event's label on the lane: the version committed, the conflict's kind, what happened to the lease. */
export function labelOf(event: TraceEvent): string | undefined {
  if (!isDecisive(event.kind)) return undefined;
  if (event.kind === 'committed') return event.version === undefined ? 'committed' : event.catalog ? `snapshot ${event.version}` : `v${event.version}`;
  if (event.kind === 'conflict') return event.conflictKind ?? 'conflict';
  return looks[event.kind]?.words;
}

export interface KeyEntry { colour: string; words: string }

/** The key under the swimlane: the kinds of event this trace has, in the order the list above gives them. */
export function swimlaneKey(trace: readonly TraceEvent[]): KeyEntry[] {
  const present = new Set(trace.map((e) => e.kind));
  const entries: KeyEntry[] = [];
  for (const [kind, look] of Object.entries(looks) as [TraceKind, { colour: string; words: string }][]) {
    if (present.has(kind)) entries.push(look);
  }
  if ([...present].some((kind) => !looks[kind])) entries.push({ colour: 'var(--muted)', words: otherWords });
  return entries;
}
