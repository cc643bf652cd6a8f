/**
 * The torture run, short: a fixed seed and small counts on each store, the same independent
 * check as `npm run torture`. Its figures are printed; every violation fails the test.
 */
import { describe, expect, it } from 'vitest';
import { formatResult } from './tortureRun.ts';
import { tortureStore } from './tortureStores.ts';

const seed = 20_260_301;

describe(`torture (seed ${seed})`, () => {
  it('memory store: racing writers under every fault, nothing lost, nothing twice, the rows the model says', async () => {
    const result = await tortureStore('memory', seed, { operations: 60, seconds: 60, writers: 6, processes: 0 });
    console.log(formatResult(result));
    expect(result.check.violations).toEqual([]);
    expect(result.ledger.figures.committed).toBeGreaterThan(10);
  });

  it('local folder: in-process writers under faults beside lakelab processes killed with SIGKILL', async () => {
    const result = await tortureStore('node', seed, { operations: 16, seconds: 90, writers: 2, processes: 2 });
    console.log(formatResult(result));
    expect(result.check.violations).toEqual([]);
  }, 180_000);

  it('Azurite: racing writers under every fault', async () => {
    const result = await tortureStore('azurite', seed, { operations: 30, seconds: 60, writers: 4, processes: 0 });
    console.log(formatResult(result));
    expect(result.check.violations).toEqual([]);
  }, 180_000);
});
