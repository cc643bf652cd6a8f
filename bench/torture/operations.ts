/**
 * The torture run's operations as plain data, drawn from a seed: every operation Lakelab
 * writes (append, overwrite with and without a partition predicate, delete, update, merge,
 * optimize) over a table of (id long, p string, v long) partitioned by p. Ids are unique per
 * operation, so the model can tell every row's origin; p follows from the id.
 */
import { randomInt, type Rng } from '../../src/core/rng.ts';

export type Row = {
  id: number;
  p: string;
  v: number;
};

export type Operation =
  | { kind: 'append'; rows: Row[] }
  /** replaceWhere `p = '<partition>'`, or the whole table without a partition. */
  | { kind: 'overwrite'; partition?: string; rows: Row[] }
  | { kind: 'delete'; from: number; to: number }
  | { kind: 'update'; from: number; to: number; v: number }
  /** Upsert by id: matched rows take the source's v, the rest are inserted. */
  | { kind: 'merge'; rows: Row[] }
  | { kind: 'optimize' };

export interface PlannedOperation {
  /** 1-based; 0 is the table's creation. */
  number: number;
  operation: Operation;
}

const partitions = ['a', 'b', 'c'];
export const partitionOf = (id: number): string => partitions[id % partitions.length]!;
/** Ids below this are the starting rows; operation n writes ids n * idsPerOperation + i. */
export const idsPerOperation = 100;

export function startingRows(): Row[] {
  return Array.from({ length: 30 }, (_, id) => ({ id, p: partitionOf(id), v: 0 }));
}

const row = (id: number, v: number): Row => ({ id, p: partitionOf(id), v });

/** The predicate Lakelab is given for a delete or update of ids [from, to). */
export function rangePredicate(from: number, to: number): string {
  return `id >= ${from} AND id < ${to}`;
}

export function planOperations(rng: Rng, count: number): PlannedOperation[] {
  const planned: PlannedOperation[] = [];
  for (let number = 1; number <= count; number++) planned.push({ number, operation: drawOperation(rng, number) });
  return planned;
}

function drawOperation(rng: Rng, number: number): Operation {
  const base = number * idsPerOperation;
  // Ranges and merge targets fall anywhere among the ids written so far.
  const anyId = () => randomInt(rng, 0, Math.max(30, base));
  const roll = rng.next();
  if (roll < 0.3) return { kind: 'append', rows: Array.from({ length: randomInt(rng, 1, 6) }, (_, i) => row(base + i, number)) };
  if (roll < 0.4) {
    const whole = rng.next() < 0.3;
    const partition = whole ? undefined : partitions[randomInt(rng, 0, partitions.length)]!;
    // Rows for replaceWhere must all fall in its partition: ids with the partition's remainder.
    const first = partition === undefined ? base : base + ((partitions.indexOf(partition) - (base % partitions.length) + partitions.length) % partitions.length);
    const rows = Array.from({ length: randomInt(rng, 1, 5) }, (_, i) => row(first + i * partitions.length, number));
    return partition === undefined ? { kind: 'overwrite', rows } : { kind: 'overwrite', partition, rows };
  }
  if (roll < 0.55) {
    const from = anyId();
    return { kind: 'delete', from, to: from + randomInt(rng, 1, 40) };
  }
  if (roll < 0.7) {
    const from = anyId();
    return { kind: 'update', from, to: from + randomInt(rng, 1, 40), v: number };
  }
  if (roll < 0.85) {
    const targets = Array.from({ length: randomInt(rng, 0, 4) }, () => anyId());
    const fresh = Array.from({ length: randomInt(rng, 1, 4) }, (_, i) => base + i);
    return { kind: 'merge', rows: [...new Set([...targets, ...fresh])].map((id) => row(id, number)) };
  }
  return { kind: 'optimize' };
}
