import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseActions, toCheckpointActions } from './parseActions.ts';
import { fixturesDir } from '../../../test/support/fixtures.ts';

const name = '00000000000000000012.json';
const addBody = { path: 'a.parquet', partitionValues: {}, size: 1, modificationTime: 2, dataChange: true };

describe('parseActions', () => {
  it('parses a real commit, in file order, from bytes or text', () => {
    const path = join(fixturesDir, 'delta-rs', 'simple_table', '_delta_log', '00000000000000000000.json');
    const bytes = new Uint8Array(readFileSync(path));
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const actions = parseActions(bytes, '00000000000000000000.json');
    expect(actions).toHaveLength(lines.length);
    expect(actions.map((a) => Object.keys(a)[0])).toEqual(lines.map((l) => Object.keys(JSON.parse(l) as object)[0]));
    expect(parseActions(readFileSync(path, 'utf8'), 'x')).toEqual(actions);
  });

  it('skips empty lines, including CRLF endings and a missing final newline', () => {
    const text = `\r\n${JSON.stringify({ add: addBody })}\r\n\n${JSON.stringify({ txn: { appId: 'x', version: 3 } })}`;
    expect(parseActions(text, name)).toEqual([{ add: addBody }, { txn: { appId: 'x', version: 3 } }]);
  });

  it('names the file and the 1-based line of a truncated line', () => {
    const text = `{"commitInfo":{}}\n\n{"add": {"path": "a`;
    expect(() => parseActions(text, name)).toThrow(expect.objectContaining({ code: 'Corrupt', message: expect.stringContaining(`delta log ${name} line 3: not valid JSON`) }));
  });

  it('names an unknown action', () => {
    expect(() => parseActions('{"foo": {"x": 1}}', name)).toThrow(`delta log ${name} line 1: unknown action "foo"`);
  });

  it('names a missing required field and a field of the wrong type', () => {
    expect(() => parseActions(JSON.stringify({ add: { ...addBody, size: undefined } }), name)).toThrow(/line 1: add: missing required field "size"/);
    expect(() => parseActions(JSON.stringify({ add: { ...addBody, size: '1' } }), name)).toThrow(/line 1: add: field "size" must be a number/);
    expect(() => parseActions('{"protocol": {"minReaderVersion": 1}}', name)).toThrow(/protocol: missing required field "minWriterVersion"/);
    expect(() => parseActions('{"protocol": {"minReaderVersion": 3, "minWriterVersion": 7, "readerFeatures": {}}}', name)).toThrow(/protocol: field "readerFeatures" must be a list of strings, got \{\}/);
    expect(() => parseActions('{"protocol": {"minReaderVersion": 3, "minWriterVersion": 7, "writerFeatures": [1]}}', name)).toThrow(/field "writerFeatures" must be a list of strings/);
    expect(() => parseActions('{"metaData": {"id": "x", "format": {}, "schemaString": "{}", "partitionColumns": [1]}}', name)).toThrow(/"partitionColumns" must be a list of strings/);
    expect(() => parseActions('{"add": 5}', name)).toThrow(/action "add" must be an object/);
    expect(() => parseActions('[1]', name)).toThrow(/must be a JSON object/);
  });

  it('fills in what writers may omit', () => {
    const [remove, metaData] = parseActions(
      '{"remove": {"path": "a"}}\n{"metaData": {"id": "x", "format": {"provider": "parquet"}, "schemaString": "{}", "partitionColumns": []}}',
      name,
    );
    expect(remove).toEqual({ remove: { path: 'a', dataChange: true } });
    expect(metaData).toMatchObject({ metaData: { configuration: {} } });
  });
});

describe('toCheckpointActions', () => {
  it('takes the non-null action column of each row and drops Parquet nulls', () => {
    const rows = [
      { add: null, remove: null, protocol: { minReaderVersion: 1, minWriterVersion: 2, readerFeatures: null } },
      { add: { ...addBody, stats: null, stats_parsed: { numRecords: 3 }, partitionValues_parsed: { p: 1 } }, protocol: null },
      { add: { ...addBody, partitionValues: null } },
    ];
    expect(toCheckpointActions(rows, 'c.parquet')).toEqual([
      { protocol: { minReaderVersion: 1, minWriterVersion: 2 } },
      { add: { ...addBody, stats_parsed: { numRecords: 3 }, partitionValues_parsed: { p: 1 } } },
      { add: addBody },
    ]);
  });

  it('names the checkpoint and row of an invalid action', () => {
    expect(() => toCheckpointActions([{}, { add: { path: 'a' } }], 'c.parquet')).toThrow(/checkpoint c\.parquet row 2: add: missing required field/);
  });

  it('a checkpoint column that is not a struct is Corrupt, naming the row (it escaped as a TypeError; found by fuzzing)', () => {
    expect(() => toCheckpointActions([{ add: 0 }], 'c.parquet')).toThrow(expect.objectContaining({ code: 'Corrupt', message: 'checkpoint c.parquet row 1: action "add" must be an object' }));
    expect(() => toCheckpointActions([{ txn: [1] }], 'c.parquet')).toThrow(/row 1: action "txn" must be an object/);
  });
});
