/**
 * `lakelab <command> <table> [--option value] [--switch]`, parsed against the command's own
 * declaration of its options. Anything the command does not declare is refused, never ignored:
 * an unknown option (with the closest known one), a stray argument, an option without its value,
 * a value given to a switch, an option given twice that takes one value.
 */
import { parseIsoMs } from '../core/delta/civilTime.ts';
import { closestName } from './closestName.ts';

export interface OptionSpec {
  name: string;
  /**
   * 'value': `--name VALUE` or `--name=VALUE`; 'switch': `--name`; 'switchOrValue': `--name`
   * alone or `--name=VALUE` (a MERGE clause and its condition), never the next argument.
   */
  takes: 'value' | 'switch' | 'switchOrValue';
  /** May be given more than once (each value kept, in order). */
  repeatable?: boolean;
  /** The value's placeholder in the usage, e.g. "EXPR". */
  valueName?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  positionals: readonly { name: string; optional?: boolean }[];
  options: readonly OptionSpec[];
}

export interface ParsedArgs {
  command: string;
  positionals: string[];
  /** Every option given, in the order given. */
  options: { name: string; value: string | true }[];
}

/** Arguments that do not fit the command's declaration: exit code 2, with the command's usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function isHelpRequest(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: ParsedArgs['options'] = [];
  let optionsEnded = false;
  let lastRepeatable: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (optionsEnded || !looksLikeOption(arg)) {
      if (positionals.length >= spec.positionals.length) throw strayArgument(spec, arg, positionals, lastRepeatable);
      positionals.push(arg);
      lastRepeatable = undefined;
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq > 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const option = arg.startsWith('--') ? spec.options.find((o) => o.name === name) : undefined;
    if (!option) throw unknownOption(spec, arg.startsWith('--') ? `--${name}` : (eq > 0 ? arg.slice(0, eq) : arg), name);
    let value: string | true = true;
    if (option.takes === 'switch' && inline !== undefined) {
      throw new UsageError(`--${name} is a switch and takes no value (got "${arg}")`);
    } else if (option.takes === 'value') {
      const next = inline ?? argv[i + 1];
      if (next === undefined || next === '' || (inline === undefined && next.startsWith('--'))) {
        throw new UsageError(`--${name} needs a value${option.valueName ? ` (${option.valueName})` : ''}${next?.startsWith('--') ? `, not the option ${next}` : ''}`);
      }
      if (inline === undefined) i++;
      value = next;
    } else if (option.takes === 'switchOrValue' && inline !== undefined) {
      if (inline === '') throw new UsageError(`--${name}= needs a ${option.valueName ?? 'value'} after "=" (or give --${name} alone)`);
      value = inline;
    }
    if (!option.repeatable && options.some((o) => o.name === name)) throw new UsageError(`--${name} is given twice; give it once`);
    options.push({ name, value });
    lastRepeatable = option.repeatable && option.takes === 'value' ? name : undefined;
  }
  const missing = spec.positionals.slice(positionals.length).find((p) => !p.optional);
  if (missing) throw new UsageError(`missing ${missing.name}`);
  return { command: spec.name, positionals, options };
}

/** `--x`, `-x`: an option; `-`, `-5`, `-.5` and plain words are arguments. */
function looksLikeOption(arg: string): boolean {
  return arg.startsWith('-') && arg !== '-' && !/^-[\d.]/.test(arg);
}

function unknownOption(spec: CommandSpec, shown: string, name: string): UsageError {
  const known = spec.options.map((o) => o.name);
  const suggestion = known.includes(name) ? name : closestName(name, known);
  return new UsageError(`unknown option ${shown}${suggestion ? `; did you mean --${suggestion}?` : ''}`);
}

function strayArgument(spec: CommandSpec, arg: string, positionals: readonly string[], lastRepeatable: string | undefined): UsageError {
  const takes = spec.positionals.length === 0 ? 'takes no arguments' : `takes only ${spec.positionals.map((p) => p.name).join(' ')} (here "${positionals.join('" "')}")`;
  const hint = lastRepeatable ? `; to give --${lastRepeatable} several values, repeat --${lastRepeatable} or separate the values with commas` : '';
  return new UsageError(`unexpected argument "${arg}": ${spec.name} ${takes}${hint}`);
}

export function hasFlag(args: ParsedArgs, name: string): boolean {
  return args.options.some((o) => o.name === name);
}

/** The value of an option given once; undefined when absent (or given as a switch). */
export function flagString(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.find((o) => o.name === name)?.value;
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable option, each split at commas: `--source a.csv,b.csv --source c.csv`. */
export function flagList(args: ParsedArgs, name: string): string[] | undefined {
  const values = args.options.filter((o) => o.name === name && typeof o.value === 'string').map((o) => o.value as string);
  if (values.length === 0) return undefined;
  return values.flatMap((value) => value.split(',')).map((s) => s.trim()).filter(Boolean);
}

export function flagInteger(args: ParsedArgs, name: string): number | undefined {
  const value = flagString(args, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

export function flagTimestamp(args: ParsedArgs, name: string): number | undefined {
  const value = flagString(args, name);
  if (value === undefined) return undefined;
  // A time without a zone is UTC (as the log's times are), not this machine's local time.
  const ms = parseIsoMs(value);
  if (ms === undefined) throw new UsageError(`--${name} must be an ISO timestamp (e.g. 2024-05-01T12:00:00Z), got "${value}"`);
  return ms;
}

/** One of a fixed set of values. */
export function flagChoice<T extends string>(args: ParsedArgs, name: string, choices: readonly T[]): T | undefined {
  const value = flagString(args, name);
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${name} must be ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}, got "${value}"`);
  return value as T;
}
