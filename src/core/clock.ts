/** Time is injected so the simulator can run the same code on a virtual clock. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock's time. */
  sleep(ms: number): Promise<void>;
}

/** A clock that only moves when told to: for tests. */
export class ManualClock implements Clock {
  private current: number;
  private readonly waiters: { until: number; resolve: () => void }[] = [];

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push({ until: this.current + Math.max(0, ms), resolve });
    });
  }

  advance(ms: number): void {
    this.current += ms;
    const due = this.waiters.filter((w) => w.until <= this.current);
    for (const waiter of due) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }
}
