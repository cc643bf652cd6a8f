/**
 * Text a person or another engine hands Lakelab, fuzzed: partition values for every type,
 * Azure and OneLake addresses (random, and real ones with characters changed), CSV sources
 * (parsed, typed and written as Parquet), and scenario documents (random JSON, and the
 * built-in scenarios with a field replaced). A result or a LakeError, never another exception.
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { toPartitionString, toTypedPartitionValue } from '../../src/core/delta/partitionValues.ts';
import type { DataType } from '../../src/core/delta/schemaTypes.ts';
import { parseAzureAddress, redactSecrets } from '../../src/storage/azureAddress.ts';
import { toSourceRows } from '../../src/query/sourceRows.ts';
import { writeDataFiles } from '../../src/query/dataFiles.ts';
import { MemoryStore } from '../../src/storage/memoryStore.ts';
import { seededRng } from '../../src/core/rng.ts';
import { validateScenario } from '../../src/sim/scenario.ts';
import { scenarioLibrary } from '../../src/sim/scenarioLibrary.ts';
import { fuzz, fuzzRuns } from '../support/fuzz.ts';

const types: DataType[] = ['string', 'long', 'integer', 'short', 'byte', 'float', 'double', 'boolean', 'binary', 'date', 'timestamp', 'timestamp_ntz', 'decimal(10,2)', 'decimal(38,18)', 'decimal(1,0)', 'variant' as DataType, { type: 'array', elementType: 'long', containsNull: true }];
const valueLike = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.stringMatching(/^-?\d{0,25}(\.\d{0,20})?([eE][+-]?\d{1,4})?$/),
  fc.stringMatching(/^\d{1,6}-\d{1,3}-\d{1,3}([ T]\d{1,2}:\d{1,2}(:\d{1,2}(\.\d{0,12})?)?)?(Z|[+-]\d{2}:?\d{2})?$/),
  fc.constantFrom('true', 'FALSE', 'NaN', 'Infinity', '-0', '1e309', '9223372036854775808', '-9223372036854775809', '', ' ', '__HIVE_DEFAULT_PARTITION__', '2024-02-30', '0000-00-00 00:00:00'),
);

const addresses = [
  'abfss://workspace@onelake.dfs.fabric.microsoft.com/Lake.Lakehouse/Tables/t',
  'https://onelake.dfs.fabric.microsoft.com/workspace/Lake.Lakehouse/Tables/t',
  'abfss://container@account.dfs.core.windows.net/path/to/t',
  'https://account.blob.core.windows.net/container/path?sv=2025-01-05&sig=abc%2Fdef%3D',
  'http://127.0.0.1:10000/devstoreaccount1/container/path',
];

describe('fuzzing what people and engines hand Lakelab', () => {
  it('partition values of every type, and back', async () => {
    await fuzz('toTypedPartitionValue(random text, any type)', fc.record({ text: fc.option(valueLike, { nil: null }), type: fc.constantFrom(...types) }), ({ text, type }) => {
      const typed = toTypedPartitionValue(text, type, 'p');
      if (typed !== null) toPartitionString(typed, type);
    }, fuzzRuns(5_000));
  });

  it('Azure and OneLake addresses: random, and real ones with characters changed', async () => {
    const mutated = fc.record({ base: fc.constantFrom(...addresses), at: fc.nat(), insert: fc.string({ maxLength: 6 }), cut: fc.nat({ max: 8 }) })
      .map(({ base, at, insert, cut }) => base.slice(0, at % (base.length + 1)) + insert + base.slice((at % (base.length + 1)) + cut));
    await fuzz('parseAzureAddress(random and mutated)', fc.oneof(fc.string({ maxLength: 120 }), fc.webUrl({ withQueryParameters: true, withFragments: true }), mutated), (text) => {
      parseAzureAddress(text);
      redactSecrets(text);
    }, fuzzRuns(5_000));
  });

  it('CSV sources: parsed, typed by what they hold, and written as Parquet', async () => {
    const cell = fc.oneof(valueLike, fc.constantFrom('"', '""', '"a,b"', '"x\ny"', '\r', ',', 'ü', '\u0000'));
    const csv = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }).map((rows) => rows.map((r) => r.join(',')).join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0] ?? '\n')),
    );
    await fuzz('CSV source (parse, type, write Parquet)', csv, async (text) => {
      const source = await toSourceRows('in.csv', new TextEncoder().encode(text));
      if (source.rows.length === 0 || source.schema.fields.length === 0) return;
      await writeDataFiles(source.rows, { store: new MemoryStore(), tableRoot: '', schema: source.schema, partitionColumns: [], rng: seededRng(1), now: 0 });
    }, fuzzRuns(400));
  });

  it('scenario documents: random JSON, and the built-in ones with a field replaced', async () => {
    const library = scenarioLibrary.map((s) => JSON.stringify(s));
    const mutated = fc.record({ pick: fc.nat(), path: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), value: fc.jsonValue({ maxDepth: 3 }) }).map(({ pick, path, value }) => {
      const doc = JSON.parse(library[pick % library.length]!) as unknown;
      let node = doc as Record<string, unknown>;
      for (let i = 0; i < path.length; i++) {
        const keys = typeof node === 'object' && node !== null ? Object.keys(node) : [];
        if (keys.length === 0) break;
        const key = keys[path[i]! % keys.length]!;
        if (i === path.length - 1 || typeof node[key] !== 'object' || node[key] === null) {
          node[key] = value;
          break;
        }
        node = node[key] as Record<string, unknown>;
      }
      return doc;
    });
    await fuzz('validateScenario(random and mutated)', fc.oneof(fc.jsonValue({ maxDepth: 5 }), mutated), (doc) => validateScenario(doc), fuzzRuns(3_000));
  });
});
