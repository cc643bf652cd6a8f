/** Messages between the page and the simulator worker. */
import type { SerializedLakeError } from '../core/errors.ts';
import type { TraceEvent } from '../sim/trace.ts';
import type { SimFigures } from '../sim/figures.ts';
import type { InvariantViolation } from '../sim/invariants.ts';
import type { SweepPoint } from '../sim/sweep.ts';
import type { SeedStatistics } from '../sim/seedStatistics.ts';

export interface SimRequest {
  id: number;
  /** A built-in scenario's name, or a scenario document. */
  scenario: string | unknown;
  seed: number;
  /** Judge the commits by delta-rs's rules (default), Spark Delta's or DuckLake's. */
  rules?: 'delta-rs' | 'spark' | 'ducklake';
  /** Where the page serves its samples: scenarios that start from a fixture copy one of them. */
  samplesUrl?: string;
  /** The page's id for the run this belongs to; its result carries it back. */
  runId?: number;
  /** Send back the table the run left (every object of the simulated store), for the explorer. */
  withTable?: boolean;
}

/** The objects a run left in its store: a Delta table the explorer opens as a folder in memory. */
export type SimTableObjects = { key: string; bytes: ArrayBuffer; lastModified: number }[];

export interface SimRunResult {
  /** The run that produced it (the id the page gave), so a late result cannot pass as another run's. */
  runId?: number;
  scenario: string;
  seed: number;
  trace: TraceEvent[];
  outcomes: Record<string, string>;
  finalVersion: number;
  events: number;
  summary: SimFigures;
  invariantViolations: InvariantViolation[];
  /** A live run: real workers and real time, not replayable. */
  live?: boolean;
  /** Where a live run raced: memory, a local folder, an Azure folder. */
  liveOn?: string;
  /** The table the run left, when asked for (`withTable`): every version of it opens in the explorer. */
  table?: SimTableObjects;
  /** With the table: what each side of each conflict touched, by the conflict event's index. */
  conflictDetails?: Record<number, import('../sim/conflictDetails.ts').ConflictDetail>;
}

/** Many runs as one job (simBatch.ts): the sweep of the number of writers, or one scenario over many seeds. */
export type SimBatch =
  /** Without `scenario`: the built-in contended workload (updaters of one file); with it, that scenario scaled to each writer count. */
  | { kind: 'sweep'; seed: number; scenario?: string | unknown }
  | { kind: 'seeds'; scenario: string | unknown; firstSeed: number; runs: number; rules?: 'delta-rs' | 'spark' | 'ducklake' };

export type SimBatchResult = { kind: 'sweep'; points: SweepPoint[] } | { kind: 'seeds'; statistics: SeedStatistics };

export interface SimBatchRequest {
  id: number;
  batch: SimBatch;
  samplesUrl?: string;
}

/** Stop the batch with this id between two runs (it answers with an Aborted error). */
export interface SimCancel {
  cancel: number;
}

export type SimMessage = SimRequest | SimBatchRequest | SimCancel;

export type SimResponse =
  | { id: number; ok: true; result: SimRunResult }
  | { id: number; ok: true; batch: SimBatchResult }
  | { id: number; progress: { done: number; total: number } }
  | { id: number; ok: false; error: SerializedLakeError };
