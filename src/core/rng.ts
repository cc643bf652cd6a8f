/** Randomness is injected and seeded so every simulated run can be replayed. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
}

/** mulberry32: small, fast, and good enough for scheduling and ids. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

export function randomInt(rng: Rng, minInclusive: number, maxExclusive: number): number {
  return minInclusive + Math.floor(rng.next() * (maxExclusive - minInclusive));
}

/** An RFC 4122 version-4 UUID drawn from `rng`. */
export function randomUuid(rng: Rng): string {
  const bytes = new Array<number>(16);
  for (let i = 0; i < 16; i++) bytes[i] = randomInt(rng, 0, 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
