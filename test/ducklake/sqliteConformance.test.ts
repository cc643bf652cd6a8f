import { describe } from 'vitest';
import { describeConformance } from './conformance.ts';

describe('DuckLake conformance: the same catalogs as SQLite files', () => describeConformance('sqlite'));
