/** Parses `lakelab <command> <table> [--flag value] [--switch]` into a plain value. */
import { LakeError } from '../core/errors.ts';

export interface ParsedArgs {
  command: string;
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[], switches: ReadonlySet<string>): ParsedArgs {
  const [command = 'help', ...rest] = argv;
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (eq > 0) flags.set(name, arg.slice(eq + 1));
    else if (switches.has(name)) flags.set(name, true);
    else {
      const value = rest[i + 1];
      if (value === undefined) throw new LakeError('InvalidInput', `--${name} needs a value`);
      flags.set(name, value);
      i++;
    }
  }
  return { command, positionals, flags };
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  if (value === true) throw new LakeError('InvalidInput', `--${name} needs a value`);
  return value;
}

export function flagInteger(args: ParsedArgs, name: string): number | undefined {
  const value = flagString(args, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new LakeError('InvalidInput', `--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

export function flagTimestamp(args: ParsedArgs, name: string): number | undefined {
  const value = flagString(args, name);
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new LakeError('InvalidInput', `--${name} must be an ISO timestamp, got "${value}"`);
  return ms;
}

export function flagList(args: ParsedArgs, name: string): string[] | undefined {
  const value = flagString(args, name);
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}
