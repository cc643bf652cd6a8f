/**
 * The faults a FaultyStore can inject, and a decider that draws them from a seeded Rng: the
 * same seed gives the same faults in the same order, so a failing run replays.
 */
import type { Rng } from '../core/rng.ts';

export type StoreCall = 'list' | 'head' | 'get' | 'put' | 'putIfAbsent' | 'delete';

export type Fault =
  | { kind: 'none' }
  /** Refused before it reaches the store: a Network error, nothing changed. */
  | { kind: 'fail' }
  /** Latency: the call waits, then runs. */
  | { kind: 'delay'; ms: number }
  /** A get returns only the first bytes. */
  | { kind: 'truncate'; keepBytes: number }
  /**
   * The caller gives up after `ms` (a Network error saying it timed out); the request may still
   * reach the store: with `landsAfterMs` it takes effect that long after the caller was told.
   */
  | { kind: 'timeout'; ms: number; landsAfterMs?: number }
  /** The call takes effect, then its answer is lost: the caller gets a Network error. */
  | { kind: 'failAfter' }
  /** putIfAbsent creates the object, but reports 'exists' (a client retry of a create whose first answer was lost). */
  | { kind: 'existsAfter' }
  /** put reports success without writing anything (a store that acknowledges a lost write). */
  | { kind: 'phantom' }
  /** The process dies before the call reaches the store, or after it took effect and before the caller hears. */
  | { kind: 'crash'; after: boolean };

export interface FaultRates {
  /** Chance a call fails with a Network error. */
  fail?: number;
  /** Chance a call is delayed, by up to `maxDelayMs` (uniform). */
  delay?: number;
  maxDelayMs?: number;
  /** Chance a get returns only part of its bytes. */
  truncate?: number;
  /** Chance a call times out after up to `maxDelayMs`; half of the timed-out writes still land, later. */
  timeout?: number;
  /** Chance a write (put, putIfAbsent, delete) takes effect but reports a Network error. */
  failAfter?: number;
  /** Chance a putIfAbsent that creates reports 'exists'. */
  existsAfter?: number;
  /** Chance a put reports success and writes nothing. */
  phantom?: number;
  /** Chance the process dies at a call (half before it reaches the store, half after it took effect). */
  crash?: number;
  /** Only these calls get faults; default all. */
  calls?: StoreCall[];
}

const writes = new Set<StoreCall>(['put', 'putIfAbsent', 'delete']);

/** A fault decider over a seeded Rng. Rates left out draw nothing, so older seeds replay unchanged. */
export function toFaultDecider(rng: Rng, rates: FaultRates): (call: StoreCall, key: string) => Fault {
  return (call) => {
    if (rates.calls && !rates.calls.includes(call)) return { kind: 'none' };
    const roll = rng.next();
    const maxDelayMs = rates.maxDelayMs ?? 1000;
    let edge = rates.fail ?? 0;
    if (roll < edge) return { kind: 'fail' };
    edge += rates.delay ?? 0;
    if (roll < edge) return { kind: 'delay', ms: Math.floor(rng.next() * maxDelayMs) };
    edge += call === 'get' ? (rates.truncate ?? 0) : 0;
    if (roll < edge) return { kind: 'truncate', keepBytes: Math.floor(rng.next() * 64) };
    edge += rates.timeout ?? 0;
    if (roll < edge) {
      const ms = Math.floor(rng.next() * maxDelayMs);
      const lands = writes.has(call) && rng.next() < 0.5;
      return lands ? { kind: 'timeout', ms, landsAfterMs: Math.floor(rng.next() * maxDelayMs) } : { kind: 'timeout', ms };
    }
    edge += writes.has(call) ? (rates.failAfter ?? 0) : 0;
    if (roll < edge) return { kind: 'failAfter' };
    edge += call === 'putIfAbsent' ? (rates.existsAfter ?? 0) : 0;
    if (roll < edge) return { kind: 'existsAfter' };
    edge += call === 'put' ? (rates.phantom ?? 0) : 0;
    if (roll < edge) return { kind: 'phantom' };
    edge += rates.crash ?? 0;
    if (roll < edge) return { kind: 'crash', after: rng.next() < 0.5 };
    return { kind: 'none' };
  };
}
