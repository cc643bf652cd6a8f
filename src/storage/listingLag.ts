/**
 * Listings that lag behind writes, shared by every FaultyStore of one run (the lag is the
 * store's, not one client's): a share of the keys written stay out of listings for a while
 * after they land, each for its own random time, so a listing can show commit 7 before 6.
 * Reads of a key (head, get, putIfAbsent) see it at once, as on an eventually listed store.
 */
import type { Rng } from '../core/rng.ts';
import type { Clock } from '../core/clock.ts';
import type { ObjectMeta } from '../core/objectStore.ts';

export class ListingLag {
  private readonly hiddenUntil = new Map<string, number>();
  /** How many writes were held back from listings. */
  lagged = 0;

  constructor(
    private readonly rng: Rng,
    private readonly rates: { share: number; maxMs: number },
    private readonly clock: Pick<Clock, 'now'> = { now: () => Date.now() },
  ) {}

  noteWrite(key: string): void {
    if (this.rng.next() >= this.rates.share) return;
    this.lagged++;
    this.hiddenUntil.set(key, this.clock.now() + Math.floor(this.rng.next() * this.rates.maxMs));
  }

  noteDelete(key: string): void {
    this.hiddenUntil.delete(key);
  }

  visible(objects: readonly ObjectMeta[]): ObjectMeta[] {
    const now = this.clock.now();
    return objects.filter((meta) => (this.hiddenUntil.get(meta.key) ?? 0) <= now);
  }
}
