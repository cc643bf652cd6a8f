/**
 * Virtual time for the simulator: every store call and every pause is an event at a virtual
 * time, run in (time, sequence) order, one at a time. Between events the runner lets the
 * woken code run until it waits again (`settle`), so a (scenario, seed) always gives the
 * same interleaving, in Node, in a worker or in the page. Between two events `drain` does that
 * wait when the platform can tell that the microtasks ran out without a macrotask turn (Node's
 * process.nextTick): simulated store calls only ever wait on this clock, so the woken code
 * waits again once its microtasks are done (docs/decisions/0019).
 */
import type { Clock } from '../core/clock.ts';

interface Waiting {
  time: number;
  seq: number;
  wake: () => void;
}

export class VirtualScheduler implements Clock {
  private current: number;
  private seq = 0;
  private readonly queue: Waiting[] = [];

  constructor(start: number, private readonly settle: () => Promise<void>, private readonly drain: () => Promise<void> = settle) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Resolves when virtual time reaches now + ms. */
  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.push({ time: this.current + Math.max(0, ms), seq: this.seq++, wake }));
  }

  /** Run until no one waits any more (every actor finished), or until `limit` events. */
  async run(limit = 1_000_000): Promise<number> {
    let events = 0;
    await this.settle();
    while (this.queue.length > 0 && events < limit) {
      const next = this.pop();
      this.current = next.time;
      next.wake();
      events++;
      await this.drain();
    }
    return events;
  }

  private push(item: Waiting): void {
    const q = this.queue;
    q.push(item);
    let i = q.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, q[parent]!)) break;
      q[i] = q[parent]!;
      i = parent;
    }
    q[i] = item;
  }

  private pop(): Waiting {
    const q = this.queue;
    const top = q[0]!;
    const last = q.pop()!;
    if (q.length > 0) {
      // Sift `last` down from the root: each step moves the earlier child up, without swapping.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = l < q.length && before(q[l]!, last) ? l : -1;
        if (r < q.length && before(q[r]!, m < 0 ? last : q[l]!)) m = r;
        if (m < 0) break;
        q[i] = q[m]!;
        i = m;
      }
      q[i] = last;
    }
    return top;
  }
}

function before(a: Waiting, b: Waiting): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
