import { describe } from 'vitest';
import { describeConformance } from './conformance.ts';

describe('DuckLake conformance: DuckDB catalog files', () => describeConformance('duckdb'));
