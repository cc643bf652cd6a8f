/**
 * Property-based fuzzing with fast-check: random and mutated inputs must give a result or a
 * LakeError, never another exception. Each property prints its seed and run count; the
 * defaults are a short run for the suite. LAKELAB_FUZZ_RUNS=N runs each property N times and
 * LAKELAB_FUZZ_SEED=S replays a seed; a failure prints the counterexample and its seed.
 */
import fc from 'fast-check';
import { vi } from 'vitest';
import { isLakeError } from '../../src/core/errors.ts';

export const fuzzSeed = Number(process.env.LAKELAB_FUZZ_SEED ?? 20_260_301);

// A long run (LAKELAB_FUZZ_RUNS) takes as long as it takes.
if (process.env.LAKELAB_FUZZ_RUNS) vi.setConfig({ testTimeout: 3_600_000 });

export function fuzzRuns(short: number): number {
  return Number(process.env.LAKELAB_FUZZ_RUNS ?? short);
}

/** Runs `check` over `arbitrary`; a thrown LakeError is an acceptable outcome, anything else fails. */
export async function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, check: (input: T) => unknown, runs: number): Promise<void> {
  let outcomes = { results: 0, lakeErrors: 0 };
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      try {
        await check(input);
        outcomes.results++;
      } catch (error) {
        if (!isLakeError(error)) throw error;
        outcomes.lakeErrors++;
      }
    }),
    { seed: fuzzSeed, numRuns: runs },
  );
  console.log(`fuzz ${name}: seed ${fuzzSeed}, ${runs} runs: ${outcomes.results} results, ${outcomes.lakeErrors} LakeErrors`);
  outcomes = { results: 0, lakeErrors: 0 };
}

export type ByteEdit =
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'cut'; at: number };

/** Byte edits applied to a real input: changed bytes, inserted random bytes, deletions, a cut. */
export const byteEdits: fc.Arbitrary<ByteEdit[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 16 }) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 32 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  ),
  { minLength: 1, maxLength: 6 },
);

export function applyByteEdits(source: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  let bytes = [...source];
  for (const edit of edits) {
    const at = edit.at % (bytes.length + 1);
    if (edit.kind === 'set') {
      if (bytes.length > 0) bytes[at % bytes.length] = edit.value;
    } else if (edit.kind === 'insert') bytes.splice(at, 0, ...edit.bytes);
    else if (edit.kind === 'delete') bytes.splice(at, edit.length);
    else bytes = bytes.slice(0, at);
  }
  return new Uint8Array(bytes);
}
