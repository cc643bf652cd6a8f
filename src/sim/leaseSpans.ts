/**
 * When each writer held the catalog's lease, from a trace: from its acquire to its release or
 * loss. A fixed lease also ends when it expires, its last heartbeat plus its duration. A writer
 * that crashed holding an infinite lease keeps holding it until another writer breaks it (or to
 * the end of the run).
 */
import type { TraceEvent } from './trace.ts';

export interface LeaseSpan {
  writer: string;
  from: number;
  to: number;
  /** How it ended: released, lost, broken or expired (after its holder crashed), or still held at the end. */
  end: 'released' | 'lost' | 'broken' | 'expired' | 'held';
  /** The holder crashed while holding it. */
  orphaned: boolean;
}

interface Tenure {
  from: number;
  orphaned: boolean;
  /** When a fixed lease runs out without another heartbeat; undefined for an infinite lease. */
  expires?: number;
}

export function toLeaseSpans(trace: readonly TraceEvent[]): LeaseSpan[] {
  const spans: LeaseSpan[] = [];
  const open = new Map<string, Tenure>();
  const close = (writer: string, to: number, end: LeaseSpan['end']) => {
    const held = open.get(writer);
    if (!held) return;
    spans.push({ writer, from: held.from, to, end, orphaned: held.orphaned });
    open.delete(writer);
  };
  const expireUpTo = (t: number) => {
    // A fixed lease ends at its last heartbeat plus its duration, whether its holder noticed or not.
    for (const [writer, held] of [...open]) if (held.expires !== undefined && held.expires <= t) close(writer, held.expires, 'expired');
  };
  const expiry = (event: TraceEvent) => (event.leaseSeconds === undefined ? undefined : event.t + event.leaseSeconds * 1000);
  for (const event of trace) {
    expireUpTo(event.t);
    switch (event.kind) {
      case 'lease-acquired':
        open.set(event.writer, { from: event.t, orphaned: false, expires: expiry(event) });
        break;
      case 'lease-renewed': {
        const held = open.get(event.writer);
        if (held) held.expires = expiry(event);
        break;
      }
      case 'lease-released':
        close(event.writer, event.t, 'released');
        break;
      case 'lease-lost':
        close(event.writer, event.t, 'lost');
        break;
      case 'crash': {
        const held = open.get(event.writer);
        if (held) held.orphaned = true;
        break;
      }
      case 'lease-broken':
        // A break ends the lease of whoever holds it now: a holder that crashed.
        for (const [writer, held] of [...open]) if (held.orphaned && writer !== event.writer) close(writer, event.t, 'broken');
        break;
      default:
        break;
    }
  }
  const end = trace.reduce((latest, e) => Math.max(latest, e.t), 0); // no spread: a long live run has more events than the stack has room for
  expireUpTo(end);
  for (const writer of [...open.keys()]) close(writer, end, 'held');
  return spans.sort((a, b) => a.from - b.from);
}
