/**
 * The Rng for writes nobody replays (the CLI, the page, live runs): every draw comes from the
 * platform's cryptographic generator, so two writers that start in the same millisecond never
 * name the same data file. A 32-bit seed (a clock, a pid) is not enough: two processes can
 * draw the same seed and silently overwrite each other's data file. Replayable runs (the
 * simulator) keep seededRng.
 */
import type { Rng } from '../core/rng.ts';

const batch = 256;

export function cryptoRng(): Rng {
  const words = new Uint32Array(batch);
  let next = batch;
  return {
    next() {
      if (next === batch) {
        globalThis.crypto.getRandomValues(words);
        next = 0;
      }
      return (words[next++] ?? 0) / 4294967296;
    },
  };
}
