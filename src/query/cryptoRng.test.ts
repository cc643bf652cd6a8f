import { describe, expect, it } from 'vitest';
import { cryptoRng } from './cryptoRng.ts';
import { randomUuid } from '../core/rng.ts';

describe('cryptoRng', () => {
  it('draws floats in [0, 1) past its batch of words', () => {
    const rng = cryptoRng();
    const draws = Array.from({ length: 1000 }, () => rng.next());
    expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(990);
  });

  it('gives two generators made at the same moment different file ids (a clock seed did not)', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => randomUuid(cryptoRng())));
    expect(ids.size).toBe(2000);
  });
});
