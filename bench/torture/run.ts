/**
 * `npm run torture`: racing writers of every operation against the memory store, a local
 * folder (with real lakelab processes killed at random) and Azurite, under injected faults,
 * then an independent check. Bounded in operations and time; prints its seed (replay with
 * --seed N) and its figures; exits 1 on any violation.
 *
 *   npm run torture -- [--seed N] [--operations N] [--seconds S] [--stores memory,node,azurite]
 *
 * --operations (default 300) is per store: the memory store takes three times as many, the
 * folder half (its lakelab processes take a second or more each); --seconds bounds each store.
 */
import { formatResult } from './tortureRun.ts';
import { tortureStore, type StoreName } from './tortureStores.ts';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const seed = Number(flag('seed') ?? (Date.now() % 1_000_000_000));
const operations = Number(flag('operations') ?? 300);
const seconds = Number(flag('seconds') ?? 180);
const stores = (flag('stores') ?? 'memory,node,azurite').split(',') as StoreName[];
console.log(`lakelab torture: seed ${seed}, up to ${operations} operations and ${seconds} s per store (replay: npm run torture -- --seed ${seed})`);
let violations = 0;
for (const name of stores) {
  // The memory store takes three times the operations (calls cost nothing); lakelab processes half.
  const sizes = name === 'node'
    ? { operations: Math.ceil(operations / 2), seconds, writers: 3, processes: 3 }
    : { operations: name === 'memory' ? operations * 3 : operations, seconds, writers: 8, processes: 0 };
  const result = await tortureStore(name, seed, sizes);
  console.log(formatResult(result));
  violations += result.check.violations.length;
}
console.log(violations === 0 ? 'violations: 0' : `violations: ${violations}`);
process.exitCode = violations === 0 ? 0 : 1;
