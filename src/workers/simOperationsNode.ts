/** The simulator's operations in Node (the CLI, tests, benchmarks): the shared executors, and DuckLake catalogs on duckdb-wasm's Node build. */
import type { SimOperations } from '../sim/simOperations.ts';
import { openNodeSqlEngine } from '../query/duckdbNode.ts';
import { simOperations as shared } from './simOperationsImpl.ts';
import { createSimDucklake } from './simDucklakeImpl.ts';

export const simOperations: SimOperations = { ...shared, ducklake: createSimDucklake(openNodeSqlEngine) };
