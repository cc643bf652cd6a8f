import { describe, expect, it } from 'vitest';
import { flagInteger, flagList, flagString, flagTimestamp, hasFlag, parseCommandArgs, UsageError, type ParsedArgs } from './args.ts';
import { commands } from './main.ts';
import { toMergeClauses } from './commands/merge.ts';
import { closestName } from './closestName.ts';

const specOf = (name: string) => {
  const command = commands.find((c) => c.spec.name === name);
  if (!command) throw new Error(`no command ${name}`);
  return command.spec;
};
const parse = (name: string, ...argv: string[]) => parseCommandArgs(specOf(name), argv);
const refusal = (name: string, ...argv: string[]) => {
  try {
    parse(name, ...argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`lakelab ${name} ${argv.join(' ')} was accepted`);
};
const options = (args: ParsedArgs) => args.options.map(({ name, value }) => [name, value]);

/** Good argv -> the table path and options, in order, per command. */
const accepted: [command: string, argv: string[], positionals: string[], options: [string, string | true][]][] = [
  ['history', ['T', '--limit', '2', '--format=jsonl'], ['T'], [['limit', '2'], ['format', 'jsonl']]],
  ['schema', ['--version', '3', 'T'], ['T'], [['version', '3']]],
  ['files', ['T', '--timestamp', '2020-04-27T06:30:00Z', '--format', 'csv'], ['T'], [['timestamp', '2020-04-27T06:30:00Z'], ['format', 'csv']]],
  ['scan', ['T', '--where', "id = 1 AND name = '--x'", '--columns', 'a,b', '--columns', 'c', '--limit', '5'], ['T'],
    [['where', "id = 1 AND name = '--x'"], ['columns', 'a,b'], ['columns', 'c'], ['limit', '5']]],
  ['scan', ['--where=--weird', '--', '--a-table-named-like-an-option'], ['--a-table-named-like-an-option'], [['where', '--weird']]],
  ['index', ['public/samples/x', '--commit-times'], ['public/samples/x'], [['commit-times', true]]],
  ['create', ['T', '--schema', 'id long, name string', '--partition-by', 'p', '--property', 'a=1,b=2', '--property', 'c=3'], ['T'],
    [['schema', 'id long, name string'], ['partition-by', 'p'], ['property', 'a=1,b=2'], ['property', 'c=3']]],
  ['append', ['T', '--source', 'a.csv', '--source', 'b.csv,c.parquet', '--with-filename', '--version', '0'], ['T'],
    [['source', 'a.csv'], ['source', 'b.csv,c.parquet'], ['with-filename', true], ['version', '0']]],
  ['overwrite', ['T', '--source', 'a.csv', '--where', "p = 'x'", '--isolation', 'WriteSerializable'], ['T'],
    [['source', 'a.csv'], ['where', "p = 'x'"], ['isolation', 'WriteSerializable']]],
  ['delete', ['T', '--where', 'id = -1', '--max-retries', '0'], ['T'], [['where', 'id = -1'], ['max-retries', '0']]],
  ['update', ['T', '--set', 'value = 0', '--where', 'id = 1'], ['T'], [['set', 'value = 0'], ['where', 'id = 1']]],
  ['merge', ['T', '--source', 's.csv', '--on', 't.id = s.id', '--when-matched-update-all', '--when-matched-delete=s.gone = true', '--when-not-matched-insert-all'], ['T'],
    [['source', 's.csv'], ['on', 't.id = s.id'], ['when-matched-update-all', true], ['when-matched-delete', 's.gone = true'], ['when-not-matched-insert-all', true]]],
  ['sim', ['--list'], [], [['list', true]]],
  ['sim', ['delete-vs-delete', '--seed', '5', '--fixtures', 'dir'], ['delete-vs-delete'], [['seed', '5'], ['fixtures', 'dir']]],
  ['optimize', ['T', '--txn-id', 'abc', '--isolation', 'Serializable'], ['T'], [['txn-id', 'abc'], ['isolation', 'Serializable']]],
  ['clean', ['T', '--older-than', '2h', '--dry-run', '--retention', '0s'], ['T'], [['older-than', '2h'], ['dry-run', true], ['retention', '0s']]],
  ['ducklake-export', ['C', '--table', 's.t', '--to', 'abfss://w@onelake.dfs.fabric.microsoft.com/l.Lakehouse/Tables/t', '--reader-version', '1', '--dry-run'], ['C'],
    [['table', 's.t'], ['to', 'abfss://w@onelake.dfs.fabric.microsoft.com/l.Lakehouse/Tables/t'], ['reader-version', '1'], ['dry-run', true]]],
  ['ducklake-lease', ['status', 'abfss://w@onelake.dfs.fabric.microsoft.com/l.Lakehouse/Files/metadata.db', '--stale-after', '2h'], ['status', 'abfss://w@onelake.dfs.fabric.microsoft.com/l.Lakehouse/Files/metadata.db'], [['stale-after', '2h']]],
  ['append', ['C', '--table', 'main.t', '--source', 'a.csv', '--stale-after', '30m', '--author', 'me'], ['C'], [['table', 'main.t'], ['source', 'a.csv'], ['stale-after', '30m'], ['author', 'me']]],
];

/** Bad argv -> the exact refusal, per command: the destructive typos of issue 11 first. */
const refused: [command: string, argv: string[], message: string][] = [
  ['delete', ['T', '--wher', 'id = 1'], 'unknown option --wher; did you mean --where?'],
  ['update', ['T', '--set', 'value = 0', '--wehre', 'id = 1'], 'unknown option --wehre; did you mean --where?'],
  ['overwrite', ['T', '--source', 'a.csv', '--wehre', "p = 'x'"], 'unknown option --wehre; did you mean --where?'],
  ['scan', ['T', '--wher', 'id = 5'], 'unknown option --wher; did you mean --where?'],
  ['merge', ['T', '--on', 't.id = s.id', '--when-matched-updte-all', '--when-matched-delete'], 'unknown option --when-matched-updte-all; did you mean --when-matched-update-all?'],
  ['append', ['T', '--source', 'a.csv', 'b.csv'], 'unexpected argument "b.csv": append takes only <table> (here "T"); to give --source several values, repeat --source or separate the values with commas'],
  ['history', ['T', 'U'], 'unexpected argument "U": history takes only <table> (here "T")'],
  ['history', ['T', '--timestamp', '2020-01-01'], 'unknown option --timestamp'],
  ['history', [], 'missing <table>'],
  ['schema', ['T', '--version'], '--version needs a value (N)'],
  ['files', ['T', '--version', '--format', 'csv'], '--version needs a value (N), not the option --format'],
  ['scan', ['T', '--where', '--limit', '3'], '--where needs a value (EXPR), not the option --limit'],
  ['scan', ['T', '--where='], '--where needs a value (EXPR)'],
  ['scan', ['T', '--limit', '1', '--limit', '2'], '--limit is given twice; give it once'],
  ['scan', ['T', '-w', 'x'], 'unknown option -w'],
  ['scan', ['T', '-where', 'x'], 'unknown option -where; did you mean --where?'],
  ['index', ['dir', '--commit-times=yes'], '--commit-times is a switch and takes no value (got "--commit-times=yes")'],
  ['index', ['dir', 'other'], 'unexpected argument "other": index takes only <folder> (here "dir")'],
  ['create', ['T', '--schem', 'id long'], 'unknown option --schem; did you mean --schema?'],
  ['create', ['T', '--version', '0'], 'unknown option --version'],
  ['append', ['T', '--with-filename=yes'], '--with-filename is a switch and takes no value (got "--with-filename=yes")'],
  ['append', ['T', '--timestamp', '2020-01-01'], 'unknown option --timestamp'],
  ['delete', ['T', 'id = 1'], 'unexpected argument "id = 1": delete takes only <table> (here "T")'],
  ['delete', ['T', '--where'], '--where needs a value (EXPR)'],
  ['update', ['T', '--st', 'value = 0'], 'unknown option --st; did you mean --set?'],
  ['merge', ['T', '--when-matched-update-all', '--when-matched-update-all'], '--when-matched-update-all is given twice; give it once'],
  ['merge', ['T', '--when-not-matched-insert-all='], '--when-not-matched-insert-all= needs a CONDITION after "=" (or give --when-not-matched-insert-all alone)'],
  ['merge', ['T', '--on'], '--on needs a value ("t.id = s.id")'],
  ['merge', ['T', '--frobnicate'], 'unknown option --frobnicate'],
  ['sim', ['a', 'b'], 'unexpected argument "b": sim takes only <scenario.json | name> (here "a")'],
  ['sim', ['a', '--sed', '2'], 'unknown option --sed; did you mean --seed?'],
  ['optimize', ['T', '--where', 'id = 1'], 'unknown option --where'],
  ['clean', ['T', '--dry-run=yes'], '--dry-run is a switch and takes no value (got "--dry-run=yes")'],
  ['ducklake-export', ['C', '--table', 's.t', '--incremental', '--incremental'], '--incremental is given twice; give it once'],
  ['ducklake-lease', ['status', 'C', '--stale-afer', '1h'], 'unknown option --stale-afer; did you mean --stale-after?'],
  ['delete', ['C', '--tabel', 'main.t'], 'unknown option --tabel; did you mean --table?'],
];

describe('argument parsing, for every command', () => {
  it('has a table of good and bad arguments for every command', () => {
    const tested = new Set([...accepted.map((c) => c[0]), ...refused.map((c) => c[0])]);
    expect([...tested].sort()).toEqual(commands.map((c) => c.spec.name).sort());
  });

  it.each(accepted)('%s %j is accepted', (command, argv, positionals, expected) => {
    const args = parse(command, ...argv);
    expect(args.positionals).toEqual(positionals);
    expect(options(args)).toEqual(expected);
  });

  it.each(refused)('%s %j is refused', (command, argv, message) => {
    expect(refusal(command, ...argv)).toBe(message);
  });

  it.each(commands.map((c) => [c.spec.name, c.spec] as const))('%s refuses every declared option misused', (_, spec) => {
    const table = spec.positionals.some((p) => !p.optional) ? ['T'] : [];
    for (const option of spec.options) {
      if (option.takes === 'value') {
        expect(() => parseCommandArgs(spec, [...table, `--${option.name}`])).toThrow(`--${option.name} needs a value`);
        expect(() => parseCommandArgs(spec, [...table, `--${option.name}`, '--help'])).toThrow(`not the option --help`);
      } else if (option.takes === 'switch') {
        expect(() => parseCommandArgs(spec, [...table, `--${option.name}=x`])).toThrow(`--${option.name} is a switch`);
      }
      if (!option.repeatable) {
        const once = option.takes === 'value' ? [`--${option.name}`, 'x'] : [`--${option.name}`];
        expect(() => parseCommandArgs(spec, [...table, ...once, ...once])).toThrow(`--${option.name} is given twice`);
      }
      // One letter dropped from any option is recognised as that option's typo (or another's).
      const typo = option.name.length > 4 ? `--${option.name.slice(0, 2)}${option.name.slice(3)}` : undefined;
      if (typo && !spec.options.some((o) => `--${o.name}` === typo)) expect(() => parseCommandArgs(spec, [...table, typo, 'x'])).toThrow(/unknown option .*; did you mean --/);
    }
  });
});

describe('option values', () => {
  it('gives --source as every file, repeated and comma-separated', () => {
    expect(flagList(parse('append', 'T', '--source', 'a.csv', '--source', 'b.csv, c.parquet'), 'source')).toEqual(['a.csv', 'b.csv', 'c.parquet']);
    expect(flagList(parse('append', 'T'), 'source')).toBeUndefined();
  });

  it('reads numbers and times, and refuses what is not one', () => {
    expect(flagInteger(parse('scan', 'T', '--limit', '12'), 'limit')).toBe(12);
    expect(() => flagInteger(parse('scan', 'T', '--limit', '1.5'), 'limit')).toThrow('--limit must be a whole number, got "1.5"');
    expect(flagTimestamp(parse('scan', 'T', '--timestamp', '2020-04-27 06:30:00'), 'timestamp')).toBe(Date.UTC(2020, 3, 27, 6, 30));
    expect(flagTimestamp(parse('scan', 'T', '--timestamp', '2020-04-27T08:30:00+02:00'), 'timestamp')).toBe(Date.UTC(2020, 3, 27, 6, 30));
    expect(() => flagTimestamp(parse('scan', 'T', '--timestamp', 'yesterday'), 'timestamp')).toThrow('--timestamp must be an ISO timestamp');
  });

  it('keeps merge clauses in the order given, with their conditions and assignments', () => {
    const args = parse('merge', 'T', '--on', 't.id = s.id', '--when-matched-update=s.v > 0', '--when-matched-update-set', 'v = s.v',
      '--when-matched-delete', '--when-not-matched-insert-all');
    expect(toMergeClauses(args)).toEqual([
      { kind: 'whenMatchedUpdate', set: { v: 's.v' }, condition: 's.v > 0' },
      { kind: 'whenMatchedDelete', condition: undefined },
      { kind: 'whenNotMatchedInsertAll', condition: undefined },
    ]);
    expect(hasFlag(args, 'when-matched-update-set')).toBe(true);
    expect(flagString(args, 'when-matched-update')).toBe('s.v > 0');
    expect(() => toMergeClauses(parse('merge', 'T', '--when-matched-update'))).toThrow('--when-matched-update needs --when-matched-update-set "col = value, ..."');
    expect(() => toMergeClauses(parse('merge', 'T', '--when-not-matched-insert-set', 'a = 1', '--when-not-matched-insert-all'))).toThrow(
      '--when-not-matched-insert-set sets the columns of --when-not-matched-insert, which is not given',
    );
  });

  it('suggests only a close name', () => {
    expect(closestName('wehre', ['where', 'version'])).toBe('where');
    expect(closestName('frobnicate', ['where', 'version'])).toBeUndefined();
    expect(closestName('x', ['on'])).toBeUndefined();
  });
});
